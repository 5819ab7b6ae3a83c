/**
 * Recognition of received sheets. Each grid below is written as the sheet looks: one array per
 * row, one entry per column (A, B, C, …), null for an empty cell. The forms are small ones
 * defined here, so the tests do not depend on the catalogue being complete; one test at the end
 * runs over the real catalogue.
 */
import { FORMS, FormSchema, type Form, type FormInput } from "../../src/catalog";
import type { Grid, MergeRange, RawCell } from "../../src/core/grid";
import type { Issue } from "../../src/core/issues";
import { compactKey, foldVietnamese, normaliseLabel, normaliseStt, splitLeadingStt } from "../../src/core/normalize";
import { layoutForm } from "../../src/core/layout";
import { findUnitAndPeriod, recogniseAs, recogniseSheet, type Recognition } from "../../src/core/recognise";

// --- builders -----------------------------------------------------------------------------------

type V = string | number | null;

function grid(rows: V[][], extra: Partial<Grid> = {}): Grid {
  return {
    sheet: "Sheet1",
    cells: rows.map((row) => row.map((v): RawCell | null => (v === null ? null : { value: v }))),
    ...extra,
  };
}

const SOURCE = { seed: "000_4e2d107fc3b0667a.txt", section: "Phụ lục 3" };

function form(input: Omit<FormInput, "version" | "family" | "familyTitle" | "levels" | "source"> & Partial<FormInput>): Form {
  return FormSchema.parse({
    version: 1,
    family: "test",
    familyTitle: "Biểu thử",
    levels: ["huyen"],
    source: SOURCE,
    ...input,
  });
}

const YEARS = [
  { id: "y2015", label: "Năm 2015", role: "value", period: "2015" },
  { id: "y2016", label: "Năm 2016", role: "value", period: "2016" },
  { id: "y2020q1", label: "Năm 2020 (Tính đến 31/3)", role: "value", period: "2020-Q1", partial: true },
] as const;

/** District PL3, cut down. */
const HUYEN_PL3 = form({
  id: "test.huyen.pl3",
  family: "test.huyen",
  familyTitle: "Tổng kết 2011-2020 – cấp huyện",
  appendix: "Phụ lục 3",
  title: "THÔNG KÊ CÁC CHỈ TIÊU TẠI LĨNH VỰC CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
  attachedTo: "(Kèm theo Kế hoạch số: … /KH-UBND ngày … của UBND huyện)",
  sttHeader: "STT",
  labelHeader: "Chỉ tiêu",
  columns: [...YEARS],
  rows: [
    { id: "tong", stt: "1", label: "Tổng số TTHC", kind: "count" },
    { id: "huyen", stt: "-", label: "Số lượng TTHC cấp huyện", kind: "count", parent: "tong" },
    { id: "xa", stt: "-", label: "Số lượng TTHC cấp xã", kind: "count", parent: "tong" },
    { id: "don-gian", stt: "2", label: "Số TTHC được đơn giản hóa sau rà soát", kind: "count" },
    { id: "ket-qua", stt: "5", label: "Kết quả giải quyết hồ sơ TTHC", kind: "heading" },
    { id: "tl-huyen", stt: "-", label: "Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hẹn", kind: "percent", parent: "ket-qua" },
    { id: "tl-xa", stt: "-", label: "Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hẹn", kind: "percent", parent: "ket-qua" },
  ],
});

/** Province PL3: the same title and most rows, plus the provincial level. */
const TINH_PL3 = form({
  id: "test.tinh.pl3",
  family: "test.tinh",
  familyTitle: "Tổng kết 2011-2020 – cấp tỉnh",
  levels: ["tinh"],
  appendix: "PHỤ LỤC 3",
  title: "THỐNG KÊ CÁC CHỈ TIÊU TẠI LĨNH VỰC CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
  attachedTo: "(Kèm theo Kế hoạch số: … /KH-UBND ngày … của UBND tỉnh)",
  sttHeader: "STT",
  labelHeader: "Chỉ tiêu",
  columns: [...YEARS],
  rows: [
    { id: "tong", stt: "1", label: "Tổng số TTHC", kind: "count" },
    { id: "tinh", stt: "-", label: "Số lượng TTHC cấp tỉnh", kind: "count", parent: "tong" },
    { id: "huyen", stt: "-", label: "Số lượng TTHC cấp huyện", kind: "count", parent: "tong" },
    { id: "xa", stt: "-", label: "Số lượng TTHC cấp xã", kind: "count", parent: "tong" },
    { id: "don-gian", stt: "2", label: "Số TTHC được đơn giản hóa sau rà soát", kind: "count" },
    { id: "ket-qua", stt: "5", label: "Kết quả giải quyết hồ sơ TTHC", kind: "heading" },
    { id: "tl-tinh", stt: "-", label: "Tỷ lệ hồ sơ TTHC cấp tỉnh giải quyết đúng hẹn", kind: "percent", parent: "ket-qua" },
    { id: "tl-huyen", stt: "-", label: "Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hẹn", kind: "percent", parent: "ket-qua" },
    { id: "tl-xa", stt: "-", label: "Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hẹn", kind: "percent", parent: "ket-qua" },
  ],
});

