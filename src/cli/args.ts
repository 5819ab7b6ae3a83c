/** A small, strict argument parser: known flags only, so a typo is a usage error, not ignored. */
export interface FlagSpec {
  /** Takes a value (`-o OUT`) rather than being a switch (`--json`). */
  value: boolean;
  aliases?: string[];
  repeatable?: boolean;
}

export interface Parsed {
  positional: string[];
  flags: Map<string, string[]>;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], spec: Record<string, FlagSpec>): Parsed {
  const byName = new Map<string, string>();
  for (const [name, s] of Object.entries(spec)) {
    byName.set(name, name);
    for (const alias of s.aliases ?? []) byName.set(alias, name);
  }
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const [rawName, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const name = byName.get(rawName);
    if (!name) throw new UsageError(`Không hiểu tuỳ chọn «${rawName}».`);
    const s = spec[name];
    let value = "true";
    if (s.value) {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new UsageError(`Tuỳ chọn «${rawName}» cần một giá trị.`);
      value = next;
    }
    const list = flags.get(name) ?? [];
    if (list.length && !s.repeatable) throw new UsageError(`Tuỳ chọn «${rawName}» chỉ được dùng một lần.`);
    list.push(value);
    flags.set(name, list);
  }
  return { positional, flags };
}

export function flag(parsed: Parsed, name: string): string | undefined {
  return parsed.flags.get(name)?.[0];
}

export function has(parsed: Parsed, name: string): boolean {
  return parsed.flags.has(name);
}
