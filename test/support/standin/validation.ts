/** Data validation and conditional formats. */
import { ClientObject, seal } from "./client-object";
import type { StandInContext } from "./context";
import { notModelled, propertyNotLoaded, rich } from "./errors";
import { RangeTarget, guard } from "./format";
import { intersects, normaliseColor } from "./geometry";
import { ConditionalFormatState, ValidationState } from "./workbook-state";
// ---------------------------------------------------------------------------------------------
// Data validation, conditional formats

export const RULE_KEYS = ["wholeNumber", "decimal", "list", "date", "time", "textLength", "custom"] as const;
export const RULE_TYPE: Record<(typeof RULE_KEYS)[number], string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  list: "List",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
};

export function validationType(v: ValidationState | undefined): string {
  const key = v?.rule && RULE_KEYS.find((k) => v.rule![k] !== undefined);
  return key ? RULE_TYPE[key] : "None";
}

export class DataValidationProxy extends ClientObject {
  constructor(context: StandInContext, private readonly target: RangeTarget) {
    super(context, "DataValidation");
    seal(this);
  }

  private update(prop: string, value: unknown, check: () => void, apply: (v: ValidationState) => void): void {
    const where = `DataValidation.${prop}`;
    this.write(prop, value, () => {
      const { sheet, rect } = this.target(where);
      check();
      guard(sheet, rect, "cells", where);
      sheet.forEach(rect, (r, c) => sheet.setValidation(r, c, apply));
    });
  }

  get rule(): Excel.DataValidationRule { return this.read("rule"); }
  set rule(value: Excel.DataValidationRule) {
    const rule = JSON.parse(JSON.stringify(value)) as Excel.DataValidationRule;
    this.update("rule", value, () => {
      const keys = RULE_KEYS.filter((k) => rule[k] !== undefined);
      if (keys.length !== 1) throw rich("InvalidArgument", "DataValidation.rule", "exactly one kind of criteria");
      if (rule.list) {
        const source = rule.list.source;
        if (typeof source !== "string") throw notModelled("list sources that are ranges");
        if (!source || source.length > 255) throw rich("InvalidArgument", "DataValidation.rule", "a list source is 1 to 255 characters");
      }
    }, (v) => (v.rule = rule));
  }
  get prompt(): Excel.DataValidationPrompt { return this.read("prompt"); }
  set prompt(value: Excel.DataValidationPrompt) {
    this.update("prompt", value, () => {
      if ((value.title ?? "").length > 32 || (value.message ?? "").length > 255)
        throw rich("InvalidArgument", "DataValidation.prompt", "title ≤ 32 and message ≤ 255 characters");
    }, (v) => (v.prompt = { ...value }));
  }
  get errorAlert(): Excel.DataValidationErrorAlert { return this.read("errorAlert"); }
  set errorAlert(value: Excel.DataValidationErrorAlert) {
    this.update("errorAlert", value, () => {
      if ((value.title ?? "").length > 32 || (value.message ?? "").length > 225)
        throw rich("InvalidArgument", "DataValidation.errorAlert", "title ≤ 32 and message ≤ 225 characters");
      if (!["Stop", "Warning", "Information"].includes(value.style)) throw rich("InvalidArgument", "DataValidation.errorAlert", value.style);
    }, (v) => (v.errorAlert = { ...value }));
  }
  get ignoreBlanks(): boolean { return this.read("ignoreBlanks"); }
  set ignoreBlanks(value: boolean) {
    this.update("ignoreBlanks", value, () => undefined, (v) => (v.ignoreBlanks = value));
  }
  get type(): string { return this.read("type"); }

  clear(): void {
    this.context.enqueue("DataValidation.clear", () => {
      const { sheet, rect } = this.target("DataValidation.clear");
      guard(sheet, rect, "cells", "DataValidation.clear");
      sheet.forEach(rect, (r, c) => sheet.clearValidation(r, c));
    });
  }

