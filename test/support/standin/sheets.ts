/** Workbook, worksheets and their parts (protection, freeze panes, page layout, names, events). */
import { ClientObject, seal } from "./client-object";
import type { StandInContext } from "./context";
import { propertyNotLoaded, rich } from "./errors";
import { MAX_COLS, MAX_ROWS, Rect, checkSheetName, parseAddress, quoteSheet, rectAddress, sameName } from "./geometry";
import { RangeBinding, RangeProxy } from "./range";
import { ChangedHandler, NameState, SheetEventHandler, SheetState, WorkbookState } from "./workbook-state";
// ---------------------------------------------------------------------------------------------
// Workbook, worksheets

export class WorkbookProxy extends ClientObject {
  readonly worksheets: WorksheetCollectionProxy;
  private namesProxy: NamedItemCollectionProxy | undefined = undefined;
  readonly application: { suspendApiCalculationUntilNextSync(): void };

  constructor(context: StandInContext) {
    super(context, "Workbook");
    this.worksheets = new WorksheetCollectionProxy(context);
    this.application = seal({
      suspendApiCalculationUntilNextSync: () => {
        context.requireApi(6, "Application.suspendApiCalculationUntilNextSync");
        context.enqueue("Application.suspendApiCalculationUntilNextSync", () => undefined);
      },
    });
    seal(this);
  }

  get names(): NamedItemCollectionProxy {
    return (this.namesProxy ??= new NamedItemCollectionProxy(this.context, () => this.context.host.names, "Workbook"));
  }
}

/** Resolves to a sheet when its creating action runs; null for a null object. */
export class SheetBinding {
  sheet: SheetState | null | undefined = undefined;

  target(where: string): SheetState {
    if (this.sheet === undefined) throw rich("InvalidObjectPath", where);
    if (this.sheet === null) throw rich("ItemNotFound", where, "null object");
    return this.sheet;
  }
}

export class WorksheetCollectionProxy extends ClientObject {
  constructor(context: StandInContext) {
    super(context, "WorksheetCollection");
    seal(this);
  }

  get items(): WorksheetProxy[] { return this.read<WorksheetProxy[]>("items"); }

