/** Ranges: values, formulas, number formats, used range, merges, selection. */
import { CellState, displayText, writeInput } from "./cells";
import { ClientObject, seal } from "./client-object";
import type { StandInContext } from "./context";
import { notModelled, rich } from "./errors";
import { RangeFormatProxy, guard } from "./format";
import { MAX_CELLS_PER_OPERATION, Rect, cellCount, contains, intersects, matrixOf, parseAddress, quoteSheet, rectAddress, shape } from "./geometry";
import { ConditionalFormatCollectionProxy, DataValidationProxy } from "./validation";
import { SheetState } from "./workbook-state";
// ---------------------------------------------------------------------------------------------
// Ranges

export class RangeBinding {
  sheet: SheetState | undefined = undefined;
  rect: Rect | null | undefined = undefined;

  target(where: string): { sheet: SheetState; rect: Rect } {
    if (!this.sheet || this.rect === undefined) throw rich("InvalidObjectPath", where);
    if (this.rect === null) throw rich("ItemNotFound", where, "null object");
    return { sheet: this.sheet, rect: this.rect };
  }
}

export type Edit = "values" | "cells" | "columns" | "rows" | "merge";

export const RANGE_PROPS = ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount", "values", "formulas", "text", "numberFormat", "columnHidden", "rowHidden"];

export class RangeProxy extends ClientObject {
  private formatProxy: RangeFormatProxy | undefined = undefined;
  private validationProxy: DataValidationProxy | undefined = undefined;
  private conditionalProxy: ConditionalFormatCollectionProxy | undefined = undefined;

  constructor(context: StandInContext, readonly binding: RangeBinding) {
    super(context, "Range");
    seal(this);
  }

  /** @internal */
  markResolved(isNull: boolean): void {
    this.nullState = isNull;
  }

  private target(where: string): { sheet: SheetState; rect: Rect } {
    return this.binding.target(`Range.${where}`);
  }

  get address(): string { return this.read("address"); }
  get rowIndex(): number { return this.read("rowIndex"); }
  get columnIndex(): number { return this.read("columnIndex"); }
  get rowCount(): number { return this.read("rowCount"); }
  get columnCount(): number { return this.read("columnCount"); }
  get cellCount(): number { return this.read("cellCount"); }
  get text(): string[][] { return this.read("text"); }

  get values(): unknown[][] { return this.read("values"); }
  set values(value: unknown[][]) {
    this.writeCells("values", value);
  }
  get formulas(): unknown[][] { return this.read("formulas"); }
  set formulas(value: unknown[][]) {
    this.writeCells("formulas", value);
  }

  private writeCells(prop: "values" | "formulas", value: unknown): void {
    const where = `Range.${prop}`;
    this.write(prop, value, () => {
      const { sheet, rect } = this.target(prop);
      const at = matrixOf(value, rect, where);
      guard(sheet, rect, "values", where);
      sheet.forEach(rect, (r, c) => writeInput(sheet.edit(r, c), at(r - rect.top, c - rect.left), where, this.context.host.locale));
      this.context.host.rangeChanged(sheet, rect, true);
    }, { bytes: JSON.stringify(value).length });
  }

  get numberFormat(): string[][] { return this.read("numberFormat"); }
  set numberFormat(value: string[][]) {
    this.write("numberFormat", value, () => {
      const { sheet, rect } = this.target("numberFormat");
      const at = matrixOf(value, rect, "Range.numberFormat");
      guard(sheet, rect, "cells", "Range.numberFormat");
      sheet.forEach(rect, (r, c) => {
        const f = at(r - rect.top, c - rect.left);
        if (f === null || f === undefined) return;
        if (typeof f !== "string" || f === "") throw rich("InvalidArgument", "Range.numberFormat", JSON.stringify(f));
        sheet.edit(r, c).numberFormat = f;
      });
    }, { bytes: JSON.stringify(value).length });
  }

