/**
 * Long work done in steps: a generator yields between steps, and the caller decides whether to
 * run them at once (the CLI) or to give the page a turn between them (the pane: no main-thread
 * task of a large rollup past ~100 ms). One implementation either way.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps with `pause` between them (e.g. a macrotask, so the page can paint and answer clicks). */
export async function runStepsPausing<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}
