/** Every issue code has a Vietnamese message; validation's messages use all their parameters. */
import { MESSAGES, type IssueCode } from "../../src/core/messages";
import { makeIssue } from "../../src/core/issues";

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

const SAMPLE = {
  sheet: "Phụ lục 3",
  cell: "C7",
  value: "1 2",
  label: "Tổng số TTHC",
  column: "Năm 2015",
  expected: "1.076",
  detail: "C8 + C9",
  file: "huyen-a.xlsx",
  total: "Số hồ sơ đã tiếp nhận",
  totalCell: "C12",
  certainty: "usual",
};

const codes = Object.keys(MESSAGES) as IssueCode[];

test.each(codes)("%s has a non-empty Vietnamese message", (code) => {
  const message = MESSAGES[code](SAMPLE);
  expect(message.trim().length).toBeGreaterThan(10);
  expect(message).toMatch(VIETNAMESE);
  expect(message).toBe(message.normalize("NFC"));
});

/** The codes validation emits, with the parameters validate.ts passes to them. */
const VALIDATION_CODES: IssueCode[] = [
  "not_a_number",
  "date_typed",
  "not_whole",
  "negative",
  "percent_out_of_range",
  "fraction_invalid",
  "not_in_codes",
  "not_a_status",
  "not_a_flag",
  "ambiguous_number",
  "note_in_number",
  "fraction_converted",
  "value_in_heading",
  "required_blank",
  "wrong_level",
  "form_blank",
  "sum_mismatch",
  "exceeds_total",
  "rule_violated",
];

test.each(VALIDATION_CODES)("%s names the place and never prints 'undefined'", (code) => {
  const issue = makeIssue(code, "error", { sheet: SAMPLE.sheet, cell: code === "form_blank" ? "" : SAMPLE.cell, value: SAMPLE.value }, SAMPLE);
  expect(issue.message).not.toMatch(/undefined|null|NaN|\[object/);
  expect(issue.message).toContain(code === "form_blank" ? "«Phụ lục 3»" : "Phụ lục 3!C7");
  if (code !== "form_blank" && code !== "rule_violated") expect(issue.message).toContain("Tổng số TTHC");
  if (!["form_blank", "required_blank", "wrong_level", "value_in_heading"].includes(code)) expect(issue.message).toContain("Năm 2015");
});

test("a certain rule and a usual rule read differently", () => {
  const certain = MESSAGES.rule_violated({ ...SAMPLE, certainty: "certain" });
  const usual = MESSAGES.rule_violated({ ...SAMPLE, certainty: "usual" });
  expect(certain).not.toBe(usual);
  expect(certain).toContain("luôn");
  expect(usual).toContain("thường");
});
