/** Reporting periods as reports state them (core/period): the words as printed, and one key per period. */
import { describePeriod, findPeriod, periodLabel } from "../../src/core/period";

describe("the period a text states", () => {
  test.each([
    ["THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC QUÝ III NĂM 2026", "QUÝ III NĂM 2026", "2026-Q3"],
    ["Quý 3/2026", "Quý 3/2026", "2026-Q3"],
    ["quý IV - 2025", "quý IV - 2025", "2025-Q4"],
    ["Báo cáo Q2/2026", "Q2/2026", "2026-Q2"],
    ["QUÝ III NĂM 2026".normalize("NFD"), "QUÝ III NĂM 2026", "2026-Q3"],
    ["Quy III nam 2026", "Quy III nam 2026", "2026-Q3"],
    ["… 6 THÁNG ĐẦU NĂM 2026", "6 THÁNG ĐẦU NĂM 2026", "2026-H1"],
    ["sáu tháng năm 2026", "sáu tháng năm 2026", "2026-H1"],
    ["6 tháng cuối năm 2025", "6 tháng cuối năm 2025", "2025-H2"],
    ["9 THÁNG ĐẦU NĂM 2026", "9 THÁNG ĐẦU NĂM 2026", "2026-9M"],
    ["BÁO CÁO CÔNG TÁC CCHC NĂM 2026", "NĂM 2026", "2026"],
    ["Giai đoạn 2021-2025", "Giai đoạn 2021-2025", "2021-2025"],
    // A first-quarter report; what follows «phương hướng» is the plan ahead (seed 003's title).
    ["Tình hình thực hiện công tác cải cách hành chính quý I và phương hướng, nhiệm vụ quý II năm 2021", "quý I", "2021-Q1"],
  ])("«%s» → «%s» (%s)", (text, printed, key) => {
    expect(findPeriod(text)).toEqual({ text: printed, key });
  });

  test.each([
    // calendar
    ["từ ngày 01/7/2026 đến ngày 30/9/2026", "2026-Q3"],
    ["từ ngày 1/1/2026 đến ngày 30/6/2026", "2026-H1"],
    ["Từ 01/01/2026 đến 31/12/2026", "2026"],
    // the data cut-off of the reporting regime: from the 15th of the month before to the 14th
    ["Số liệu tính từ ngày 15/6/2026 đến ngày 14/9/2026", "2026-Q3"],
    ["từ ngày 15/12/2025 đến ngày 14/3/2026", "2026-Q1"],
    ["từ ngày 15/12/2025 đến ngày 14/6/2026", "2026-H1"],
    ["từ ngày 15/12/2025 đến ngày 14/9/2026", "2026-9M"],
    ["từ ngày 15 tháng 12 năm 2025 đến ngày 14 tháng 12 năm 2026", "2026"],
    ["từ 15/9 đến 14/12/2026", "2026-Q4"],
    // anything else is the range itself
    ["từ ngày 20/6/2026 đến ngày 14/9/2026", "2026-06-20/2026-09-14"],
  ])("«%s» → %s", (text, key) => {
    expect(findPeriod(text)?.key).toBe(key);
  });

  test.each([
    ["Kbang, ngày 10 tháng 3 năm 2020"],
    ["Hà Nội, ngày      tháng 6 năm 2026"],
    ["(Kèm theo Báo cáo số 77/BC-UBND ngày 12/6/2026 của UBND phường Hòa Khánh)"],
    ["Số: 84/BC-UBND"],
    ["Quy định về quy trình"],
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
  ])("a date or other words are no period: «%s»", (text) => {
    expect(findPeriod(text)).toBeUndefined();
  });

  test("a quarter without a year keeps its words, without a key", () => {
    expect(findPeriod("Kỳ báo cáo quý III")).toEqual({ text: "quý III" });
  });
});

test("periods are named the Vietnamese way, the text as printed beside its key", () => {
  expect(periodLabel("2026-Q3")).toBe("Quý III năm 2026");
  expect(periodLabel("2026-H1")).toBe("6 tháng đầu năm 2026");
  expect(periodLabel("2026-H2")).toBe("6 tháng cuối năm 2026");
  expect(periodLabel("2026-9M")).toBe("9 tháng năm 2026");
  expect(periodLabel("2026")).toBe("Năm 2026");
  expect(periodLabel("2026-06-20/2026-09-14")).toBe("Từ ngày 20/06/2026 đến ngày 14/09/2026");
  expect(describePeriod({ text: "QUÝ III NĂM 2026", key: "2026-Q3" })).toBe("QUÝ III NĂM 2026 (2026-Q3)");
  expect(describePeriod({ text: "quý này" })).toBe("quý này");
  expect(describePeriod(undefined)).toBe("");
});
