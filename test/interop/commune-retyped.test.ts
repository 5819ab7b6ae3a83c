/**
 * A commune's Phụ lục 3 (the district plan's appendix, which communes fill too) retyped by its
 * officer in another program (written here by openpyxl): the heading typed as Vietnamese
 * documents print it — the district over the commune, one per cell —, numbers as text with
 * Vietnamese separators, percentages as "95%", "96,5%" or 0.97 under a % format, a blank row
 * between sections, the district-only rows left out, and a second sheet of notes. What the
 * commune officer must see: the report is the commune's, no warning about rows a commune does not
 * report, and every figure typed in the rollup.
 */
import { join } from "path";
import { openpyxlWrite, type Value } from "../support/openpyxl";
import { tempDir } from "../support/libreoffice";
import { runCli } from "../support/cli";

const dir = tempDir("cchc-commune-retyped-");
const file = join(dir, "bao-cao-xa.xlsx");

const YEARS = ["Năm 2015", "Năm 2016", "Năm 2017", "Năm 2018", "Năm 2019", "Năm 2020 (Tính đến 31/3)"];
const empty = (n: number): Value[] => Array.from({ length: n }, () => null);

/** Form row id → the six values typed (as typed) and what they mean. */
const TYPED: { stt: string; label: string; id: string; typed: Value[]; meant: (number | null)[] }[] = [
  { stt: "1", label: "Tổng số TTHC", id: "tong-tthc", typed: ["1.076", "1.080", "1.090", "1.100", "1.120", "1.130"], meant: [1076, 1080, 1090, 1100, 1120, 1130] },
  { stt: "-", label: "Số lượng TTHC cấp xã", id: "tthc-cap-xa", typed: ["1.076", "1.080", "1.090", "1.100", "1.120", "1.130"], meant: [1076, 1080, 1090, 1100, 1120, 1130] },
  {
    stt: "3",
    label: "Số lượng thủ tục hành chính được công khai đầy đủ, đúng quy định trên Trang Thông tin điện tử",
    id: "tthc-cong-khai-ttdt",
    typed: [100, 110, 120, 130, 140, 150],
    meant: [100, 110, 120, 130, 140, 150],
  },
  { stt: "4", label: "Thực hiện cơ chế một cửa, một cửa liên thông", id: "", typed: [], meant: [] },
  { stt: "-", label: "Số lượng TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa cấp xã", id: "mot-cua-xa", typed: [90, 91, 92, 93, 94, 95], meant: [90, 91, 92, 93, 94, 95] },
  { stt: "-", label: "Số lượng TTHC được giải quyết theo cơ chế một cửa liên thông cùng cấp", id: "lien-thong-cung-cap", typed: [5, 5, 5, 5, 5, 5], meant: [5, 5, 5, 5, 5, 5] },
  {
    stt: "-",
    label: "Số lượng TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông giữa các cấp chính quyền",
    id: "lien-thong-cac-cap",
    typed: ["3", "3", "3", "3", "3", "3"],
    meant: [3, 3, 3, 3, 3, 3],
  },
  { stt: "5", label: "Kết quả giải quyết hồ sơ TTHC", id: "", typed: [], meant: [] },
  {
    stt: "-",
    label: "Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hẹn (đã tiếp nhận/đã trả đúng hẹn)",
    id: "tl-dung-hen-xa",
    typed: ["95%", "96,5%", "97 %", "98,5", 99, "100%"],
    meant: [95, 96.5, 97, 98.5, 99, 100],
  },
  { stt: "6", label: "Tiếp nhận và xử lý PAKN về TTHC", id: "", typed: [], meant: [] },
  { stt: "-", label: "Số lượng PAKN đã tiếp nhận trong năm", id: "pakn-tiep-nhan", typed: ["12", 3, 4, 5, 6, 7], meant: [12, 3, 4, 5, 6, 7] },
  { stt: "-", label: "Số lượng PAKN đã giải quyết trong năm", id: "pakn-giai-quyet", typed: [10, 3, 4, 5, 6, "-"], meant: [10, 3, 4, 5, 6, null] },
  { stt: "-", label: "Số lượng PAKN được xử lý và đã công khai kết quả trả lời trên Trang", id: "pakn-cong-khai", typed: [8, 3, 4, 5, 6, null], meant: [8, 3, 4, 5, 6, null] },
];

function sheetRows(heading: [string, string]): Value[][] {
  const rows: Value[][] = [
    [heading[0], null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    [heading[1], null, null, null, "Độc lập - Tự do - Hạnh phúc"],
    [],
    ["Phụ lục 3"],
    ["THÔNG KÊ CÁC CHỈ TIÊU TẠI LĨNH VỰC CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
    [],
    ["STT", "Chỉ tiêu", ...YEARS],
  ];
  for (const row of TYPED) {
    rows.push([row.stt, row.label, ...(row.typed.length ? row.typed : empty(6))]);
    if (row.stt === "3") rows.push([]); // a blank row between sections
  }
  rows.push([], ["Người lập biểu", null, null, null, "CHỦ TỊCH"]);
  return rows;
}

beforeAll(() => {
  openpyxlWrite([
    {
      path: file,
      sheets: [
        { name: "PL3", rows: sheetRows(["UBND HUYỆN KBANG", "UBND XÃ ĐAK SMAR"]), merges: ["A1:C1", "A2:C2", "E1:H1", "E2:H2", "A4:H4", "A5:H5"] },
        { name: "Ghi chú", rows: [["Số liệu năm 2020 tính đến 31/3/2020"], ["Người lập: Nguyễn Văn A"]] },
      ],
    },
  ]);
});

interface ValidateJson {
  files: { status: string; sheets: { sheet: string; form: string; unit: string; unitSource: string }[]; issues: { code: string; cell: string; message: string }[] }[];
}

it("is the commune's report: the commune below the district in the heading, no conflict", async () => {
  const { out } = await runCli("validate", file, "--json");
  const json = JSON.parse(out) as ValidateJson;
  const pl3 = json.files[0].sheets.find((s) => s.sheet === "PL3");
  expect(pl3).toMatchObject({ form: "tk2011-2020.huyen.pl3", unit: "UBND XÃ ĐAK SMAR", unitSource: "heading" });
  expect(json.files[0].issues.filter((i) => i.code === "unit_conflict")).toEqual([]);
});

it("does not ask a commune for the district's rows it left out", async () => {
  const { out, code } = await runCli("validate", file, "--json");
  const json = JSON.parse(out) as ValidateJson;
  expect(code).toBe(0);
  expect(json.files[0].issues.filter((i) => i.code === "row_not_found").map((i) => i.message)).toEqual([]);
});

it("consolidates every figure typed, as the commune meant it", async () => {
  const { out } = await runCli("rollup", file, "-o", join(dir, "tong-hop.xlsx"), "--force", "--json");
  const json = JSON.parse(out) as { units: { unit: string; status: string }[]; values: { form: string; row: string; column: string; value: unknown }[] };
  expect(json.units).toEqual([expect.objectContaining({ unit: "UBND XÃ ĐAK SMAR", status: "ok" })]);
  for (const row of TYPED.filter((r) => r.id))
    YEARS.forEach((year, i) => {
      const got = json.values.find((v) => v.row === row.id && v.column === year);
      expect({ row: row.id, year, value: got?.value ?? null }).toEqual({ row: row.id, year, value: row.meant[i] });
    });
});
