/**
 * A date typed into a number cell (issue 10, point 5): Excel reads "1/2" or "3/7" typed into a
 * count or percent cell as a date and stores its serial number (about 45 000); native validation
 * of a count (0..999 999 999) lets it through. The cell shows a date, and Kiểm tra says so in
 * Vietnamese with how to type the value again; the same number shown as a number stays a number.
 */
import { parseCell, looksLikeDate } from "../../src/core/parse";
import { validateFilled } from "../../src/core/validate";
import { fill } from "../support/fill";
import { PL } from "../support/forms";

/** 1 February 2025 (vi-VN "1/2") and 2 January 2025 (en-US "1/2") as Excel stores them. */
const FEB_1 = 45689;
const JAN_2 = 45659;

test.each(["02/01", "2/1", "1/2/2025", "02/01/2025", "2.1.2025", "2025-01-02", "2-Jan", "Jan-2", "2-Jan-25", "02-thg 1", "3-Jul"])("«%s» is how Excel shows a date", (text) => {
  expect(looksLikeDate(text)).toBe(true);
});

test.each(["1.076", "21,88", "3,7", "12", "45.689", "100%", "1180/1200 ", "0,5", "1.076.500"])("«%s» is a number as shown", (text) => {
  expect(looksLikeDate(text)).toBe(false);
});

describe("Kiểm tra", () => {
  const issuesOf = (cell: { value: number; text: string }) =>
    validateFilled(fill(PL, { "pakn-tiep-nhan": { y2015: cell }, "tl-online": { y2015: { value: JAN_2, text: "2-Jan" } } })).filter((i) => i.code === "date_typed");

  test("a count and a percent showing a date are errors that say what happened and what to do", () => {
    const issues = issuesOf({ value: FEB_1, text: "01/02" });
    expect(issues.map((i) => [i.severity, i.value])).toEqual([
      ["error", "01/02"],
      ["error", "2-Jan"],
    ]);
    expect(issues[0].message).toMatch(/ô đang hiện ngày «01\/02»/);
    expect(issues[0].message).toMatch(/định dạng ô là «General»/);
    expect(issues[0].message).toMatch(/gõ lại số liệu/);
  });

  test("the same number shown as a number is a count, not a date", () => {
    expect(issuesOf({ value: FEB_1, text: "45689" })).toHaveLength(1); // only the percent
    const parsed = parseCell({ value: FEB_1, text: "45.689" }, "count", PL.rows.find((r) => r.id === "pakn-tiep-nhan")!);
    expect(parsed).toMatchObject({ type: "number", value: FEB_1 });
  });

  test("a text cell may show a date", () => {
    const row = PL.rows.find((r) => r.kind === "text")!;
    expect(parseCell({ value: FEB_1, text: "01/02/2025" }, "text", row)).toMatchObject({ type: "text" });
  });
});