const GOALS = [
  "Thủ tục hành chính liên quan đến cá nhân, tổ chức được cải cách cơ bản theo hướng gọn nhẹ, đơn giản",
  "Sắp xếp, tổ chức lại các cơ quan, đơn vị để không còn sự chồng chéo, bỏ trống hoặc trùng lắp về chức năng, nhiệm vụ, quyền hạn",
  "Tối thiểu 30% báo cáo định kỳ (không bao gồm nội dung mật) được gửi, nhận qua Hệ thống thông tin báo cáo quốc gia.",
  "100% cơ quan kết nối vào Mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước",
];
const goalForm = (id: string, appendix: string, title: string) =>
  form({
    id,
    appendix,
    title,
    sttHeader: "STT",
    labelHeader: "Các mục tiêu cải cách",
    columns: [{ id: "danh-gia", label: "Đánh giá kết quả đạt được (Đạt/Không đạt)", role: "value" }],
    rows: GOALS.map((label, i) => ({ id: `muc-tieu-${i + 1}`, stt: `${i + 1}`, label, kind: "status" as const })),
  });
/** District PL8 and commune PL3 list the same goals. */
const HUYEN_PL8 = goalForm("test.huyen.pl8", "Phụ lục 8", "ĐÁNH GIÁ MỨC ĐỘ THỰC HIỆN CÁC MỤC TIÊU CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC");
const XA_PL3 = goalForm(
  "test.xa.pl3",
  "PHỤ LỤC 3",
  "Đánh giá mức độ thực hiện các mục tiêu cải cách hành chính nhà nước của các ngành, địa phương",
);

/** A PL1-like form where one label is printed twice under the same parent. */
const HUYEN_PL1 = form({
  id: "test.huyen.pl1",
  appendix: "Phụ lục 1",
  title: "THÔNG KÊ CÁC CHỈ TIÊU TẠI LĨNH VỰC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
  sttHeader: "STT",
  labelHeader: "Chỉ tiêu",
  columns: [...YEARS],
  rows: [
    { id: "van-ban", stt: "1", label: "Số lượng văn bản chỉ đạo, điều hành", kind: "count" },
    { id: "vb-huyen-uy", stt: "", label: "- Văn bản của Huyện ủy", kind: "count", parent: "van-ban" },
    { id: "vb-ubnd-1", stt: "", label: "- Văn bản của UBND huyện", kind: "count", parent: "van-ban" },
    { id: "vb-ubnd-2", stt: "", label: "- Văn bản của UBND huyện", kind: "count", parent: "van-ban" },
    { id: "kiem-tra", stt: "2", label: "Số lượng các cơ quan, đơn vị được kiểm tra CCHC", kind: "count" },
  ],
});

/** A PL5-like form: "Tổng số được giao" under two different totals. */
const HUYEN_PL5 = form({
  id: "test.huyen.pl5",
  appendix: "Phụ lục 5",
  title: "THỐNG KÊ CÁC CHỈ TIÊU TẠI LĨNH VỰC XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC",
  sttHeader: "STT",
  labelHeader: "Chỉ tiêu",
  columns: [...YEARS],
  rows: [
    { id: "cbcc", stt: "1", label: "Tổng số biên chế cán bộ, công chức", kind: "count" },
    { id: "cbcc-giao", stt: "-", label: "Tổng số được giao", kind: "count", parent: "cbcc" },
    { id: "cbcc-co-mat", stt: "-", label: "Tổng số có mặt", kind: "count", parent: "cbcc" },
    { id: "vc", stt: "2", label: "Tổng số biên chế viên chức", kind: "count" },
    { id: "vc-giao", stt: "-", label: "Tổng số được giao", kind: "count", parent: "vc" },
    { id: "vc-co-mat", stt: "-", label: "Tổng số có mặt", kind: "count", parent: "vc" },
  ],
});

/** A periodic statistics form with a two-level header, like seed 003. */
const THONG_KE = form({
  id: "test.dinh-ky",
  appendix: "Phụ lục",
  title: "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC",
  sttHeader: "STT",
  labelHeader: "Chỉ tiêu thống kê",
  columns: [
    { id: "dvt", label: "Đơn vị tính", role: "static", group: "Kết quả thống kê" },
    { id: "so-lieu", label: "Số liệu", role: "value", group: "Kết quả thống kê" },
    { id: "ghi-chu", label: "Ghi chú", role: "note" },
  ],
  rows: [
    { id: "1", stt: "1.", label: "Công tác chỉ đạo điều hành CCHC", kind: "heading" },
    { id: "1.2", stt: "1.2", label: "Kiểm tra CCHC", kind: "heading" },
    { id: "1.2.3", stt: "1.2.3.", label: "Số vấn đề phát hiện qua kiểm tra", kind: "count", printed: { dvt: "Vấn đề" } },
    { id: "3.3.4", stt: "3.3.4", label: "Tỷ lệ quy trình nội bộ giải quyết TTHC đã được điện tử hóa", kind: "percent", printed: { dvt: "%" } },
    { id: "4.2.1", stt: "4.2.1.", label: "Tổng số biên chế được giao trong năm", kind: "count", printed: { dvt: "Người" } },
    { id: "7.1", stt: "7.1", label: "Cập nhật Kiến trúc chính quyền điện tử phiên bản 2.0", kind: "coded", codes: [{ code: 0, label: "Chưa" }, { code: 1, label: "Hoàn thành" }] },
  ],
});

const ALL = [HUYEN_PL3, TINH_PL3, HUYEN_PL8, XA_PL3, HUYEN_PL1, HUYEN_PL5, THONG_KE];

function recognised(r: Recognition) {
  if (r.status !== "recognised") throw new Error(`not recognised: ${r.reason}`);
  return r;
}
const codes = (issues: Issue[]) => issues.map((i) => i.code);
/** "B7" of each row id, for one column. */
const addresses = (r: Recognition, columnId: string) => {
  const { filled } = recognised(r);
  return Object.fromEntries([...filled.cells].map(([rowId, cols]) => [rowId, cols.get(columnId)?.address]));
};
const value = (r: Recognition, rowId: string, columnId: string) => recognised(r).filled.cells.get(rowId)?.get(columnId)?.raw?.value;