  load(what?: string | string[] | { select?: string }): this {
    const named = ClientObject.names(what).map((p) => p.replace(/^items\//, ""));
    for (const p of named) if (!WORKSHEET_PROPS.includes(p)) throw new Error(`Excel stand-in: Worksheet has no loadable property ${JSON.stringify(p)}`);
    const props = named.length ? named : WORKSHEET_PROPS;
    this.context.enqueue("WorksheetCollection.load", () => {
      const sheets = this.context.host.sheets.map((s) => ({ s, values: props.map((p) => [p, worksheetProperty(this.context.host, s, p)] as const) }));
      return () => {
        this.loaded.items = sheets.map(({ s, values }) => {
          const proxy = WorksheetProxy.bound(this.context, s);
          proxy.deliver(values);
          return proxy;
        });
      };
    });
    return this;
  }

  add(name?: string): WorksheetProxy {
    const binding = new SheetBinding();
    const proxy = new WorksheetProxy(this.context, binding);
    this.context.enqueue("WorksheetCollection.add", () => {
      const host = this.context.host;
      let wanted = name;
      if (wanted === undefined) for (let i = 1; !wanted || host.findSheet(wanted); i++) wanted = `Sheet${i}`;
      checkSheetName(wanted, "WorksheetCollection.add");
      if (host.findSheet(wanted)) throw rich("ItemAlreadyExists", "WorksheetCollection.add", `a sheet named ${JSON.stringify(wanted)} exists`);
      binding.sheet = host.newSheet(wanted);
      host.sheetAddedOrDeleted(binding.sheet, "added");
      return () => proxy.markResolved(false);
    });
    return proxy;
  }

  getItem(key: string): WorksheetProxy {
    return this.lookup(key, false);
  }

  get onAdded(): EventHandlersProxy<SheetEventHandler> {
    this.context.requireApi(7, "WorksheetCollection.onAdded");
    return new EventHandlersProxy(this.context, "WorksheetCollection.onAdded", () => this.context.host.addedHandlers);
  }

  get onDeleted(): EventHandlersProxy<SheetEventHandler> {
    this.context.requireApi(7, "WorksheetCollection.onDeleted");
    return new EventHandlersProxy(this.context, "WorksheetCollection.onDeleted", () => this.context.host.deletedHandlers);
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    this.context.requireApi(4, "WorksheetCollection.getItemOrNullObject");
    return this.lookup(key, true);
  }

  getActiveWorksheet(): WorksheetProxy {
    const binding = new SheetBinding();
    const proxy = new WorksheetProxy(this.context, binding);
    this.context.enqueue("WorksheetCollection.getActiveWorksheet", () => {
      binding.sheet = this.context.host.activeSheet;
      return () => proxy.markResolved(false);
    });
    return proxy;
  }

  getCount(): { value: number } {
    this.context.requireApi(4, "WorksheetCollection.getCount");
    const result: { value?: number } = {};
    this.context.enqueue("WorksheetCollection.getCount", () => {
      const n = this.context.host.sheets.length;
      return () => (result.value = n);
    });
    return {
      get value(): number {
        if (result.value === undefined) throw propertyNotLoaded("ClientResult", "value");
        return result.value;
      },
    };
  }

  private lookup(key: string, orNull: boolean): WorksheetProxy {
    const binding = new SheetBinding();
    const proxy = new WorksheetProxy(this.context, binding);
    const where = orNull ? "WorksheetCollection.getItemOrNullObject" : "WorksheetCollection.getItem";
    this.context.enqueue(where, () => {
      const host = this.context.host;
      const sheet = host.sheets.find((s) => s.id === key) ?? host.findSheet(key);
      if (!sheet && !orNull) throw rich("ItemNotFound", where, `no sheet ${JSON.stringify(key)}`);
      binding.sheet = sheet ?? null;
      return () => proxy.markResolved(!sheet);
    });
    return proxy;
  }
}

export function worksheetProperty(host: WorkbookState, sheet: SheetState, prop: string): unknown {
  switch (prop) {
    case "name":
      return sheet.name;
    case "id":
      return sheet.id;
    case "position":
      return host.sheets.indexOf(sheet);
    case "visibility":
      return sheet.visibility;
    default:
      throw new Error(`Excel stand-in: Worksheet has no loadable property ${JSON.stringify(prop)}`);
  }
}

export const WORKSHEET_PROPS = ["name", "id", "position", "visibility"];

export class WorksheetProxy extends ClientObject {
  private protectionProxy: WorksheetProtectionProxy | undefined = undefined;
  private freezePanesProxy: FreezePanesProxy | undefined = undefined;
  private pageLayoutProxy: PageLayoutProxy | undefined = undefined;
  private namesProxy: NamedItemCollectionProxy | undefined = undefined;

  constructor(context: StandInContext, readonly binding: SheetBinding) {
    super(context, "Worksheet");
    seal(this);
  }

  static bound(context: StandInContext, sheet: SheetState): WorksheetProxy {
    const binding = new SheetBinding();
    binding.sheet = sheet;
    const proxy = new WorksheetProxy(context, binding);
    proxy.markResolved(false);
    return proxy;
  }

  /** @internal */
  markResolved(isNull: boolean): void {
    this.nullState = isNull;
  }

  /** @internal */
  deliver(values: readonly (readonly [string, unknown])[]): void {
    for (const [p, v] of values) this.loaded[p] = v;
  }

  private sheet(where: string): SheetState {
    return this.binding.target(`Worksheet.${where}`);
  }

  get name(): string { return this.read("name"); }
  set name(value: string) {
    this.write("name", value, () => {
      const sheet = this.sheet("name");
      checkSheetName(value, "Worksheet.name");
      const clash = this.context.host.findSheet(value);
      if (clash && clash !== sheet) throw rich("ItemAlreadyExists", "Worksheet.name");
      sheet.name = value;
    });
  }
  get id(): string { return this.read("id"); }
  get position(): number { return this.read("position"); }
  get visibility(): string { return this.read("visibility"); }
  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.write("visibility", value, () => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(value)) throw rich("InvalidArgument", "Worksheet.visibility");
      this.sheet("visibility").visibility = value;
    });
  }

  load(what?: string | string[] | { select?: string }): this {
    this.queueLoad(what, WORKSHEET_PROPS, (p) => worksheetProperty(this.context.host, this.sheet("load"), p));
    return this;
  }

  activate(): void {
    this.context.enqueue("Worksheet.activate", () => {
      const sheet = this.sheet("activate");
      if (sheet.visibility !== "Visible") throw rich("InvalidOperation", "Worksheet.activate", "hidden sheet");
      this.context.host.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    this.context.enqueue("Worksheet.delete", () => {
      const host = this.context.host;
      const sheet = this.sheet("delete");
      if (host.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0)
        throw rich("InvalidOperation", "Worksheet.delete", "a workbook keeps at least one visible sheet");
      host.sheets.splice(host.sheets.indexOf(sheet), 1);
      if (host.activeSheetId === sheet.id) host.activeSheetId = host.sheets.find((s) => s.visibility === "Visible")!.id;
      host.sheetAddedOrDeleted(sheet, "deleted");
      this.binding.sheet = null;
    });
  }

  getRange(address?: string): RangeProxy {
    return this.range("Worksheet.getRange", () => {
      if (address === undefined) return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
      const rect = parseAddress(address);
      if (!rect) throw rich("InvalidArgument", "Worksheet.getRange", `bad address ${JSON.stringify(address)}`);
      return rect;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    this.context.requireApi(7, "Worksheet.getRangeByIndexes");
    return this.range("Worksheet.getRangeByIndexes", () => {
      const ok = [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) && startRow >= 0 && startColumn >= 0 && rowCount >= 1 && columnCount >= 1;
      const rect = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
      if (!ok || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS)
        throw rich("InvalidArgument", "Worksheet.getRangeByIndexes", `${startRow},${startColumn},${rowCount},${columnCount}`);
      return rect;
    });
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.range("Worksheet.getUsedRange", (sheet) => sheet.usedRange(valuesOnly ?? false) ?? { top: 0, left: 0, bottom: 0, right: 0 }, valuesOnly === undefined ? undefined : 2);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.context.requireApi(4, "Worksheet.getUsedRangeOrNullObject");
    return this.range("Worksheet.getUsedRangeOrNullObject", (sheet) => sheet.usedRange(valuesOnly ?? false) ?? null);
  }

  private range(where: string, resolve: (sheet: SheetState) => Rect | null, api?: number): RangeProxy {
    const binding = new RangeBinding();
    const proxy = new RangeProxy(this.context, binding);
    this.context.enqueue(
      where,
      () => {
        const sheet = this.sheet(where);
        const rect = resolve(sheet);
        binding.sheet = sheet;
        binding.rect = rect;
        return () => proxy.markResolved(rect === null);
      },
      { api },
    );
    return proxy;
  }

  get protection(): WorksheetProtectionProxy {
    this.context.requireApi(2, "Worksheet.protection");
    return (this.protectionProxy ??= new WorksheetProtectionProxy(this.context, (w) => this.sheet(w)));
  }
  get freezePanes(): FreezePanesProxy {
    this.context.requireApi(7, "Worksheet.freezePanes");
    return (this.freezePanesProxy ??= new FreezePanesProxy(this.context, (w) => this.sheet(w)));
  }
  get pageLayout(): PageLayoutProxy {
    this.context.requireApi(9, "Worksheet.pageLayout");
    return (this.pageLayoutProxy ??= new PageLayoutProxy(this.context, (w) => this.sheet(w)));
  }
  get names(): NamedItemCollectionProxy {
    this.context.requireApi(4, "Worksheet.names");
    return (this.namesProxy ??= new NamedItemCollectionProxy(this.context, () => this.sheet("names").names, "Worksheet"));
  }
  get onChanged(): EventHandlersProxy {
    this.context.requireApi(7, "Worksheet.onChanged");
    return new EventHandlersProxy(this.context, "Worksheet.onChanged", (w) => this.sheet(w).changedHandlers);
  }
}

/** An event's handlers: `add` and `remove` reach the host at sync, as office.js registers them. */
export class EventHandlersProxy<H = ChangedHandler> {
  constructor(
    private readonly context: StandInContext,
    private readonly where: string,
    private readonly handlers: (where: string) => Set<H>,
  ) {
    seal(this);
  }

  add(handler: H): { readonly context: StandInContext; remove(): void } {
    const where = `${this.where}.add`;
    this.context.enqueue(where, () => void this.handlers(where).add(handler));
    return seal({ context: this.context, remove: () => this.remove(handler) });
  }

  remove(handler: H): void {
    const where = `${this.where}.remove`;
    this.context.enqueue(where, () => void this.handlers(where).delete(handler));
  }
}

export class WorksheetProtectionProxy extends ClientObject {
  constructor(context: StandInContext, private readonly sheet: (where: string) => SheetState) {
    super(context, "WorksheetProtection");
    seal(this);
  }

  get protected(): boolean { return this.read("protected"); }
  get options(): Excel.WorksheetProtectionOptions { return this.read("options"); }

  load(what?: string | string[] | { select?: string }): this {
    this.queueLoad(what, ["protected", "options"], (p) => {
      const protection = this.sheet("WorksheetProtection.load").protection;
      return p === "protected" ? protection.protected : { ...protection.options };
    });
    return this;
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.context.enqueue("WorksheetProtection.protect", () => {
      const sheet = this.sheet("WorksheetProtection.protect");
      if (sheet.protection.protected) throw rich("AccessDenied", "WorksheetProtection.protect", "already protected");
      sheet.protection = { protected: true, options: { ...(options ?? {}) }, ...(password ? { password } : {}) };
    });
  }

  unprotect(password?: string): void {
    this.context.enqueue("WorksheetProtection.unprotect", () => {
      const sheet = this.sheet("WorksheetProtection.unprotect");
      if (sheet.protection.password && sheet.protection.password !== password) throw rich("AccessDenied", "WorksheetProtection.unprotect", "wrong password");
      sheet.protection = { protected: false, options: {} };
    });
  }
}

export class FreezePanesProxy extends ClientObject {
  constructor(context: StandInContext, private readonly sheet: (where: string) => SheetState) {
    super(context, "WorksheetFreezePanes");
    seal(this);
  }

  freezeAt(frozenRange: RangeProxy | string): void {
    this.context.enqueue("WorksheetFreezePanes.freezeAt", () => {
      const sheet = this.sheet("WorksheetFreezePanes.freezeAt");
      const rect = typeof frozenRange === "string" ? parseAddress(frozenRange) : frozenRange.binding.target("WorksheetFreezePanes.freezeAt").rect;
      if (!rect) throw rich("InvalidArgument", "WorksheetFreezePanes.freezeAt");
      sheet.frozen = { rows: rect.bottom + 1, cols: rect.right + 1 };
    });
  }
  freezeRows(count = 1): void {
    this.context.enqueue("WorksheetFreezePanes.freezeRows", () => void (this.sheet("WorksheetFreezePanes.freezeRows").frozen = { rows: count, cols: 0 }));
  }
  freezeColumns(count = 1): void {
    this.context.enqueue("WorksheetFreezePanes.freezeColumns", () => void (this.sheet("WorksheetFreezePanes.freezeColumns").frozen = { rows: 0, cols: count }));
  }
  unfreeze(): void {
    this.context.enqueue("WorksheetFreezePanes.unfreeze", () => void (this.sheet("WorksheetFreezePanes.unfreeze").frozen = null));
  }
}

export class PageLayoutProxy extends ClientObject {
  constructor(context: StandInContext, private readonly sheet: (where: string) => SheetState) {
    super(context, "PageLayout");
    seal(this);
  }

  get orientation(): string { return this.read("orientation"); }
  set orientation(value: "Portrait" | "Landscape") {
    this.write("orientation", value, () => {
      if (value !== "Portrait" && value !== "Landscape") throw rich("InvalidArgument", "PageLayout.orientation");
      this.sheet("PageLayout.orientation").pageLayout.orientation = value;
    });
  }
  get zoom(): Excel.PageLayoutZoomOptions { return this.read("zoom"); }
  set zoom(value: Excel.PageLayoutZoomOptions) {
    this.write("zoom", value, () => {
      const fit = value.horizontalFitToPages !== undefined || value.verticalFitToPages !== undefined;
      if ((fit && value.scale !== undefined) || (value.scale !== undefined && (value.scale < 10 || value.scale > 400)))
        throw rich("InvalidArgument", "PageLayout.zoom");
      this.sheet("PageLayout.zoom").pageLayout.zoom = { ...value };
    });
  }
  setPrintTitleRows(rows: RangeProxy | string): void {
    this.context.enqueue("PageLayout.setPrintTitleRows", () => {
      const sheet = this.sheet("PageLayout.setPrintTitleRows");
      let rect: Rect | undefined;
      if (typeof rows === "string") rect = /^\$?\d+:\$?\d+$/.test(rows) ? parseAddress(rows) : undefined;
      else rect = rows.binding.target("PageLayout.setPrintTitleRows").rect;
      if (!rect) throw rich("InvalidArgument", "PageLayout.setPrintTitleRows", JSON.stringify(rows));
      sheet.pageLayout.printTitleRows = `$${rect.top + 1}:$${rect.bottom + 1}`;
    });
  }
}

export class NamedItemCollectionProxy extends ClientObject {
  constructor(context: StandInContext, private readonly list: () => NameState[], scope: string) {
    super(context, `${scope}.names`);
    seal(this);
  }

  get items(): NamedItemProxy[] { return this.read("items"); }

  load(what?: string | string[] | { select?: string }): this {
    ClientObject.names(what); // names are always loaded whole
    this.context.enqueue("NamedItemCollection.load", () => {
      const names = this.list().map((n) => ({ ...n }));
      return () => (this.loaded.items = names.map((n) => NamedItemProxy.fromState(this.context, this.list, n)));
    });
    return this;
  }

  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    this.context.requireApi(4, "NamedItemCollection.add");
    const proxy = new NamedItemProxy(this.context, this.list, name);
    this.context.enqueue("NamedItemCollection.add", () => {
      const valid = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) && name.length <= 255 && !parseAddress(name) && !/^[rc]$/i.test(name);
      if (!valid) throw rich("InvalidArgument", "NamedItemCollection.add", `bad name ${JSON.stringify(name)}`);
      if (this.list().some((n) => sameName(n.name, name))) throw rich("ItemAlreadyExists", "NamedItemCollection.add");
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const { sheet, rect } = reference.binding.target("NamedItemCollection.add");
        formula = `=${quoteSheet(sheet.name)}!${rectAddress(rect, true)}`;
      }
      this.list().push({ name, formula, comment: comment ?? "", visible: true });
    });
    return proxy;
  }

  getItem(name: string): NamedItemProxy {
    return this.lookup(name, false);
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    this.context.requireApi(4, "NamedItemCollection.getItemOrNullObject");
    return this.lookup(name, true);
  }

  private lookup(name: string, orNull: boolean): NamedItemProxy {
    const proxy = new NamedItemProxy(this.context, this.list, name);
    this.context.enqueue("NamedItemCollection.getItem", () => {
      const found = this.list().some((n) => sameName(n.name, name));
      if (!found && !orNull) throw rich("ItemNotFound", "NamedItemCollection.getItem", name);
      return () => proxy.markResolved(!found);
    });
    return proxy;
  }
}

