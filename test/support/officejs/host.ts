/**
 * The host side of the office-js client (library.ts): answers each request body the real client
 * library sends with what Excel would do to the stand-in's workbook, by replaying its actions on
 * the stand-in's own proxies (test/support/standin/), so every rule of the workbook model — typed
 * input, protection, merges, validation limits, errors with Excel's codes — is the same whichever
 * client drives it.
 *
 * The wire format, as the library writes and reads it (excel-web-16.00.debug.js):
 *   request  { Actions: [{ Id, ActionType, Name, ObjectPathId, ArgumentInfo?, QueryInfo? }],
 *              ObjectPaths: { [id]: { Id, ObjectPathType, Name, ParentObjectPathId?, ArgumentInfo? } } }
 *     ActionType 1 Instantiate, 2 Query, 3 Method, 4 SetProperty, 5 Trace;
 *     ObjectPathType 1 global object (the workbook), 3 method, 4 property, 5 indexer.
 *   response { Results: [{ ActionId, Value }], TraceIds?: [actionId], Error?: { Code, Message, Location, ActionIndex } }
 *     Instantiate answers { Id } for a worksheet (the library then re-finds an added sheet by id in
 *     later requests) or null for a null object; Query answers the loaded properties with
 *     PascalCase names, a collection's items under "_Items".
 * Departures (the real host is not available here): the response carries no _ReferenceId, and its
 * JSON is Node's (non-ASCII characters as UTF-8, not \u escapes), so response sizes are close to,
 * not equal to, Excel's. Whether a request whose response is too large has run is not
 * documented; here it has (the stricter case for code that retries).
 */
import { ClientObject } from "../standin/client-object";
import { StandInContext } from "../standin/context";
import { RichApiError, rich } from "../standin/errors";
import { NamedItemCollectionProxy, WorksheetCollectionProxy, WorksheetProxy } from "../standin/sheets";
import type { SheetEventHandler, SheetState, WorkbookState, ChangedHandler } from "../standin/workbook-state";
import { type OfficeJsLibrary, utf8Bytes } from "./library";

interface WireArguments {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: (number | null)[];
}

interface WirePath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: WireArguments;
}

interface WireAction {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: WireArguments;
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

interface WireRequest {
  Actions: WireAction[];
  ObjectPaths: Record<string, WirePath>;
}

/** RichApi event message category and the event types our code registers (office.js constants). */
const EVENT_CATEGORY = 65536;
const EVENT_CHANGED = 10;
const EVENT_ADDED = 13;
const EVENT_DELETED = 15;
const WORKBOOK_TARGET = "Workbook";

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function notModelled(what: string): Error {
  return new Error(`office-js host: ${what} is not modelled; extend test/support/officejs/host.ts`);
}

type Target = Record<string, unknown>;

/** The result of one action, computed once the request has run. */
type Answer = () => unknown;

export class OfficeJsHost {
  /** The bridge handlers registered on the host for each event target, so they can be removed. */
  private readonly changedBridges = new Map<string, ChangedHandler>();
  private addedBridge: SheetEventHandler | undefined;
  private deletedBridge: SheetEventHandler | undefined;

  constructor(
    private readonly workbook: WorkbookState,
    private readonly library: OfficeJsLibrary,
  ) {}

  async handle(body: string): Promise<string> {
    const record: { bytes: number; responseBytes?: number; error?: string } = { bytes: utf8Bytes(body) };
    await this.workbook.roundTrip();
    const refused = this.workbook.admit(record);
    if (refused) return this.error(refused, -1, record);
    if (record.bytes > this.workbook.requestLimit)
      return this.error(rich("RequestPayloadSizeLimitExceeded", "RequestContext.sync", `${record.bytes} bytes`), -1, record);
    const response = this.run(JSON.parse(body) as WireRequest, record);
    void this.workbook.flushEvents();
    return response;
  }

  private error(error: RichApiError, actionIndex: number, record: { error?: string; responseBytes?: number }): string {
    record.error = error.code;
    const text = JSON.stringify({
      Error: { Code: error.code, Message: error.message, Location: error.debugInfo.errorLocation ?? "", HttpStatusCode: 400, ActionIndex: actionIndex },
    });
    record.responseBytes = utf8Bytes(text);
    return text;
  }