// --- the district PL3, as received ------------------------------------------------------------------

const HEADER: V[] = ["STT", "Chỉ tiêu", "Năm 2015", "Năm 2016", "Năm 2020 (Tính đến 31/3)"];

const NAIVE_PL3: V[][] = [
  ["Phụ lục 3", null, null, null, null],
  ["THÔNG KÊ CÁC CHỈ TIÊU TẠI LĨNH VỰC CẢI CÁCH THỦ TỤC HÀNH CHÍNH", null, null, null, null],
  ["(Kèm theo Kế hoạch số: 41 /KH-UBND ngày 27/3/2020 của UBND huyện)", null, null, null, null],
  HEADER,
  ["1", "Tổng số TTHC", 120, 125, 130],
  ["-", "Số lượng TTHC cấp huyện", 80, 82, 85],
  ["-", "Số lượng TTHC cấp xã", 40, 43, 45],
  ["2", "Số TTHC được đơn giản hóa sau rà soát", 3, 4, 0],
  ["5", "Kết quả giải quyết hồ sơ TTHC", null, null, null],
  ["-", "Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hẹn", 98, "99,5", "100%"],
  ["-", "Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hẹn", "1180/1200", 97, 100],
];

describe("a sheet laid out as the form", () => {
  const r = recogniseSheet(grid(NAIVE_PL3), ALL);

  it("is recognised as that form, by content, with no issue", () => {
    const ok = recognised(r);
    expect(ok.filled.form.id).toBe("test.huyen.pl3");
    expect(ok.details.by).toBe("content");
    expect(ok.details.matchedRows).toBe(7);
    expect(ok.details.headerRows).toEqual([3, 3]);
    expect(ok.issues).toEqual([]);
    // the province variant is the runner-up, clearly behind
    expect(ok.details.candidates[1].formId).toBe("test.tinh.pl3");
    expect(ok.details.candidates[0].score - ok.details.candidates[1].score).toBeGreaterThan(0.05);
  });

  it("binds every row and input column to its cell", () => {
    expect(addresses(r, "y2015")).toEqual({
      tong: "C5", huyen: "C6", xa: "C7", "don-gian": "C8", "ket-qua": "C9", "tl-huyen": "C10", "tl-xa": "C11",
    });
    expect(addresses(r, "y2020q1")["tl-xa"]).toBe("E11");
    expect(value(r, "tl-xa", "y2015")).toBe("1180/1200");
    expect(recognised(r).filled.rowIndex.get("tong")).toBe(4);
    expect(recognised(r).filled.sheet).toBe("Sheet1");
  });
});

describe("spelling: Unicode form, tone placement, case, spacing, punctuation", () => {
  it("reads NFD text, old tone placement, upper case, line breaks, NBSP and stray punctuation alike", () => {
    const rows: V[][] = [
      ["PHỤ LỤC 3".normalize("NFD"), null, null, null, null],
      ["Thông kê các chỉ tiêu\ntại lĩnh vực cải cách\nthủ tục hành chính".normalize("NFD"), null, null, null, null],
      ["S T T", " CHỈ  TIÊU ", "Năm\u00a02015", "Năm 2016.", "Năm 2020\n(tính đến 31/3)"],
      ["1.", "TỔNG SỐ TTHC:", 120, 125, 130],
      ["–", "  Số lượng   TTHC\tcấp huyện ", 80, 82, 85],
      ["–", "Số lượng TTHC cấp xã;", 40, 43, 45],
      ["2.", "Số TTHC được đơn giản hoá sau rà soát", 3, 4, 0], // hoá, not hóa
      ["5.", "<b>Kết quả giải quyết hồ sơ TTHC</b>", null, null, null],
      ["-", "Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hẹn".normalize("NFD"), 98, 99, 100],
      ["-", "TỶ LỆ HỒ SƠ TTHC CẤP XÃ GIẢI QUYẾT ĐÚNG HẸN.", 97, 97, 100],
    ];
    const r = recognised(recogniseSheet(grid(rows), ALL));
    expect(r.filled.form.id).toBe("test.huyen.pl3");
    expect(r.details.matchedRows).toBe(7);
    expect(r.details.fuzzyRows).toBe(0);
    expect(r.issues).toEqual([]);
    expect(addresses(r, "y2016")["don-gian"]).toBe("D7");
  });

  it("folds the usual variants to one key", () => {
    expect(foldVietnamese("Uỷ ban nhân dân")).toBe(foldVietnamese("ỦY BAN NHÂN DÂN"));
    expect(foldVietnamese("điện tử hoá")).toBe(foldVietnamese("Điện tử hóa".normalize("NFD")));
    expect(foldVietnamese("  Thuỷ\n lợi; ")).toBe("thuy loi");
    expect(foldVietnamese("«Không đạt».")).toBe("khong dat");
    expect(foldVietnamese("Đạt")).toBe("dat");
    expect(foldVietnamese("<i>Tổng số được giao</i>")).toBe("tong so duoc giao");
    expect(compactKey("S T T")).toBe("stt");
  });

  it("keeps diacritics in the precise key, with one tone placement", () => {
    expect(normaliseLabel("Hoá đơn; sức khoẻ, thuỷ lợi, Uỷ ban")).toBe(normaliseLabel("HÓA ĐƠN SỨC KHỎE THỦY LỢI ỦY BAN"));
    expect(normaliseLabel("Hoá")).not.toBe(normaliseLabel("Hòa"));
    expect(normaliseLabel("ngoài giường toán quý".normalize("NFD"))).toBe("ngoài giường toán quý");
  });

  it("normalises item numbers", () => {
    expect(normaliseStt("1.2.3.")).toBe(normaliseStt("1.2.3"));
    expect(normaliseStt(" 1. 2. 3 ")).toBe("1.2.3");
    expect(normaliseStt("I.")).toBe("I");
    expect(normaliseStt("(II)")).toBe("II");
    expect(normaliseStt("a)")).toBe("a");
    expect(normaliseStt("đ)")).toBe("đ");
    expect(normaliseStt("—")).toBe("-");
    expect(normaliseStt("-")).toBe("-");
    expect(normaliseStt("+")).toBe("+");
    expect(normaliseStt("")).toBe("");
    expect(normaliseStt("Trong đó")).toBe("trong đó");
    expect(splitLeadingStt("1.2. Kế hoạch CCHC")).toEqual({ stt: "1.2.", rest: "Kế hoạch CCHC" });
    expect(splitLeadingStt("1.Tổng số TTHC")).toEqual({ stt: "1.", rest: "Tổng số TTHC" });
    expect(splitLeadingStt("1.2 Kế hoạch")).toEqual({ stt: "1.2", rest: "Kế hoạch" });
    expect(splitLeadingStt("a) Văn bản")).toEqual({ stt: "a)", rest: "Văn bản" });
    expect(splitLeadingStt("-Văn bản của Huyện ủy")).toEqual({ stt: "-", rest: "Văn bản của Huyện ủy" });
    expect(splitLeadingStt("2 cấp = 1")).toBeUndefined();
    expect(splitLeadingStt("Tp.Hồ Chí Minh")).toBeUndefined();
    expect(splitLeadingStt("20% số lượng người dân")).toBeUndefined();
    expect(splitLeadingStt("100% cơ quan kết nối")).toBeUndefined();
  });
});

