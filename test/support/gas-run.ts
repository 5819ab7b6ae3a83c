/**
 * A stand-in of `google.script.run` (the sidebar's side of Apps Script), as documented: every
 * call is asynchronous; `withSuccessHandler` / `withFailureHandler` return a runner; the server
 * function is called by name; parameters and return values may only be primitives, plain objects
 * and arrays of them (a Date, a function, `undefined` inside an array fail the call); calls
 * beyond MAX_IN_FLIGHT at once fail. `dispatch` runs the server function (the built Code.js in
 * node:vm) and may be asynchronous (the browser test reaches Node through a binding).
 *
 * `installScriptRun` is self-contained (no closure over this module) so that the browser test
 * can pass it to `page.addInitScript` as it is.
 */
export interface RunStats {
  calls: number;
  maxInFlight: number;
  byName: Record<string, number>;
}

export function installScriptRun(target: Record<string, unknown>, dispatch: (name: string, args: unknown[]) => unknown, limit = 10): RunStats {
  const stats: RunStats = { calls: 0, maxInFlight: 0, byName: {} };
  let inFlight = 0;
  const legal = (v: unknown, inArray: boolean): boolean => {
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return true;
    if (v === undefined) return !inArray;
    if (Array.isArray(v)) return v.every((x) => legal(x, true));
    if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v as object).every((x) => legal(x, false));
    return false;
  };
  const runner = (success?: (v: unknown) => void, failure?: (e: unknown) => void): Record<string, unknown> =>
    new Proxy(
      {},
      {
        get(_t, prop) {
          if (prop === "withSuccessHandler") return (f: (v: unknown) => void) => runner(f, failure);
          if (prop === "withFailureHandler") return (f: (e: unknown) => void) => runner(success, f);
          if (typeof prop !== "string") return undefined;
          return (...args: unknown[]) => {
            stats.calls++;
            stats.byName[prop] = (stats.byName[prop] ?? 0) + 1;
            const fail = (message: string) => setTimeout(() => failure?.(new Error(message)), 0);
            if (inFlight >= limit) return fail(`google.script.run: more than ${limit} calls in flight`);
            if (!args.every((a) => legal(a, false))) return fail("google.script.run: illegal parameter (only primitives, plain objects and arrays)");
            inFlight++;
            stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
            setTimeout(async () => {
              try {
                const value = await dispatch(prop, args);
                inFlight--;
                if (!legal(value, false)) failure?.(new Error("google.script.run: illegal return value"));
                else success?.(value);
              } catch (e) {
                inFlight--;
                failure?.(e);
              }
            }, 0);
          };
        },
      },
    );
  const run = runner();
  target.google = { script: { run } };
  return stats;
}
