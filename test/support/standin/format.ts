/** Range formats (font, fill, alignment, protection, borders) and sheet-protection guards. */
import { BorderState, CellState, Edge } from "./cells";
import { ClientObject, seal } from "./client-object";
import type { StandInContext } from "./context";
import { notModelled, rich } from "./errors";
import { Rect, normaliseColor, shape } from "./geometry";
import { Edit } from "./range";
import { SheetState } from "./workbook-state";

/** Sheet protection: what a protected sheet lets the API change (as it lets the user). */
export function guard(sheet: SheetState, rect: Rect, edit: Edit, where: string): void {
  const p = sheet.protection;
  if (!p.protected) return;
  const denied =
    edit === "values"
      ? (() => {
          let locked = false;
          sheet.forEach(rect, (r, c) => (locked ||= sheet.cell(r, c).locked));
          return locked;
        })()
      : edit === "cells"
        ? !p.options.allowFormatCells
        : edit === "columns"
          ? !p.options.allowFormatColumns
          : edit === "rows"
            ? !p.options.allowFormatRows
            : true;
  if (denied) throw rich("AccessDenied", where, `${sheet.name} is protected`);
}


export type RangeTarget = (where: string) => { sheet: SheetState; rect: Rect };

/** A format property of every cell of a range: uniform value, or null when cells differ. */
export function uniform<T>(target: { sheet: SheetState; rect: Rect }, get: (cell: Readonly<CellState>) => T): T | null {
  let first: T | undefined;
  let same = true;
  target.sheet.forEach(target.rect, (r, c) => {
    const v = get(target.sheet.cell(r, c));
    if (first === undefined) first = v;
    else if (v !== first) same = false;
  });
  return same ? (first as T) : null;
}

/** A proxy whose properties are per-cell formats of the range. */
export abstract class CellFormatProxy extends ClientObject {
  constructor(context: StandInContext, entity: string, protected readonly target: RangeTarget) {
    super(context, entity);
  }

  protected setEach(prop: string, value: unknown, apply: (cell: CellState) => void, check?: () => void, api?: number): void {
    const where = `${this.entity}.${prop}`;
    this.write(prop, value, () => {
      check?.();
      const t = this.target(where);
      guard(t.sheet, t.rect, "cells", where);
      t.sheet.forEach(t.rect, (r, c) => apply(t.sheet.edit(r, c)));
    }, { api });
  }

  protected loadEach(what: string | string[] | { select?: string } | undefined, getters: Record<string, (cell: Readonly<CellState>) => unknown>): void {
    this.queueLoad(what, Object.keys(getters), (p) => uniform(this.target(`${this.entity}.load`), getters[p]));
  }
}

export const H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
export const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];

export class RangeFormatProxy extends CellFormatProxy {
  private fontProxy: RangeFontProxy | undefined = undefined;
  private fillProxy: RangeFillProxy | undefined = undefined;
  private protectionProxy: FormatProtectionProxy | undefined = undefined;
  private bordersProxy: RangeBorderCollectionProxy | undefined = undefined;

  constructor(context: StandInContext, target: RangeTarget) {
    super(context, "RangeFormat", target);
    seal(this);
  }

  get font(): RangeFontProxy {
    return (this.fontProxy ??= new RangeFontProxy(this.context, this.target));
  }
  get fill(): RangeFillProxy {
    return (this.fillProxy ??= new RangeFillProxy(this.context, this.target));
  }
  get protection(): FormatProtectionProxy {
    this.context.requireApi(2, "RangeFormat.protection");
    return (this.protectionProxy ??= new FormatProtectionProxy(this.context, this.target));
  }
  get borders(): RangeBorderCollectionProxy {
    return (this.bordersProxy ??= new RangeBorderCollectionProxy(this.context, this.target));
  }