describe("rows inserted, moved, missing, blank, repeated", () => {
  const rows: V[][] = [
    ["Phụ lục 3", null, null, null, null],
    ["THÔNG KÊ CÁC CHỈ TIÊU TẠI LĨNH VỰC CẢI CÁCH THỦ TỤC HÀNH CHÍNH", null, null, null, null],
    HEADER,
    ["(1)", "(2)", "(3)", "(4)", "(5)"], // the column numbers printed under the header
    ["2", "Số TTHC được đơn giản hóa sau rà soát", 3, 4, 0], // moved up
    ["1", "Tổng số TTHC", 120, 125, 130],
    ["-", "Số lượng TTHC cấp xã", 40, 43, 45], // cấp huyện is missing
    [null, null, null, null, null], // blank row in the middle
    ["-", "Số TTHC cấp thôn", 1, 2, 3], // inserted, with values
    ["-", "Ghi chép thêm", null, null, null], // inserted, no values
    ["5", "Kết quả giải quyết hồ sơ TTHC", null, null, null],
    ["-", "Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hẹn", 97, 97, 100], // order swapped
    ["-", "Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hẹn", 98, 99, 100],
    ["-", "Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hẹn", 50, 50, 50], // typed twice
    [null, null, null, null, null],
    ["Người lập biểu", null, null, "Thủ trưởng đơn vị", null], // signature block below the table
  ];
  const r = recognised(recogniseSheet(grid(rows), ALL));

  it("still picks the form and maps each row by its label", () => {
    expect(r.filled.form.id).toBe("test.huyen.pl3");
    expect(addresses(r, "y2015")).toEqual({
      "don-gian": "C5", tong: "C6", xa: "C7", "ket-qua": "C11", "tl-xa": "C12", "tl-huyen": "C13",
    });
    expect(r.filled.cells.has("huyen")).toBe(false);
  });

  it("reports the missing row, the unknown row with values and the duplicate — nothing else", () => {
    expect(codes(r.issues)).toEqual(["row_not_found", "row_unmatched", "row_duplicate"]);
    const [missing, unknown, dup] = r.issues;
    expect(missing).toMatchObject({ severity: "warning", cell: "" });
    expect(missing.message).toContain("Số lượng TTHC cấp huyện");
    expect(unknown).toMatchObject({ severity: "warning", cell: "B9", value: "Số TTHC cấp thôn" });
    expect(unknown.message).toContain("Sheet1!B9");
    expect(dup).toMatchObject({ cell: "B14" });
    expect(dup.message).toContain("B13"); // names the first occurrence
  });
});

describe("labels printed twice in one form", () => {
  it("are told apart by order under the same parent", () => {
    const rows: V[][] = [
      ["STT", "Chỉ tiêu", "Năm 2015", "Năm 2016", "Năm 2020 (Tính đến 31/3)"],
      ["1", "Số lượng văn bản chỉ đạo, điều hành", 10, 11, 12],
      [null, "- Văn bản của Huyện ủy", 1, 1, 1],
      [null, "- Văn bản của UBND huyện", 2, 2, 2],
      [null, "- Văn bản của UBND huyện", 3, 3, 3],
      ["2", "Số lượng các cơ quan, đơn vị được kiểm tra CCHC", 4, 4, 4],
    ];
    const r = recognised(recogniseSheet(grid(rows), ALL));
    expect(r.filled.form.id).toBe("test.huyen.pl1");
    expect(value(r, "vb-ubnd-1", "y2015")).toBe(2);
    expect(value(r, "vb-ubnd-2", "y2015")).toBe(3);
    expect(r.issues).toEqual([]);
  });

  it("are told apart by their parent row when the blocks are moved", () => {
    const rows: V[][] = [
      ["STT", "Chỉ tiêu", "Năm 2015", "Năm 2016", "Năm 2020 (Tính đến 31/3)"],
      ["2", "Tổng số biên chế viên chức", 500, 510, 520],
      ["-", "Tổng số có mặt", 490, 500, 505],
      ["-", "Tổng số được giao", 500, 510, 520],
      ["1", "Tổng số biên chế cán bộ, công chức", 80, 81, 82],
      ["-", "Tổng số được giao", 80, 81, 82],
      ["-", "Tổng số có mặt", 78, 79, 80],
    ];
    const r = recognised(recogniseSheet(grid(rows), ALL));
    expect(r.filled.form.id).toBe("test.huyen.pl5");
    expect(addresses(r, "y2015")).toEqual({
      vc: "C2", "vc-co-mat": "C3", "vc-giao": "C4", cbcc: "C5", "cbcc-giao": "C6", "cbcc-co-mat": "C7",
    });
  });
});