  load(what?: string | string[] | { select?: string }): this {
    this.queueLoad(what, ["rule", "prompt", "errorAlert", "ignoreBlanks", "type"], (p) => {
      const t = this.target("DataValidation.load");
      if (p === "type") {
        const types = new Set<string>();
        t.sheet.forEach(t.rect, (r, c) => void types.add(validationType(t.sheet.validationAt(r, c))));
        return types.size === 1 ? [...types][0] : "Inconsistent";
      }
      const first = t.sheet.validationAt(t.rect.top, t.rect.left);
      const value = first?.[p as keyof ValidationState];
      return value === undefined ? (p === "ignoreBlanks" ? true : null) : JSON.parse(JSON.stringify(value));
    });
    return this;
  }
}

export class ConditionalFormatCollectionProxy extends ClientObject {
  constructor(context: StandInContext, private readonly target: RangeTarget) {
    super(context, "ConditionalFormatCollection");
    seal(this);
  }

  add(type: string): ConditionalFormatProxy {
    if (type !== "Custom") throw notModelled(`conditional formats of type ${type}`);
    const holder: { state?: ConditionalFormatState } = {};
    this.context.enqueue("ConditionalFormatCollection.add", () => {
      const { sheet, rect } = this.target("ConditionalFormatCollection.add");
      guard(sheet, rect, "cells", "ConditionalFormatCollection.add");
      holder.state = { range: { ...rect }, type };
      sheet.conditionalFormats.push(holder.state);
    });
    return new ConditionalFormatProxy(this.context, (where) => {
      if (!holder.state) throw rich("InvalidObjectPath", where);
      return holder.state;
    });
  }

  clearAll(): void {
    this.context.enqueue("ConditionalFormatCollection.clearAll", () => {
      const { sheet, rect } = this.target("ConditionalFormatCollection.clearAll");
      for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--)
        if (intersects(sheet.conditionalFormats[i].range, rect)) sheet.conditionalFormats.splice(i, 1);
    });
  }
}

export type CfTarget = (where: string) => ConditionalFormatState;

export class ConditionalFormatProxy extends ClientObject {
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string; bold: boolean; italic: boolean } };
  };

  constructor(context: StandInContext, target: CfTarget) {
    super(context, "ConditionalFormat");
    const set = <K extends keyof ConditionalFormatState>(where: string, key: K, value: ConditionalFormatState[K]) =>
      context.enqueue(where, () => void (target(where)[key] = value));
    const store: Record<string, unknown> = {};
    const prop = <T>(where: string, apply: (v: T) => void) => ({
      get: (): T => {
        if (!(where in store)) throw propertyNotLoaded("ConditionalFormat", where);
        return store[where] as T;
      },
      set: (v: T) => {
        store[where] = v;
        apply(v);
      },
    });
    const rule = Object.defineProperty({}, "formula", {
      ...prop<string>("custom.rule.formula", (v) => set("CustomConditionalFormat.rule.formula", "formula", v)),
      enumerable: true,
    }) as { formula: string };
    const fill = Object.defineProperty({}, "color", {
      ...prop<string>("custom.format.fill.color", (v) => set("ConditionalRangeFill.color", "fill", normaliseColor(v, "ConditionalRangeFill.color"))),
      enumerable: true,
    }) as { color: string };
    const font = Object.defineProperties(
      {},
      {
        color: { ...prop<string>("custom.format.font.color", (v) => set("ConditionalRangeFont.color", "fontColor", normaliseColor(v, "ConditionalRangeFont.color"))), enumerable: true },
        bold: { ...prop<boolean>("custom.format.font.bold", (v) => set("ConditionalRangeFont.bold", "bold", v)), enumerable: true },
        italic: { ...prop<boolean>("custom.format.font.italic", (v) => set("ConditionalRangeFont.italic", "italic", v)), enumerable: true },
      },
    ) as { color: string; bold: boolean; italic: boolean };
    this.custom = seal({ rule: seal(rule), format: seal({ fill: seal(fill), font: seal(font) }) });
    seal(this);
  }
}

