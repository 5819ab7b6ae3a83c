/** The base of every proxy: loaded and set properties, and load parsing, as office.js keeps them. */
import type { StandInContext } from "./context";
import { propertyNotLoaded } from "./errors";

/** Base of every proxy: loaded/set property cache and load parsing. */
export abstract class ClientObject {
  protected readonly loaded: Record<string, unknown> = {};
  protected nullState: boolean | undefined = undefined;

  constructor(readonly context: StandInContext, protected readonly entity: string) {}

  /** @internal For the office-js host: whether the proxy resolved to a null object (undefined: not resolved). */
  get resolvedNull(): boolean | undefined {
    return this.nullState;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded(this.entity, "isNullObject");
    return this.nullState;
  }

  protected read<T>(prop: string): T {
    if (!(prop in this.loaded)) {
      if (this.nullState === true) return null as T;
      throw propertyNotLoaded(this.entity, prop);
    }
    return this.loaded[prop] as T;
  }

  /** Queues a property set: caches it on the proxy (as office.js does) and applies it at sync. */
  protected write(prop: string, value: unknown, apply: () => void, options: { api?: number; bytes?: number } = {}): void {
    this.loaded[prop] = value;
    this.context.enqueue(`${this.entity}.${prop}`, apply, options);
  }

  protected static names(what?: string | string[] | { select?: string }): string[] {
    if (what === undefined) return [];
    const list = typeof what === "string" ? what.split(",") : Array.isArray(what) ? what : (what.select ?? "").split(",");
    return list.map((p) => p.trim()).filter(Boolean);
  }

  /** Queues a load of `props` (all of `known` when none are named), read by `snapshot` at sync. */
  protected queueLoad(what: string | string[] | { select?: string } | undefined, known: string[], snapshot: (prop: string) => unknown): void {
    const props = ClientObject.names(what);
    for (const p of props) if (!known.includes(p)) throw new Error(`Excel stand-in: ${this.entity} has no loadable property ${JSON.stringify(p)}`);
    const chosen = props.length ? props : known;
    this.context.enqueue(`${this.entity}.load`, () => {
      const values = chosen.map((p) => [p, snapshot(p)] as const);
      return () => values.forEach(([p, v]) => (this.loaded[p] = v));
    });
  }
}


export function seal<T extends object>(o: T): T {
  return Object.seal(o);
}