describe("two-level header with merged cells", () => {
  // STT and label merged over two rows; "Kết quả thống kê" merged over C:D; only top-left cells hold text.
  const rows: V[][] = [
    ["ỦY BAN NHÂN DÂN\nHUYỆN KBANG", null, null, null, null],
    ["Phụ lục", null, null, null, null],
    ["THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ\nTHỰC HIỆN CÔNG TÁC CCHC", null, null, null, null],
    ["Kỳ báo cáo: Quý I năm 2021", null, null, null, null],
    ["STT", "Chỉ tiêu thống kê", "Kết quả thống kê", null, "Ghi chú"],
    [null, null, "Đơn vị tính", "Số liệu", null],
    ["1.", "Công tác chỉ đạo điều hành CCHC", null, null, null],
    ["1.2", "Kiểm tra CCHC", null, null, null],
    ["1.2.3", "Số vấn đề phát hiện qua kiểm tra", "Vấn đề", 0, null],
    ["3.3.4", "Tỷ lệ quy trình nội bộ giải quyết TTHC đã được điện tử hoá", "%", 100, null],
    ["4.2.1.", "Tổng số biên chế được giao trong năm", "Người", 78, "Theo QĐ 12"],
    ["7.1", "Cập nhật Kiến trúc chính quyền điện tử phiên bản 2.0", "Chưa = 0 Hoàn thành = 1", "1 2", null],
  ];
  const merges: MergeRange[] = [
    { top: 4, left: 0, bottom: 5, right: 0 },
    { top: 4, left: 1, bottom: 5, right: 1 },
    { top: 4, left: 2, bottom: 4, right: 3 },
    { top: 4, left: 4, bottom: 5, right: 4 },
  ];
  const r = recognised(recogniseSheet(grid(rows, { merges }), ALL));

  it("finds the header block and the value and note columns under their group", () => {
    expect(r.filled.form.id).toBe("test.dinh-ky");
    expect(r.details.headerRows).toEqual([4, 5]);
    expect(r.details.columns).toEqual({ dvt: 2, "so-lieu": 3, "ghi-chu": 4 });
    expect(addresses(r, "so-lieu")).toMatchObject({ "1.2.3": "D9", "3.3.4": "D10", "4.2.1": "D11", "7.1": "D12" });
    expect(value(r, "4.2.1", "ghi-chu")).toBe("Theo QĐ 12");
    expect(r.filled.cells.get("1.2.3")?.has("dvt")).toBe(false); // static columns are not input
    expect(r.issues).toEqual([]);
  });

  it("reads the unit from the authority cell and the period from «Kỳ báo cáo:»", () => {
    expect(r.filled.unit).toBe("ỦY BAN NHÂN DÂN HUYỆN KBANG");
    expect(r.filled.period).toBe("Quý I năm 2021");
  });
});

describe("metadata written by our templates", () => {
  const bare: V[][] = [
    ["STT", "Các mục tiêu cải cách", "Đánh giá kết quả đạt được (Đạt/Không đạt)"],
    ...GOALS.map((g, i): V[] => [String(i + 1), g, "Đạt"]),
  ];

  it("names the form even when the content alone is ambiguous", () => {
    const r = recognised(
      recogniseSheet(grid(bare, { metadata: { formId: "test.xa.pl3", catalogVersion: 1, unit: "UBND xã Ia Pa", period: "2019" } }), ALL, {
        catalogVersion: 1,
      }),
    );
    expect(r.details.by).toBe("metadata");
    expect(r.filled.form.id).toBe("test.xa.pl3");
    expect(r.filled.unit).toBe("UBND xã Ia Pa");
    expect(r.filled.period).toBe("2019");
    expect(r.issues).toEqual([]);
  });

  it("warns when the template was made by another catalogue version", () => {
    const r = recognised(recogniseSheet(grid(bare, { metadata: { formId: "test.xa.pl3", catalogVersion: 1 } }), ALL, { catalogVersion: 2 }));
    expect(r.filled.form.id).toBe("test.xa.pl3");
    expect(codes(r.issues)).toEqual(["catalog_version_mismatch"]);
    expect(r.issues[0].message).toContain("1");
    expect(r.issues[0].message).toContain("2");
  });

  it("falls back to the content when the form id is unknown", () => {
    const r = recogniseSheet(grid(NAIVE_PL3, { metadata: { formId: "old.removed", catalogVersion: 1 } }), ALL, { catalogVersion: 1 });
    expect(recognised(r).filled.form.id).toBe("test.huyen.pl3");
    expect(codes(r.issues)).toEqual(["form_id_unknown"]);
  });
});