export class NamedItemProxy extends ClientObject {
  constructor(context: StandInContext, private readonly list: () => NameState[], private readonly key: string) {
    super(context, "NamedItem");
    seal(this);
  }

  static fromState(context: StandInContext, list: () => NameState[], state: NameState): NamedItemProxy {
    const proxy = new NamedItemProxy(context, list, state.name);
    Object.assign(proxy.loaded, state);
    proxy.nullState = false;
    return proxy;
  }

  /** @internal */
  markResolved(isNull: boolean): void {
    this.nullState = isNull;
  }

  private state(where: string): NameState {
    const found = this.list().find((n) => sameName(n.name, this.key));
    if (!found) throw rich("ItemNotFound", where, this.key);
    return found;
  }

  get name(): string { return this.read("name"); }
  get formula(): string { return this.read("formula"); }
  get comment(): string { return this.read("comment"); }
  get visible(): boolean { return this.read("visible"); }
  set visible(value: boolean) {
    this.write("visible", value, () => void (this.state("NamedItem.visible").visible = value));
  }

  load(what?: string | string[] | { select?: string }): this {
    this.queueLoad(what, ["name", "formula", "comment", "visible"], (p) => this.state("NamedItem.load")[p as keyof NameState]);
    return this;
  }

  delete(): void {
    this.context.enqueue("NamedItem.delete", () => {
      const list = this.list();
      list.splice(list.indexOf(this.state("NamedItem.delete")), 1);
    });
  }
}

