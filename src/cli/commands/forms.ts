import { FORMS } from "../../catalog";
import { parseArgs, has, UsageError } from "../args";
import type { Io } from "../io";

/** The `forms` JSON shape (public; fields may be added, never renamed). */
export function formsJson() {
  return {
    forms: FORMS.map((form) => ({
      id: form.id,
      family: form.family,
      title: form.title,
      appendix: form.appendix,
      level: form.levels.join(","),
      levels: form.levels,
      source: form.source,
      columns: form.columns.map((c) => ({ id: c.id, label: c.label, role: c.role })),
      // The levels each row is reported at (its own when narrower than the form's): a commune leaves the others.
      rows: form.rows.map((r) => ({ id: r.id, stt: r.stt, label: r.label, kind: r.kind, levels: r.levels ?? form.levels })),
    })),
  };
}

export async function runForms(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { "--json": { value: false } });
  if (args.positional.length) throw new UsageError("Lệnh forms không nhận tham số.");
  if (has(args, "--json")) {
    io.out(JSON.stringify(formsJson(), null, 2) + "\n");
    return 0;
  }
  let family = "";
  for (const form of FORMS) {
    if (form.family !== family) {
      family = form.family;
      io.out(`\n${form.familyTitle}  [${family}]\n`);
    }
    io.out(`  ${form.id.padEnd(40)} ${form.appendix}: ${form.title} (${form.rows.length} dòng)\n`);
  }
  return 0;
}
