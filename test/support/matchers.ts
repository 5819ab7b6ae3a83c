/** Custom jest matchers shared by the test suites. */
import type { Issue } from "../../src/core/issues";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /**
       * The issue list has an issue with this code, at this A1 cell when given (e.g. "C7"),
       * and with this severity when given.
       */
      toHaveIssue(code: string, cell?: string, severity?: "error" | "warning"): R;
    }
  }
}

function show(issues: Issue[]): string {
  if (issues.length === 0) return "  (no issues)";
  return issues.map((i) => `  ${i.severity} ${i.code} at ${i.sheet}!${i.cell}${i.value !== undefined ? ` [${i.value}]` : ""}`).join("\n");
}

expect.extend({
  toHaveIssue(received: Issue[], code: string, cell?: string, severity?: "error" | "warning") {
    if (!Array.isArray(received)) {
      return { pass: false, message: () => `expected an array of issues, got ${this.utils.printReceived(received)}` };
    }
    const pass = received.some(
      (i) => i.code === code && (cell === undefined || i.cell === cell) && (severity === undefined || i.severity === severity),
    );
    const what = `${severity ? `${severity} ` : ""}${code}${cell ? ` at ${cell}` : ""}`;
    return {
      pass,
      message: () =>
        pass
          ? `expected no ${what}, but found it among:\n${show(received)}`
          : `expected ${what}, issues were:\n${show(received)}`,
    };
  },
});

export {};