describe("forms that share many rows", () => {
  it("tells the province variant from the district one by its extra rows", () => {
    const rows: V[][] = [
      HEADER,
      ["1", "Tổng số TTHC", 1, 1, 1],
      ["-", "Số lượng TTHC cấp tỉnh", 1, 1, 1],
      ["-", "Số lượng TTHC cấp huyện", 1, 1, 1],
      ["-", "Số lượng TTHC cấp xã", 1, 1, 1],
      ["2", "Số TTHC được đơn giản hóa sau rà soát", 1, 1, 1],
      ["5", "Kết quả giải quyết hồ sơ TTHC", null, null, null],
      ["-", "Tỷ lệ hồ sơ TTHC cấp tỉnh giải quyết đúng hẹn", 1, 1, 1],
      ["-", "Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hẹn", 1, 1, 1],
      ["-", "Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hẹn", 1, 1, 1],
    ];
    const r = recognised(recogniseSheet(grid(rows), ALL));
    expect(r.filled.form.id).toBe("test.tinh.pl3");
    expect(r.issues).toEqual([]);
  });

  it("tells the commune PL3 from the district PL8 by the appendix line and title", () => {
    const head = (appendix: string, title: string): V[][] => [[appendix, null, null], [title, null, null]];
    const table: V[][] = [
      ["STT", "Các mục tiêu cải cách", "Đánh giá kết quả đạt được (Đạt/Không đạt)"],
      ...GOALS.map((g, i): V[] => [`${i + 1}.`, g, i % 2 ? "Không đạt" : "Đạt"]),
    ];
    const xa = recognised(
      recogniseSheet(grid([...head("PHỤ LỤC 3", "Đánh giá mức độ thực hiện các mục tiêu cải cách hành chính nhà nước của các ngành, địa phương"), ...table]), ALL),
    );
    expect(xa.filled.form.id).toBe("test.xa.pl3");
    const huyen = recognised(
      recogniseSheet(grid([...head("Phụ lục 8", "ĐÁNH GIÁ MỨC ĐỘ THỰC HIỆN CÁC MỤC TIÊU CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC"), ...table]), ALL),
    );
    expect(huyen.filled.form.id).toBe("test.huyen.pl8");
  });

  it("refuses to guess when only the shared rows are there, naming both candidates", () => {
    const rows: V[][] = [
      ["STT", "Các mục tiêu cải cách", "Đánh giá kết quả đạt được (Đạt/Không đạt)"],
      ...GOALS.map((g, i): V[] => [`${i + 1}`, g, "Đạt"]),
    ];
    const r = recogniseSheet(grid(rows), ALL);
    expect(r.status).toBe("unrecognised");
    if (r.status !== "unrecognised") return;
    expect(r.reason).toContain("Phụ lục 8");
    expect(r.reason).toContain("PHỤ LỤC 3");
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "form_ambiguous", severity: "error", cell: "" });
    expect(r.candidates.map((c) => c.formId).slice(0, 2).sort()).toEqual(["test.huyen.pl8", "test.xa.pl3"]);
  });
});

describe("sheets that are no known form", () => {
  it("an unrelated table is unrecognised, with a reason", () => {
    const rows: V[][] = [
      ["DANH SÁCH CÁN BỘ ĐI HỌC", null, null],
      ["Họ và tên", "Chức vụ", "Ngày sinh"],
      ["Nguyễn Văn A", "Chuyên viên", "01/01/1980"],
    ];
    const r = recogniseSheet(grid(rows), ALL);
    expect(r.status).toBe("unrecognised");
    if (r.status !== "unrecognised") return;
    expect(r.reason).toBe("không tìm thấy tiêu đề hay nhãn dòng nào của các phụ lục đã biết");
    expect(r.issues).toEqual([expect.objectContaining({ code: "form_unrecognised", severity: "warning", sheet: "Sheet1", cell: "" })]);
    expect(r.issues[0].message).toContain(r.reason);
  });

  it("an empty sheet says so", () => {
    const r = recogniseSheet(grid([[null, null], [null, ""]]), ALL);
    expect(r).toMatchObject({ status: "unrecognised", reason: "trang tính trống" });
  });

  it("a title alone is not enough", () => {
    const r = recogniseSheet(grid([["THÔNG KÊ CÁC CHỈ TIÊU TẠI LĨNH VỰC CẢI CÁCH THỦ TỤC HÀNH CHÍNH"], ["Ghi chú: không có số liệu"]]), ALL);
    expect(r.status).toBe("unrecognised");
    if (r.status === "unrecognised") expect(r.reason).toContain("gần nhất là");
  });
});

