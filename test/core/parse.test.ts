/**
 * parseCell, one cell at a time: what a user types in a cell of each kind, and what it means.
 * Examples are taken from the filled appendix in seed 003 ("100%", "3,7", "21.88", "1 2") and
 * from the habits of Vietnamese Excel users (thousands dot, decimal comma).
 */
import { RowSchema, type CellKind } from "../../src/catalog/schema";
import type { RawCell } from "../../src/core/grid";
import { formatNumberVi, parseCell, type ParsedCell } from "../../src/core/parse";

const plain = RowSchema.parse({ id: "r", stt: "1", label: "Chỉ tiêu", kind: "count" });
const withFraction = RowSchema.parse({ id: "r", stt: "1", label: "Tỷ lệ", kind: "percent", acceptsFraction: true });
const coded = RowSchema.parse({
  id: "r",
  stt: "7.1",
  label: "Cập nhật Kiến trúc chính quyền điện tử",
  kind: "coded",
  codes: [
    { code: 0, label: "Chưa" },
    { code: 1, label: "Đang làm" },
    { code: 2, label: "Hoàn thành" },
  ],
});

function parse(input: string | number | boolean | null | RawCell, kind: CellKind, row = plain): ParsedCell {
  const raw: RawCell | null = input === null ? null : typeof input === "object" ? input : { value: input };
  return parseCell(raw, kind, row);
}

/** Shorthand for what a cell became: 3.7, "blank", "invalid:not_whole", "code:2", "status:dat"… */
function outcome(p: ParsedCell): string | number {
  switch (p.type) {
    case "number":
      return p.value;
    case "blank":
      return "blank";
    case "invalid":
      return `invalid:${p.reason}`;
    case "code":
      return `code:${p.value}`;
    case "status":
      return `status:${p.value}`;
    case "text":
      return `text:${p.value}`;
  }
}

function guessOf(p: ParsedCell): string | undefined {
  return p.type === "number" || p.type === "code" ? p.guess?.code : undefined;
}

describe("blank means not reported", () => {
  test.each([
    [null, "count"],
    [{ value: null }, "count"],
    ["", "percent"],
    ["   ", "decimal"],
    [{ value: null, formula: "=SUM(C8:C9)" }, "count"],
  ] as const)("%p in a %s cell is blank, not zero, and not answered", (input, kind) => {
    const p = parse(input as RawCell | string | null, kind);
    expect(p).toEqual({ type: "blank", text: "" });
  });

  test.each(["-", "–", "—", "x", "X", "...", "…"])("the marker %p is blank but answered", (marker) => {
    for (const kind of ["count", "percent", "decimal", "coded", "status"] as const) {
      const p = parse(marker, kind, kind === "coded" ? coded : plain);
      expect(p).toEqual({ type: "blank", text: marker, marker });
    }
  });

  test("'x' in a flag01 cell is refused: a tick or 'not applicable'?", () => {
    expect(outcome(parse("x", "flag01"))).toBe("invalid:not_a_flag");
  });

  test.each(["Không áp dụng cho cấp xã", "không áp dụng", "KHONG AP DUNG cho cap huyen"])(
    "«%s» (printed by a template in the rows of other levels, or typed) is not applicable: blank but answered, in every kind but text",
    (typed) => {
      for (const kind of ["count", "percent", "decimal", "flag01", "coded", "status"] as const) {
        const p = parse(typed, kind, kind === "coded" ? coded : plain);
        expect({ kind, p }).toEqual({ kind, p: { type: "blank", text: typed, marker: typed } });
      }
      expect(outcome(parse(typed, "text"))).toBe(`text:${typed}`);
    },
  );

  test("other words starting with «Không» are no marker: «Không có» in a count is not a number, «Không đạt» a rating", () => {
    expect(outcome(parse("Không có", "count"))).toBe("invalid:not_a_number");
    expect(outcome(parse("Không đạt", "status"))).toBe("status:khong-dat");
  });

  test("'x' in a text cell is text, '-' is blank", () => {
    expect(outcome(parse("x", "text"))).toBe("text:x");
    expect(outcome(parse("-", "text"))).toBe("blank");
  });
});

