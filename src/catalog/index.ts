/**
 * The catalogue of official forms: every family module, as the zod schema gives it. Shared code
 * looks forms up here and reads their behaviour from the data; it never branches on a form id.
 *
 * The schema checks the modules in the tests (test/catalog-fidelity: every form parses, and
 * parsing gives exactly `withDefaults` of it), not at each start: parsing the catalogue cost
 * 35-100 ms in every process — the CLI, each read worker, the pane.
 */
import type { Form, FormInput } from "./schema";
import { forms as tk2011Huyen } from "./forms/tk2011-2020-huyen";
import { forms as tk2011Tinh } from "./forms/tk2011-2020-tinh";
import { forms as tk2011Xa } from "./forms/tk2011-2020-xa";
import { forms as baoCaoDinhKy } from "./forms/bao-cao-dinh-ky";
import { forms as parIndex } from "./forms/par-index-2023-2025";

/** Bumped when a form's layout changes in a way that old templates must be told apart from. */
export const CATALOG_VERSION = 1;

/** Every form module's input, family by family. */
export const FORM_INPUTS: readonly FormInput[] = [tk2011Huyen, tk2011Tinh, tk2011Xa, baoCaoDinhKy, parIndex].flat();

/** A module's form as `FormSchema.parse` gives it: the defaults the schema names filled in. */
export function withDefaults(input: FormInput): Form {
  return { ...input, subtitles: input.subtitles ?? [], rules: input.rules ?? [], footnotes: input.footnotes ?? [], notes: input.notes ?? [] } as Form;
}

function load(): Form[] {
  const forms = FORM_INPUTS.map(withDefaults);
  const seen = new Set<string>();
  for (const form of forms) {
    if (seen.has(form.id)) throw new Error(`Catalogue form id ${form.id} is used twice`);
    seen.add(form.id);
  }
  return forms;
}

export const FORMS: readonly Form[] = load();

export function findForm(id: string): Form | undefined {
  return FORMS.find((f) => f.id === id);
}

export * from "./schema";