describe("what is read by similarity or position is reported", () => {
  it("a retyped label is matched only when unique, with a warning", () => {
    const rows = NAIVE_PL3.map((row) => [...row]);
    rows[7][1] = "Số TTHC đã được đơn giản hóa sau khi rà soát"; // retyped
    const r = recognised(recogniseSheet(grid(rows), ALL));
    expect(addresses(r, "y2015")["don-gian"]).toBe("C8");
    expect(codes(r.issues)).toEqual(["row_label_differs"]);
    expect(r.issues[0]).toMatchObject({ cell: "B8", value: "Số TTHC đã được đơn giản hóa sau khi rà soát" });
    expect(r.issues[0].message).toContain("Số TTHC được đơn giản hóa sau rà soát");
  });

  it("similar rows retyped keep their distinguishing words", () => {
    const rows = NAIVE_PL3.map((row) => [...row]);
    rows[9][1] = "Tỷ lệ hồ sơ cấp huyện giải quyết";
    rows[10][1] = "Tỷ lệ hồ sơ cấp xã giải quyết";
    const r = recognised(recogniseSheet(grid(rows), ALL));
    expect(addresses(r, "y2015")).toMatchObject({ "tl-huyen": "C10", "tl-xa": "C11" });
    expect(codes(r.issues)).toEqual(["row_label_differs", "row_label_differs"]);
  });

  it("similar rows retyped without what tells them apart are not guessed", () => {
    const rows = NAIVE_PL3.map((row) => [...row]);
    rows[9][1] = "Tỷ lệ hồ sơ TTHC giải quyết đúng hẹn";
    rows[10][1] = "Tỷ lệ hồ sơ TTHC giải quyết đúng hẹn (%)";
    const r = recognised(recogniseSheet(grid(rows), ALL));
    expect(r.filled.cells.has("tl-huyen")).toBe(false);
    expect(r.filled.cells.has("tl-xa")).toBe(false);
    expect(codes(r.issues)).toEqual(["row_not_found", "row_not_found", "row_unmatched", "row_unmatched"]);
  });

  it("a label broken over two rows (pasted from PDF) is joined", () => {
    const rows = NAIVE_PL3.map((row) => [...row]);
    rows.splice(9, 1, ["-", "Tỷ lệ hồ sơ TTHC cấp huyện", null, null, null], [null, "giải quyết đúng hẹn", 98, 99, 100]);
    const r = recognised(recogniseSheet(grid(rows), ALL));
    expect(addresses(r, "y2015")["tl-huyen"]).toBe("C11"); // the values sit on the second line
    expect(r.filled.rowIndex.get("tl-huyen")).toBe(9);
    expect(r.issues).toEqual([]);
  });

  it("a column header typed differently is taken by position and reported", () => {
    const rows = NAIVE_PL3.map((row) => [...row]);
    rows[3] = ["STT", "Chỉ tiêu", "Năm 2015", "Năm 2016", "Năm 2020"];
    const r = recognised(recogniseSheet(grid(rows), ALL));
    expect(r.details.columns.y2020q1).toBe(4);
    expect(codes(r.issues)).toEqual(["column_header_differs"]);
    expect(r.issues[0]).toMatchObject({ cell: "E4", value: "Năm 2020" });
  });

  it("a missing column is reported and its cells are absent", () => {
    const rows = NAIVE_PL3.map((row) => row.slice(0, 4));
    const r = recognised(recogniseSheet(grid(rows), ALL));
    expect(r.filled.form.id).toBe("test.huyen.pl3");
    expect(codes(r.issues)).toEqual(["column_not_found"]);
    expect(r.issues[0].message).toContain("Năm 2020 (Tính đến 31/3)");
    expect(r.filled.cells.get("tong")?.has("y2020q1")).toBe(false);
  });

  it("a table without a header row is read in the form's column order, with a warning", () => {
    const rows = NAIVE_PL3.filter((_, i) => i !== 3);
    const r = recognised(recogniseSheet(grid(rows), ALL));
    expect(r.filled.form.id).toBe("test.huyen.pl3");
    expect(codes(r.issues)).toEqual(["header_not_found"]);
    expect(r.issues[0].message).toContain("C: Năm 2015");
    expect(addresses(r, "y2016").tong).toBe("D4");
  });

  it("item numbers typed into the label cell, with no STT column, are read as STT", () => {
    const rows: V[][] = [
      ["Chỉ tiêu", "Năm 2015", "Năm 2016", "Năm 2020 (Tính đến 31/3)"],
      ["1.Tổng số TTHC", 120, 125, 130],
      ["- Số lượng TTHC cấp huyện", 80, 82, 85],
      ["- Số lượng TTHC cấp xã", 40, 43, 45],
      ["2. Số TTHC được đơn giản hóa sau rà soát", 3, 4, 0],
      ["5. Kết quả giải quyết hồ sơ TTHC", null, null, null],
      ["- Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hẹn", 98, 99, 100],
      ["- Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hẹn", 97, 97, 100],
    ];
    const r = recognised(recogniseSheet(grid(rows), ALL));
    expect(r.filled.form.id).toBe("test.huyen.pl3");
    expect(r.details.matchedRows).toBe(7);
    expect(addresses(r, "y2015").tong).toBe("B2");
    expect(r.issues).toEqual([]);
  });

  it("a repeated header after a page break is not a row", () => {
    const rows: V[][] = [
      ["PHỤ LỤC 3", null, null],
      ["Đánh giá mức độ thực hiện các mục tiêu cải cách hành chính nhà nước của các ngành, địa phương", null, null],
      ["STT", "Các mục tiêu cải cách", "Đánh giá kết quả đạt được (Đạt/Không đạt)"],
      ["1.", GOALS[0], "Đạt"],
      ["2.", GOALS[1], "Đạt"],
      ["STT", "Các mục tiêu cải cách", "Đánh giá kết quả đạt được (Đạt/Không đạt)"],
      ["3.", GOALS[2], "Không đạt"],
      ["4.", GOALS[3], "Đạt"],
    ];
    const r = recognised(recogniseSheet(grid(rows), ALL));
    expect(r.filled.form.id).toBe("test.xa.pl3");
    expect(r.issues).toEqual([]);
    expect(addresses(r, "danh-gia")["muc-tieu-3"]).toBe("C7");
  });
});

