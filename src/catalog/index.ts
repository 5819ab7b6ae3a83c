/**
 * The catalogue of official forms: every family module, parsed once through the zod schema.
 * Shared code looks forms up here and reads their behaviour from the data; it never branches
 * on a form id.
 */
import { FormSchema, type Form, type FormInput } from "./schema";
import { forms as tk2011Huyen } from "./forms/tk2011-2020-huyen";
import { forms as tk2011Tinh } from "./forms/tk2011-2020-tinh";
import { forms as tk2011Xa } from "./forms/tk2011-2020-xa";
import { forms as baoCaoDinhKy } from "./forms/bao-cao-dinh-ky";
import { forms as parIndex } from "./forms/par-index-2023-2025";

/** Bumped when a form's layout changes in a way that old templates must be told apart from. */
export const CATALOG_VERSION = 1;

const FAMILIES: FormInput[][] = [tk2011Huyen, tk2011Tinh, tk2011Xa, baoCaoDinhKy, parIndex];

function load(): Form[] {
  const forms = FAMILIES.flat().map((input) => {
    const parsed = FormSchema.safeParse(input);
    if (!parsed.success) {
      const where = (input as { id?: string }).id ?? "(form without id)";
      throw new Error(`Catalogue form ${where} is malformed: ${parsed.error.message}`);
    }
    return parsed.data;
  });
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