  get columnHidden(): boolean { return this.read("columnHidden"); }
  set columnHidden(value: boolean) {
    this.write("columnHidden", value, () => {
      const { sheet, rect } = this.target("columnHidden");
      guard(sheet, rect, "columns", "Range.columnHidden");
      for (let c = rect.left; c <= rect.right; c++) {
        if (value) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    }, { api: 2 });
  }
  get rowHidden(): boolean { return this.read("rowHidden"); }
  set rowHidden(value: boolean) {
    this.write("rowHidden", value, () => {
      const { sheet, rect } = this.target("rowHidden");
      guard(sheet, rect, "rows", "Range.rowHidden");
      if (cellCount({ ...rect, left: 0, right: 0 }) > MAX_CELLS_PER_OPERATION) throw notModelled("hiding that many rows");
      for (let r = rect.top; r <= rect.bottom; r++) {
        if (value) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
    }, { api: 2 });
  }

  load(what?: string | string[] | { select?: string }): this {
    this.queueLoad(what, RANGE_PROPS, (p) => this.snapshot(p));
    return this;
  }

  private snapshot(prop: string): unknown {
    // Office.js lets code load a null object (getUsedRangeOrNullObject on an empty sheet): the
    // sync succeeds, isNullObject is true and every property reads as null.
    if (this.binding.rect === null) return null;
    const { sheet, rect } = this.target("load");
    const grid = <T>(fn: (cell: Readonly<CellState>, r: number, c: number) => T): T[][] => {
      const out: T[][] = [];
      sheet.forEach(rect, (r, c) => {
        if (c === rect.left) out.push([]);
        out[out.length - 1].push(fn(sheet.cell(r, c), r, c));
      });
      return out;
    };
    const valueOf = (cell: Readonly<CellState>, r: number, c: number) => {
      if (cell.formula === null) return cell.value ?? "";
      if (!this.context.host.calculate) throw notModelled(`calculating ${cell.formula} (pass options.calculate)`);
      return this.context.host.calculate(sheet.name, r, c, cell.formula, this.context.host);
    };
    switch (prop) {
      case "address":
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return shape(rect)[0];
      case "columnCount":
        return shape(rect)[1];
      case "cellCount":
        return cellCount(rect);
      case "values":
        return grid(valueOf);
      case "formulas":
        return grid((cell) => cell.formula ?? cell.value ?? "");
      case "text":
        return grid((cell, r, c) => {
          const v = valueOf(cell, r, c);
          return v === "" ? "" : displayText(v, cell.numberFormat, this.context.host.locale);
        });
      case "numberFormat":
        return grid((cell) => cell.numberFormat);
      case "columnHidden":
        return Array.from({ length: shape(rect)[1] }, (_, i) => sheet.hiddenColumns.has(rect.left + i)).every(Boolean);
      case "rowHidden":
        return Array.from({ length: shape(rect)[0] }, (_, i) => sheet.hiddenRows.has(rect.top + i)).every(Boolean);
      default:
        throw new Error(`unreachable ${prop}`);
    }
  }

  merge(across = false): void {
    this.context.requireApi(2, "Range.merge");
    this.context.enqueue("Range.merge", () => {
      const { sheet, rect } = this.target("merge");
      guard(sheet, rect, "merge", "Range.merge");
      const areas = across ? Array.from({ length: shape(rect)[0] }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
      for (const area of areas) {
        if (cellCount(area) === 1) continue;
        for (let i = sheet.merges.length - 1; i >= 0; i--) {
          const m = sheet.merges[i];
          if (!intersects(m, area)) continue;
          if (!contains(area, m)) throw notModelled(`merging ${rectAddress(area)} across the existing merge ${rectAddress(m)}`);
          sheet.merges.splice(i, 1);
        }
        // Excel keeps the upper-left value and gives the merged area the upper-left cell's format.
        const { value: _v, formula: _f, borders: _b, ...format } = sheet.cell(area.top, area.left);
        sheet.forEach(area, (r, c) => {
          if (r === area.top && c === area.left) return;
          const cell = sheet.edit(r, c);
          Object.assign(cell, JSON.parse(JSON.stringify(format)), { value: null, formula: null });
        });
        sheet.merges.push({ ...area });
      }
    });
  }

  /**
   * The part of this range that is used: its intersection with the sheet's used range (with
   * `valuesOnly`, the cells holding values or formulas), resolved at sync like any navigation.
   * `getUsedRange` fails with ItemNotFound when none is used (ExcelApi 1.1 without the argument,
   * 1.2 with it); `getUsedRangeOrNullObject` (ExcelApi 1.4) gives a null object instead.
   */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.usedPart("Range.getUsedRange", valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.context.requireApi(4, "Range.getUsedRangeOrNullObject");
    return this.usedPart("Range.getUsedRangeOrNullObject", valuesOnly, true);
  }

  /**
   * The merged areas whose top-left cell is in this range (ExcelApi 1.13), or a null object when
   * there are none. Top-left, not every area touching the range: Microsoft's reference says "the
   * merged areas in this range", and Excel on the web and desktop return only areas starting in it
   * (https://github.com/OfficeDev/office-js/issues/3611, confirmed by design). Over 512 areas the
   * reference says the method "will fail to return the result" without naming the error: here
   * GeneralException at sync.
   */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.context.requireApi(13, "Range.getMergedAreasOrNullObject");
    const binding: { sheet?: SheetState; areas?: Rect[] } = {};
    const proxy = new RangeAreasProxy(this.context, binding);
    this.context.enqueue("Range.getMergedAreasOrNullObject", () => {
      const { sheet, rect } = this.target("getMergedAreasOrNullObject");
      const areas = sheet.merges
        .filter((m) => m.top >= rect.top && m.top <= rect.bottom && m.left >= rect.left && m.left <= rect.right)
        .sort((a, b) => a.top - b.top || a.left - b.left);
      if (areas.length > MAX_MERGED_AREAS) throw rich("GeneralException", "Range.getMergedAreasOrNullObject", `${areas.length} merged areas`);
      binding.sheet = sheet;
      binding.areas = areas.map((a) => ({ ...a }));
      return () => proxy.markResolved(areas.length === 0);
    });
    return proxy;
  }

  /** Row `index` of the range (0-based), as a range. */
  getRow(index: number): RangeProxy {
    return this.derived("Range.getRow", ({ rect }) => {
      if (!Number.isInteger(index) || index < 0 || rect.top + index > rect.bottom) throw rich("InvalidArgument", "Range.getRow", String(index));
      return { ...rect, top: rect.top + index, bottom: rect.top + index };
    });
  }

  /** The smallest range holding this range and `other` (same sheet). */
  getBoundingRect(other: RangeProxy | string): RangeProxy {
    return this.derived("Range.getBoundingRect", ({ sheet, rect }) => {
      let b: Rect | undefined;
      if (typeof other === "string") b = parseAddress(other);
      else {
        const t = other.binding.target("Range.getBoundingRect");
        if (t.sheet !== sheet) throw rich("InvalidArgument", "Range.getBoundingRect", "another sheet");
        b = t.rect;
      }
      if (!b) throw rich("InvalidArgument", "Range.getBoundingRect", String(other));
      return { top: Math.min(rect.top, b.top), left: Math.min(rect.left, b.left), bottom: Math.max(rect.bottom, b.bottom), right: Math.max(rect.right, b.right) };
    });
  }

  /**
   * office.js sends this before writing a large array in slices of rows (about 1,500 cells each,
   * `setRangePropertiesInBulk`): the host checks the whole array's size against the range.
   */
  _ValidateArraySize(rows: number, columns: number): void {
    this.context.enqueue("Range._ValidateArraySize", () => {
      const { rect } = this.target("_ValidateArraySize");
      const [r, c] = shape(rect);
      if (r !== rows || c !== columns)
        throw rich("InvalidArgument", "Range._ValidateArraySize", "the number of rows or columns in the input array doesn't match the size or dimensions of the range");
    });
  }

  /** A range computed from this one when the request runs. */
  private derived(where: string, compute: (t: { sheet: SheetState; rect: Rect }) => Rect): RangeProxy {
    const binding = new RangeBinding();
    const proxy = new RangeProxy(this.context, binding);
    this.context.enqueue(where, () => {
      const t = this.target(where);
      binding.sheet = t.sheet;
      binding.rect = compute(t);
      return () => proxy.markResolved(false);
    });
    return proxy;
  }

  private usedPart(where: string, valuesOnly: boolean | undefined, orNull: boolean): RangeProxy {
    const binding = new RangeBinding();
    const proxy = new RangeProxy(this.context, binding);
    this.context.enqueue(
      where,
      () => {
        const { sheet, rect } = this.target(where);
        const used = sheet.usedRange(valuesOnly ?? false);
        const part =
          used && intersects(used, rect)
            ? { top: Math.max(used.top, rect.top), left: Math.max(used.left, rect.left), bottom: Math.min(used.bottom, rect.bottom), right: Math.min(used.right, rect.right) }
            : null;
        if (!part && !orNull) throw rich("ItemNotFound", where, "no used cells in the range");
        binding.sheet = sheet;
        binding.rect = part;
        return () => proxy.markResolved(part === null);
      },
      { api: orNull ? undefined : valuesOnly === undefined ? undefined : 2 },
    );
    return proxy;
  }

  /** Selects the range; Excel refuses a selection on a sheet that is not active. */
  select(): void {
    this.context.enqueue("Range.select", () => {
      const { sheet, rect } = this.target("select");
      if (this.context.host.activeSheetId !== sheet.id) throw rich("InvalidOperation", "Range.select", "the sheet is not active");
      this.context.host.selection = { sheet: sheet.name, address: rectAddress(rect) };
    });
  }

  unmerge(): void {
    this.context.requireApi(2, "Range.unmerge");
    this.context.enqueue("Range.unmerge", () => {
      const { sheet, rect } = this.target("unmerge");
      guard(sheet, rect, "merge", "Range.unmerge");
      for (let i = sheet.merges.length - 1; i >= 0; i--) if (intersects(sheet.merges[i], rect)) sheet.merges.splice(i, 1);
    });
  }

  get format(): RangeFormatProxy {
    return (this.formatProxy ??= new RangeFormatProxy(this.context, (w) => this.target(w)));
  }
  get dataValidation(): DataValidationProxy {
    this.context.requireApi(8, "Range.dataValidation");
    return (this.validationProxy ??= new DataValidationProxy(this.context, (w) => this.target(w)));
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.context.requireApi(6, "Range.conditionalFormats");
    return (this.conditionalProxy ??= new ConditionalFormatCollectionProxy(this.context, (w) => this.target(w)));
  }
}


/** What `getMergedAreasOrNullObject` returns at most ("more than 512 … will fail", ExcelApi 1.13 reference). */
export const MAX_MERGED_AREAS = 512;

export const RANGE_AREAS_PROPS = ["address", "areaCount", "cellCount"];

/** RangeAreas, as far as merged areas need it: its address ("Sheet1!A1:B2, Sheet1!D4:D5"), area and cell counts. */
export class RangeAreasProxy extends ClientObject {
  constructor(context: StandInContext, private readonly binding: { sheet?: SheetState; areas?: Rect[] }) {
    super(context, "RangeAreas");
    seal(this);
  }

  /** @internal */
  markResolved(isNull: boolean): void {
    this.nullState = isNull;
  }

  get address(): string { return this.read("address"); }
  get areaCount(): number { return this.read("areaCount"); }
  get cellCount(): number { return this.read("cellCount"); }

  load(what?: string | string[] | { select?: string }): this {
    this.queueLoad(what, RANGE_AREAS_PROPS, (p) => {
      const { sheet, areas } = this.binding;
      if (!sheet || !areas) throw rich("InvalidObjectPath", "RangeAreas.load");
      if (!areas.length) return null;
      if (p === "address") return areas.map((a) => `${quoteSheet(sheet.name)}!${rectAddress(a)}`).join(", ");
      if (p === "areaCount") return areas.length;
      return areas.reduce((n, a) => n + cellCount(a), 0);
    });
    return this;
  }
}