describe("numbers typed the Vietnamese way", () => {
  //  typed           kind       becomes                    warning
  test.each([
    ["12", "count", 12, undefined],
    ["0", "count", 0, undefined],
    ["1.076", "count", 1076, undefined],
    ["1.076.500", "count", 1076500, undefined],
    ["1\u00a0076", "count", 1076, undefined],
    ["+5", "count", 5, undefined],
    ["1,076", "count", 1076, "ambiguous_number"],
    ["1,076,500", "count", 1076500, undefined],
    ["3,7", "percent", 3.7, undefined],
    ["3,7", "decimal", 3.7, undefined],
    ["21.88", "percent", 21.88, undefined],
    ["21.88", "decimal", 21.88, undefined],
    ["100%", "percent", 100, undefined],
    ["100 %", "percent", 100, undefined],
    ["98,5%", "percent", 98.5, undefined],
    ["1.076", "percent", 1.076, "ambiguous_number"],
    ["1,076", "percent", 1.076, undefined],
    ["1.076", "decimal", 1076, "ambiguous_number"],
    ["1,076", "decimal", 1.076, "ambiguous_number"],
    ["0.500", "decimal", 0.5, undefined],
    ["1.076,5", "decimal", 1076.5, undefined],
    ["1,076.5", "decimal", 1076.5, undefined],
    ["12 (ước tính)", "count", 12, "note_in_number"],
    ["12 người", "count", 12, "note_in_number"],
    ["100% (ước tính)", "percent", 100, "note_in_number"],
  ] as const)("%p in a %s cell → %p (%s)", (typed, kind, value, warning) => {
    const p = parse(typed, kind);
    expect(outcome(p)).toBe(value);
    expect(guessOf(p)).toBe(warning);
  });

  test.each([
    ["1,5", "count", "not_whole"],
    ["21.88", "count", "not_whole"],
    ["0.500", "count", "not_whole"],
    ["1 2", "count", "not_a_number"],
    ["1 2", "percent", "not_a_number"],
    ["12 - 15", "count", "not_a_number"],
    ["abc", "decimal", "not_a_number"],
    ["khoảng 12", "count", "not_a_number"],
    ["1.2.3", "count", "not_a_number"],
    ["1.07", "count", "not_whole"],
    ["12.", "count", "not_a_number"],
    ["75%", "count", "not_a_number"],
    ["5%", "decimal", "not_a_number"],
    ["13/13", "count", "not_a_number"],
    ["-5", "count", "negative"],
    ["−3,5", "decimal", "negative"],
    ["-1%", "percent", "negative"],
    ["–2", "count", "negative"],
    ["101", "percent", "percent_out_of_range"],
    ["100,01%", "percent", "percent_out_of_range"],
    ["#DIV/0!", "percent", "not_a_number"],
  ] as const)("%p in a %s cell is refused: %s", (typed, kind, reason) => {
    expect(outcome(parse(typed, kind))).toBe(`invalid:${reason}`);
  });

  test("'1 2' explains that the cell holds more than one number", () => {
    const p = parse("1 2", "count");
    expect(p).toMatchObject({ type: "invalid", reason: "not_a_number", text: "1 2" });
    expect(p.type === "invalid" && p.detail).toMatch(/nhiều hơn một số/);
  });

  test("a formula error names itself", () => {
    const p = parse("#DIV/0!", "count");
    expect(p.type === "invalid" && p.detail).toMatch(/lỗi công thức/);
  });
});

describe("numbers handed over by a reader", () => {
  test("used as they are", () => {
    expect(outcome(parse(1076, "count"))).toBe(1076);
    expect(outcome(parse(3.7, "decimal"))).toBe(3.7);
    expect(outcome(parse(21.88, "percent"))).toBe(21.88);
    expect(outcome(parse(0.75, "percent"))).toBe(0.75);
  });

  test("a percent cell formatted as % arrives as a fraction of 1: the text decides", () => {
    expect(outcome(parse({ value: 0.75, text: "75%" }, "percent"))).toBe(75);
    expect(outcome(parse({ value: 1, text: "100%" }, "percent"))).toBe(100);
    expect(outcome(parse({ value: 0.07, text: "7%" }, "percent"))).toBe(7);
    // the stored value, not the rounded text
    expect(outcome(parse({ value: 0.3333, text: "33%" }, "percent"))).toBe(33.33);
    // a literal "%" in the number format: the number is already the percentage
    expect(outcome(parse({ value: 75, text: "75%" }, "percent"))).toBe(75);
    // 150 % is still out of range
    expect(outcome(parse({ value: 1.5, text: "150%" }, "percent"))).toBe("invalid:percent_out_of_range");
  });

  test("en-US Excel stored a Vietnamese '1.076' as 1.076 in a count: the text is taken, with a warning", () => {
    const p = parse({ value: 1.076, text: "1.076" }, "count");
    expect(outcome(p)).toBe(1076);
    expect(guessOf(p)).toBe("ambiguous_number");
    expect(outcome(parse(1.5, "count"))).toBe("invalid:not_whole");
  });

  test("a formula's cached result is its value", () => {
    expect(outcome(parse({ value: 13, formula: "=C8+C9" }, "count"))).toBe(13);
  });

  test("a reader that only knows the shown text", () => {
    expect(outcome(parse({ value: null, text: "3,7" }, "percent"))).toBe(3.7);
  });

  test("negative and non-finite numbers are refused", () => {
    expect(outcome(parse(-1, "count"))).toBe("invalid:negative");
    expect(outcome(parse(Number.NaN, "decimal"))).toBe("invalid:not_a_number");
    expect(outcome(parse(150, "percent"))).toBe("invalid:percent_out_of_range");
  });
});