  private run(request: WireRequest, record: { error?: string; responseBytes?: number }): string {
    const context = new StandInContext(this.workbook, "replay");
    const objects = new Map<number, Target>();
    const resolve = (id: number): Target => {
      const known = objects.get(id);
      if (known) return known;
      const path = request.ObjectPaths[String(id)];
      if (!path) throw notModelled(`object path ${id} missing from the request`);
      let object: Target;
      switch (path.ObjectPathType) {
        case 1:
          object = context.workbook as unknown as Target;
          break;
        case 4:
          object = this.property(resolve(path.ParentObjectPathId!), path.Name) as Target;
          break;
        case 3:
          object = this.call(resolve(path.ParentObjectPathId!), path.Name, this.args(path.ArgumentInfo, resolve)) as Target;
          break;
        case 5:
          object = this.call(resolve(path.ParentObjectPathId!), "GetItem", this.args(path.ArgumentInfo, resolve)) as Target;
          break;
        default:
          throw notModelled(`object path type ${path.ObjectPathType}`);
      }
      objects.set(id, object);
      return object;
    };

    const answers: { action: WireAction; answer?: Answer }[] = [];
    const spans: number[] = []; // first queued index of each action
    const traces: number[] = [];
    let failedAt = -1;
    let failure: RichApiError | undefined;
    for (const [index, action] of request.Actions.entries()) {
      spans.push(context.queued);
      try {
        answers.push({ action, answer: this.replay(action, resolve, context, traces) });
      } catch (error) {
        // What office.js checks on the client was checked already; what the stand-in's proxies
        // check at once (an ExcelApi level, an argument) Excel checks when it runs the action.
        if (!(error instanceof RichApiError)) throw error;
        failedAt = index;
        failure = error;
        break;
      }
    }
    try {
      context.runQueued();
    } catch (error) {
      if (!(error instanceof RichApiError)) throw error;
      const queuedIndex = error.actionIndex ?? 0;
      let at = 0;
      while (at + 1 < spans.length && spans[at + 1] <= queuedIndex) at++;
      return this.error(error, at, record);
    }
    if (failure) return this.error(failure, failedAt, record);

    const results: { ActionId: number; Value?: unknown }[] = [];
    for (const { action, answer } of answers) {
      if (!answer) continue;
      const value = answer();
      results.push(value === undefined ? { ActionId: action.Id } : { ActionId: action.Id, Value: value });
    }
    const text = JSON.stringify(traces.length ? { Results: results, TraceIds: traces } : { Results: results });
    record.responseBytes = utf8Bytes(text);
    if (record.responseBytes > this.workbook.responseLimit)
      return this.error(rich("ResponsePayloadSizeLimitExceeded", "RequestContext.sync", `${record.responseBytes} bytes`), -1, record);
    return text;
  }

  private args(info: WireArguments | undefined, resolve: (id: number) => Target): unknown[] {
    const values = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds;
    return values.map((v, i) => (refs && refs[i] && typeof v === "number" ? resolve(v) : v));
  }

  private property(target: Target, name: string): unknown {
    const key = camel(name);
    if (!(key in target)) throw notModelled(`property ${name} of ${target.constructor?.name}`);
    return target[key];
  }

  private call(target: Target, name: string, args: unknown[]): unknown {
    const fn = target[camel(name)];
    if (typeof fn !== "function") throw notModelled(`method ${name} of ${target.constructor?.name}`);
    return (fn as (...a: unknown[]) => unknown).apply(target, args);
  }

  /** Queues one action on the stand-in's proxies; returns how to answer it once run. */
  private replay(action: WireAction, resolve: (id: number) => Target, context: StandInContext, traces: number[]): Answer | undefined {
    switch (action.ActionType) {
      case 1: {
        const object = resolve(action.ObjectPathId);
        return () => this.identity(object);
      }
      case 2: {
        const object = resolve(action.ObjectPathId);
        if (action.QueryInfo?.Expand?.length) throw notModelled("load with expand");
        const select = action.QueryInfo?.Select ?? [];
        const collection = object instanceof WorksheetCollectionProxy || object instanceof NamedItemCollectionProxy;
        (object.load as (what?: string) => void).call(object, select.length ? select.map((p) => (collection ? `items/${p}` : p)).join(",") : undefined);
        return () => this.loaded(object, select);
      }
      case 3: {
        const object = resolve(action.ObjectPathId);
        if (action.Name.startsWith("_Register") || action.Name.startsWith("_Unregister")) {
          this.registration(object, action.Name, context);
          return () => undefined;
        }
        const result = this.call(object, action.Name, this.args(action.ArgumentInfo, resolve));
        return () => (result && typeof result === "object" && "value" in result ? (result as { value: unknown }).value : undefined);
      }
      case 4: {
        const object = resolve(action.ObjectPathId);
        const key = camel(action.Name);
        if (!(key in object)) throw notModelled(`property ${action.Name} of ${object.constructor?.name}`);
        object[key] = (action.ArgumentInfo?.Arguments ?? [])[0];
        return undefined;
      }
      case 5:
        // A trace marker: office.js runs its callback (e.g. adding an event handler) when the
        // response has a result for it.
        traces.push(action.Id);
        return () => undefined;
      default:
        throw notModelled(`action type ${action.ActionType}`);
    }
  }