  get horizontalAlignment(): string { return this.read("horizontalAlignment"); }
  set horizontalAlignment(value: string) {
    this.setEach("horizontalAlignment", value, (c) => (c.horizontalAlignment = value), () => {
      if (!H_ALIGN.includes(value)) throw rich("InvalidArgument", "RangeFormat.horizontalAlignment", value);
    });
  }
  get verticalAlignment(): string { return this.read("verticalAlignment"); }
  set verticalAlignment(value: string) {
    this.setEach("verticalAlignment", value, (c) => (c.verticalAlignment = value), () => {
      if (!V_ALIGN.includes(value)) throw rich("InvalidArgument", "RangeFormat.verticalAlignment", value);
    });
  }
  get wrapText(): boolean { return this.read("wrapText"); }
  set wrapText(value: boolean) {
    this.setEach("wrapText", value, (c) => (c.wrapText = value));
  }
  get indentLevel(): number { return this.read("indentLevel"); }
  set indentLevel(value: number) {
    this.setEach("indentLevel", value, (c) => (c.indentLevel = value), () => {
      if (!Number.isInteger(value) || value < 0 || value > 250) throw rich("InvalidArgument", "RangeFormat.indentLevel", String(value));
    }, 9);
  }

  /** Column width in points; applies to whole columns. */
  get columnWidth(): number { return this.read("columnWidth"); }
  set columnWidth(value: number) {
    this.write("columnWidth", value, () => {
      const { sheet, rect } = this.target("RangeFormat.columnWidth");
      if (!(value >= 0 && value <= 1790)) throw rich("InvalidArgument", "RangeFormat.columnWidth", String(value));
      guard(sheet, rect, "columns", "RangeFormat.columnWidth");
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, value);
    }, { api: 2 });
  }
  /** Row height in points; applies to whole rows. */
  get rowHeight(): number { return this.read("rowHeight"); }
  set rowHeight(value: number) {
    this.write("rowHeight", value, () => {
      const { sheet, rect } = this.target("RangeFormat.rowHeight");
      if (!(value >= 0 && value <= 409)) throw rich("InvalidArgument", "RangeFormat.rowHeight", String(value));
      guard(sheet, rect, "rows", "RangeFormat.rowHeight");
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, value);
    }, { api: 2 });
  }

  load(what?: string | string[] | { select?: string }): this {
    const names = ClientObject.names(what);
    const cellProps: Record<string, (cell: Readonly<CellState>) => unknown> = {
      horizontalAlignment: (c) => c.horizontalAlignment,
      verticalAlignment: (c) => c.verticalAlignment,
      wrapText: (c) => c.wrapText,
      indentLevel: (c) => c.indentLevel,
    };
    const all = names.length === 0;
    const sizes = ["columnWidth", "rowHeight"].filter((p) => all || names.includes(p));
    const cellNames = all ? Object.keys(cellProps) : names.filter((p) => !sizes.includes(p));
    if (cellNames.length) this.loadEach(cellNames, cellProps);
    if (sizes.length)
      this.context.enqueue("RangeFormat.load", () => {
        const { sheet, rect } = this.target("RangeFormat.load");
        const widths = new Set(Array.from({ length: shape(rect)[1] }, (_, i) => sheet.columnWidth(rect.left + i)));
        const heights = new Set(Array.from({ length: shape(rect)[0] }, (_, i) => sheet.rowHeight(rect.top + i)));
        const width = widths.size === 1 ? [...widths][0] : null;
        const height = heights.size === 1 ? [...heights][0] : null;
        return () => {
          if (sizes.includes("columnWidth")) this.loaded.columnWidth = width;
          if (sizes.includes("rowHeight")) this.loaded.rowHeight = height;
        };
      });
    return this;
  }
}

export class RangeFontProxy extends CellFormatProxy {
  constructor(context: StandInContext, target: RangeTarget) {
    super(context, "RangeFont", target);
    seal(this);
  }
  get name(): string { return this.read("name"); }
  set name(value: string) {
    this.setEach("name", value, (c) => (c.font.name = value));
  }
  get size(): number { return this.read("size"); }
  set size(value: number) {
    this.setEach("size", value, (c) => (c.font.size = value), () => {
      if (!(value >= 1 && value <= 409)) throw rich("InvalidArgument", "RangeFont.size", String(value));
    });
  }
  get bold(): boolean { return this.read("bold"); }
  set bold(value: boolean) {
    this.setEach("bold", value, (c) => (c.font.bold = value));
  }
  get italic(): boolean { return this.read("italic"); }
  set italic(value: boolean) {
    this.setEach("italic", value, (c) => (c.font.italic = value));
  }
  get color(): string { return this.read("color"); }
  set color(value: string) {
    this.setEach("color", value, (c) => (c.font.color = normaliseColor(value, "RangeFont.color")));
  }
  load(what?: string | string[] | { select?: string }): this {
    this.loadEach(what, { name: (c) => c.font.name, size: (c) => c.font.size, bold: (c) => c.font.bold, italic: (c) => c.font.italic, color: (c) => c.font.color });
    return this;
  }
}