describe("fractions in percent cells", () => {
  test("1180/1200 → 98,33…% with the fraction kept", () => {
    const p = parse("1180/1200", "percent", withFraction);
    expect(p.type).toBe("number");
    if (p.type !== "number") return;
    expect(p.value).toBeCloseTo(98.3333, 3);
    expect(p.fraction).toEqual({ num: 1180, den: 1200 });
    expect(p.guess).toBeUndefined();
  });

  test("thousands dots and spaces around the slash", () => {
    const p = parse("1.180 / 1.200", "percent", withFraction);
    expect(p.type === "number" && p.fraction).toEqual({ num: 1180, den: 1200 });
  });

  test.each([
    ["1200/1180", 98.3333],
    ["5/0", 0],
  ])("%p in the printed order (received/on time) reads as on time over received", (typed, percent) => {
    const p = parse(typed, "percent", withFraction);
    expect(p.type === "number" && p.value).toBeCloseTo(percent, 3);
  });

  test.each(["0/0", "1,5/3"])("%p is not a valid fraction", (typed) => {
    expect(outcome(parse(typed, "percent", withFraction))).toBe("invalid:fraction_invalid");
  });

  test("a row that does not ask for a fraction still converts it, with a warning", () => {
    const p = parse("13/13", "percent");
    expect(outcome(p)).toBe(100);
    expect(guessOf(p)).toBe("fraction_converted");
  });
});

describe("coded answers", () => {
  test.each([
    [2, "code:2"],
    ["2", "code:2"],
    ["0", "code:0"],
    ["Hoàn thành", "code:2"],
    ["hoàn thành", "code:2"],
    ["HOAN THANH", "code:2"],
    ["  Hoàn   thành ", "code:2"],
    ["Hoàn thành".normalize("NFD"), "code:2"],
    ["Đang làm", "code:1"],
    ["2 - Hoàn thành", "code:2"],
    ["2. Hoàn thành", "code:2"],
    ["Hoàn thành = 2", "code:2"],
    ["Hoàn thành (2)", "code:2"],
    ["3", "invalid:not_in_codes"],
    [1.5, "invalid:not_in_codes"],
    ["1 2", "invalid:not_in_codes"],
    ["Xong", "invalid:not_in_codes"],
    ["1 - Hoàn thành", "invalid:not_in_codes"],
    ["x", "blank"],
  ] as const)("%p → %s", (typed, result) => {
    expect(outcome(parse(typed, "coded", coded))).toBe(result);
  });

  test("a code with a remark is taken, with a warning", () => {
    const p = parse("2 (ước tính)", "coded", coded);
    expect(outcome(p)).toBe("code:2");
    expect(guessOf(p)).toBe("note_in_number");
  });

  test("the label of the code comes with it", () => {
    expect(parse("2", "coded", coded)).toMatchObject({ type: "code", value: 2, label: "Hoàn thành" });
  });
});

describe("Đạt / Không đạt", () => {
  test.each(["Đạt", "đạt", "DAT", "Dat", "ĐẠT", " Đạt ", "Đạt".normalize("NFD")])("%p → dat", (typed) => {
    expect(outcome(parse(typed, "status"))).toBe("status:dat");
  });
  test.each(["Không đạt", "khong dat", "KHÔNG ĐẠT", "Không  Đạt", "Chưa đạt"])("%p → khong-dat", (typed) => {
    expect(outcome(parse(typed, "status"))).toBe("status:khong-dat");
  });
  test.each(["Có", "1", "Đạt 100%", "Hoàn thành"])("%p is not a status", (typed) => {
    expect(outcome(parse(typed, "status"))).toBe("invalid:not_a_status");
  });
  test("a number is not a status", () => {
    expect(outcome(parse(1, "status"))).toBe("invalid:not_a_status");
  });
});

describe("flag01", () => {
  test.each([
    [1, 1],
    [0, 0],
    ["1", 1],
    ["0", 0],
    ["Có", 1],
    ["có", 1],
    ["Không", 0],
    [true, 1],
    [false, 0],
  ] as const)("%p → %p", (typed, value) => {
    expect(outcome(parse(typed, "flag01"))).toBe(value);
  });
  test.each([2, "2", "0,5", "Đạt", -1])("%p is not a flag", (typed) => {
    expect(outcome(parse(typed, "flag01"))).toBe("invalid:not_a_flag");
  });
});

describe("text and headings", () => {
  test("anything is text", () => {
    expect(outcome(parse("Đã triển khai", "text"))).toBe("text:Đã triển khai");
    expect(outcome(parse(12, "text"))).toBe("text:12");
    expect(outcome(parse({ value: 0.5, text: "50%" }, "text"))).toBe("text:50%");
  });
  test("a heading cell with something in it is text (validation warns)", () => {
    expect(outcome(parse("12", "heading"))).toBe("text:12");
    expect(outcome(parse("", "heading"))).toBe("blank");
  });
});

describe("formatNumberVi", () => {
  test.each([
    [1076500.25, "1.076.500,25"],
    [1076, "1.076"],
    [3.7, "3,7"],
    [0, "0"],
    [98.33333, "98,3333"],
    [-12.5, "-12,5"],
  ])("%p → %p", (n, text) => {
    expect(formatNumberVi(n)).toBe(text);
  });
});
