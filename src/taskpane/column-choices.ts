/**
 * The answers to «which column holds this period's figures?» (Tổng hợp), remembered on this
 * computer by question key — the unit and its sheet's layout (core/column-choice) — so the same
 * unit sending the same layout next period is read the same way without being asked again.
 * Kept in the browser's localStorage (Excel's webview has one too); where storage is refused
 * (private windows, locked-down webviews) the answers last as long as the pane.
 */
const STORAGE_KEY = "cchc-phu-luc.column-choices.v1";

let memory: Record<string, number> = {};

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Every remembered answer: question key → 0-based column, or -1 for «no column». */
export function loadChoices(): Record<string, number> {
  try {
    const text = storage()?.getItem(STORAGE_KEY);
    if (!text) return { ...memory };
    const data = JSON.parse(text) as unknown;
    if (!data || typeof data !== "object") return { ...memory };
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) if (typeof v === "number" && Number.isInteger(v) && v >= -1) out[k] = v;
    return { ...out, ...memory };
  } catch {
    return { ...memory };
  }
}

function store(choices: Record<string, number>): void {
  memory = choices;
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(choices));
  } catch {
    // Storage refused: the answers stay in memory for this session.
  }
}

/** Remembers answers (added to, or replacing, those already kept). */
export function saveChoices(answers: Record<string, number>): void {
  store({ ...loadChoices(), ...answers });
}

/** Forgets every remembered answer (the next rollup asks again). */
export function forgetChoices(): void {
  memory = {};
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // nothing kept
  }
}