export class RangeFillProxy extends CellFormatProxy {
  constructor(context: StandInContext, target: RangeTarget) {
    super(context, "RangeFill", target);
    seal(this);
  }
  get color(): string { return this.read("color"); }
  set color(value: string) {
    this.setEach("color", value, (c) => (c.fill = normaliseColor(value, "RangeFill.color")));
  }
  clear(): void {
    this.context.enqueue("RangeFill.clear", () => {
      const t = this.target("RangeFill.clear");
      guard(t.sheet, t.rect, "cells", "RangeFill.clear");
      t.sheet.forEach(t.rect, (r, c) => (t.sheet.edit(r, c).fill = null));
    });
  }
  load(what?: string | string[] | { select?: string }): this {
    this.loadEach(what, { color: (c) => c.fill ?? "#FFFFFF" });
    return this;
  }
}

export class FormatProtectionProxy extends CellFormatProxy {
  constructor(context: StandInContext, target: RangeTarget) {
    super(context, "FormatProtection", target);
    seal(this);
  }
  get locked(): boolean { return this.read("locked"); }
  set locked(value: boolean) {
    this.setEach("locked", value, (c) => (c.locked = value));
  }
  load(what?: string | string[] | { select?: string }): this {
    this.loadEach(what, { locked: (c) => c.locked });
    return this;
  }
}

export const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

export class RangeBorderCollectionProxy extends ClientObject {
  constructor(context: StandInContext, private readonly target: RangeTarget) {
    super(context, "RangeBorderCollection");
    seal(this);
  }
  getItem(index: string): RangeBorderProxy {
    if (!BORDER_INDEXES.includes(index)) throw new Error(`Excel stand-in: unknown border index ${index}`);
    if (index.startsWith("Diagonal")) throw notModelled("diagonal borders");
    return new RangeBorderProxy(this.context, this.target, index);
  }
}

export class RangeBorderProxy extends ClientObject {
  constructor(context: StandInContext, private readonly target: RangeTarget, private readonly index: string) {
    super(context, "RangeBorder");
    seal(this);
  }

  private apply(prop: keyof BorderState, value: string): void {
    const where = `RangeBorder.${prop}`;
    this.write(prop, value, () => {
      const { sheet, rect } = this.target(where);
      guard(sheet, rect, "cells", where);
      if (prop === "style" && !["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"].includes(value))
        throw rich("InvalidArgument", where, value);
      if (prop === "weight" && !["Hairline", "Thin", "Medium", "Thick"].includes(value)) throw rich("InvalidArgument", where, value);
      const v = prop === "color" ? normaliseColor(value, where) : value;
      const edges: [number, number, Edge][] = [];
      sheet.forEach(rect, (r, c) => {
        if (this.index === "EdgeTop" && r === rect.top) edges.push([r, c, "top"]);
        if (this.index === "EdgeBottom" && r === rect.bottom) edges.push([r, c, "bottom"]);
        if (this.index === "EdgeLeft" && c === rect.left) edges.push([r, c, "left"]);
        if (this.index === "EdgeRight" && c === rect.right) edges.push([r, c, "right"]);
        if (this.index === "InsideHorizontal" && r < rect.bottom) edges.push([r, c, "bottom"], [r + 1, c, "top"]);
        if (this.index === "InsideVertical" && c < rect.right) edges.push([r, c, "right"], [r, c + 1, "left"]);
      });
      for (const [r, c, edge] of edges) {
        const cell = sheet.edit(r, c);
        if (prop === "style" && v === "None") delete cell.borders[edge];
        else cell.borders[edge] = { ...(cell.borders[edge] ?? { style: "Continuous", weight: "Thin", color: "#000000" }), [prop]: v };
      }
    });
  }

  get style(): string { return this.read("style"); }
  set style(value: string) {
    this.apply("style", value);
  }
  get weight(): string { return this.read("weight"); }
  set weight(value: string) {
    this.apply("weight", value);
  }
  get color(): string { return this.read("color"); }
  set color(value: string) {
    this.apply("color", value);
  }
}