  /** What Instantiate answers: a worksheet's id, null for a null object, else an empty object. */
  private identity(object: Target): unknown {
    if (object instanceof WorksheetProxy) return object.binding.sheet ? { Id: object.binding.sheet.id } : null;
    if (object instanceof ClientObject && object.resolvedNull === true) return null;
    return {};
  }

  /** What Query answers: the selected (or all loaded) properties, PascalCase; items of a collection. */
  private loaded(object: Target, select: string[]): unknown {
    if (object instanceof ClientObject && object.resolvedNull === true) return null;
    const wire = (item: Target, props: string[], id?: string) => {
      const out: Record<string, unknown> = {};
      for (const p of props) out[pascal(p)] = item[p];
      if (id !== undefined) out.Id = id;
      return out;
    };
    if (object instanceof WorksheetCollectionProxy) {
      const props = select.length ? select : ["name", "id", "position", "visibility"];
      return { _Items: object.items.map((s) => wire(s as unknown as Target, props, s.binding.sheet!.id)) };
    }
    if (object instanceof NamedItemCollectionProxy) {
      const props = select.length ? select : ["name", "formula", "comment", "visible"];
      return { _Items: object.items.map((n) => wire(n as unknown as Target, props)) };
    }
    return wire(object, select.length ? select : Object.keys((object as unknown as { loaded: Record<string, unknown> }).loaded));
  }

  /**
   * `_RegisterDataChangedEvent` and friends: office.js asks the host to send a sheet's (or the
   * workbook's) events; the host then sends RichApi event messages, which the library hands to the
   * handlers registered on that target id.
   */
  private registration(object: Target, name: string, context: StandInContext): void {
    const register = name.startsWith("_Register");
    const where = `${object.constructor?.name}.${name}`;
    context.requireApi(7, where); // Worksheet.onChanged, WorksheetCollection.onAdded / onDeleted
    if (object instanceof WorksheetProxy && /DataChangedEvent$/.test(name)) {
      context.enqueue(where, () => {
        const sheet = object.binding.target(where);
        const bridge = this.changedBridges.get(sheet.id) ?? this.changedBridge(sheet);
        this.changedBridges.set(sheet.id, bridge);
        if (register) sheet.changedHandlers.add(bridge);
        else sheet.changedHandlers.delete(bridge);
      });
      return;
    }
    if (object instanceof WorksheetCollectionProxy && /(Added|Deleted)Event$/.test(name)) {
      const added = /AddedEvent$/.test(name);
      context.enqueue(where, () => {
        const set = added ? this.workbook.addedHandlers : this.workbook.deletedHandlers;
        const bridge = added
          ? (this.addedBridge ??= this.sheetBridge(EVENT_ADDED))
          : (this.deletedBridge ??= this.sheetBridge(EVENT_DELETED));
        if (register) set.add(bridge);
        else set.delete(bridge);
      });
      return;
    }
    throw notModelled(`event registration ${where}`);
  }

  private changedBridge(sheet: SheetState): ChangedHandler {
    return (args) => {
      const { changeType, source, address, triggerSource } = args as unknown as Record<string, unknown>;
      this.post(EVENT_CHANGED, sheet.id, { changeType, source, address, ...(triggerSource ? { triggerSource } : {}), worksheetId: sheet.id });
    };
  }

  private sheetBridge(type: number): SheetEventHandler {
    return (args) => this.post(type, WORKBOOK_TARGET, { source: args.source, worksheetId: args.worksheetId });
  }

  private post(type: number, targetId: string, message: Record<string, unknown>): void {
    this.library.OfficeExtension._testTriggerRichApiMessageEvent({
      entries: [{ messageCategory: EVENT_CATEGORY, messageType: type, targetId, message: JSON.stringify(message) }],
    });
  }
}