describe("unit and period", () => {
  it("prefers an explicit «Đơn vị báo cáo:» cell, its value in the next cell", () => {
    const rows: V[][] = [
      ["UBND HUYỆN KBANG", null, null, null, null],
      ["Phụ lục 3", null, null, null, null],
      [null, "Đơn vị báo cáo:", "UBND xã Đak Smar", null, null],
      [null, "Kỳ báo cáo:", "Năm 2019", null, null],
      ...NAIVE_PL3.slice(3),
    ];
    const r = recognised(recogniseSheet(grid(rows), ALL));
    expect(r.filled.unit).toBe("UBND xã Đak Smar");
    expect(r.filled.period).toBe("Năm 2019");
  });

  it("takes the value after the colon in the same cell; dotted blanks are no value", () => {
    expect(findUnitAndPeriod(grid([["Đơn vị: Phòng Nội vụ."], ["Kỳ báo cáo: ……"]]))).toEqual({ unit: "Phòng Nội vụ", unitSource: "cell", unitCell: "A1" });
    expect(findUnitAndPeriod(grid([["Đơn vị tính: người"], ["UBND huyện"]]))).toEqual({});
    expect(findUnitAndPeriod(grid([["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["UBND XÃ IA PA"]]))).toEqual({ unit: "UBND XÃ IA PA", unitSource: "heading", unitCell: "A2" });
  });

  it("is absent when the sheet does not say (the adapter falls back to the file name)", () => {
    const r = recognised(recogniseSheet(grid(NAIVE_PL3), ALL));
    expect(r.filled.unit).toBeUndefined();
    expect(r.filled.period).toBeUndefined();
  });

  it("metadata wins over the cells", () => {
    const rows: V[][] = [["Đơn vị báo cáo: Xã A"], ...NAIVE_PL3];
    const r = recognised(recogniseSheet(grid(rows, { metadata: { formId: "test.huyen.pl3", catalogVersion: 1, unit: "Xã B" } }), ALL, { catalogVersion: 1 }));
    expect(r.filled.unit).toBe("Xã B");
  });
});

describe("our own template, its marker lost (e.g. retyped into a new workbook)", () => {
  /** The cells a renderer would write, read back as a grid. */
  function fromLayout(f: Form, unit: string, period: string, fill: (rowId: string, colId: string) => V): Grid {
    const layout = layoutForm(f, { unit, period });
    const cells: (RawCell | null)[][] = [];
    for (const c of layout.cells) {
      (cells[c.row] ??= [])[c.col] = c.value === null ? null : { value: c.value };
    }
    for (const [rowId, r] of layout.rowIndex)
      for (const [colId, col] of layout.colIndex) {
        const v = fill(rowId, colId);
        if (v !== null) (cells[r] ??= [])[col] = { value: v };
      }
    for (let r = 0; r < cells.length; r++) cells[r] ??= [];
    return { sheet: "PL", cells, merges: layout.merges };
  }

  it.each([HUYEN_PL3, THONG_KE, XA_PL3])("$id is recognised from its cells, unit and period included", (f) => {
    const g = fromLayout(f, "UBND xã Ia Pa", "Năm 2019", (rowId, colId) => (f.columns.find((c) => c.id === colId)?.role === "value" ? 7 : null));
    const r = recognised(recogniseSheet(g, ALL));
    expect(r.filled.form.id).toBe(f.id);
    expect(r.details.matchedRows).toBe(f.rows.length);
    expect(r.issues).toEqual([]);
    expect(r.filled.unit).toBe("UBND xã Ia Pa");
    expect(r.filled.period).toBe("Năm 2019");
    const layout = layoutForm(f);
    for (const row of f.rows) expect(r.filled.rowIndex.get(row.id)).toBe(layout.rowIndex.get(row.id));
  });
});

describe("binding to a form chosen by the user", () => {
  it("aligns without choosing", () => {
    const r = recogniseAs(grid(NAIVE_PL3), TINH_PL3);
    expect(r.details.by).toBe("given");
    expect(r.filled.form.id).toBe("test.tinh.pl3");
    expect(codes(r.issues)).toEqual(["row_not_found", "row_not_found"]);
  });
});

describe("the real catalogue", () => {
  /** The simplest sheet a person could type from a form: appendix, title, header, rows. */
  function naive(f: Form): Grid {
    const hasStt = f.sttHeader !== undefined;
    const width = (hasStt ? 2 : 1) + f.columns.length;
    const line = (text: string): V[] => [text, ...new Array<V>(width - 1).fill(null)];
    const rows: V[][] = [line(f.appendix), line(f.title), ...f.subtitles.map(line), ...(f.attachedTo ? [line(f.attachedTo)] : [])];
    const twoLevel = f.columns.some((c) => c.group);
    const merges: MergeRange[] = [];
    const top = rows.length;
    if (twoLevel) {
      rows.push([...(hasStt ? [f.sttHeader!] : []), f.labelHeader, ...f.columns.map((c, i) => (c.group && f.columns[i - 1]?.group === c.group ? null : c.group ?? c.label))]);
      rows.push([...(hasStt ? [null] : []), null, ...f.columns.map((c) => (c.group ? c.label : null))]);
      f.columns.forEach((c, i) => {
        const col = (hasStt ? 2 : 1) + i;
        if (!c.group) merges.push({ top, left: col, bottom: top + 1, right: col });
        else if (f.columns[i - 1]?.group !== c.group) {
          let j = i;
          while (f.columns[j + 1]?.group === c.group) j++;
          if (j > i) merges.push({ top, left: col, bottom: top, right: col + j - i });
        }
      });
    } else {
      rows.push([...(hasStt ? [f.sttHeader!] : []), f.labelHeader, ...f.columns.map((c) => c.label)]);
    }
    for (const row of f.rows) rows.push([...(hasStt ? [row.stt] : []), row.label, ...f.columns.map((c) => (c.role === "static" ? row.printed?.[c.id] ?? null : null))]);
    return { sheet: f.id, cells: rows.map((row) => row.map((v) => (v === null ? null : { value: v }))), merges };
  }

  it("recognises a naive layout of every form as that very form", () => {
    const failures: string[] = [];
    for (const f of FORMS) {
      const r = recogniseSheet(naive(f), FORMS);
      if (r.status !== "recognised") failures.push(`${f.id}: ${r.reason}`);
      else if (r.filled.form.id !== f.id) failures.push(`${f.id}: recognised as ${r.filled.form.id}`);
      else if (r.details.matchedRows !== f.rows.length) failures.push(`${f.id}: ${r.details.matchedRows}/${f.rows.length} rows`);
    }
    expect(failures).toEqual([]);
  });
});
