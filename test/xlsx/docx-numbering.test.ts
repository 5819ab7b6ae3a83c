/**
 * Word's automatic numbering in received documents: units number the STT column of a pasted
 * appendix with Word's list numbering, which the document stores as a reference to
 * `word/numbering.xml`, not as text. The STT cell holds the number Word shows — multi-level
 * "1.2.3", letters, Roman numerals, the start value, lists restarted («Restart at 1») or going
 * on, numbering through a style — and a label's own number stays out of its text. Documents
 * written by hand (WordprocessingML) and by the `docx` library; read as received files are, in a
 * read worker.
 */
import * as docx from "docx";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { Grid } from "../../src/core/grid";
import { numberingXml, packageDocx, W } from "../support/docx";
import { tempDir } from "../support/libreoffice";
import { runCli } from "../support/cli";
import { workerRead } from "../support/worker-read";

const worker = workerRead();

async function sheets(bytes: Uint8Array): Promise<Grid[]> {
  const result = await worker.grids(bytes, "bao-cao.docx");
  if (!result.ok) throw new Error(result.reason);
  return result.sheets;
}

/** Column `col` of the first table's rows, as text. */
const column = (grid: Grid, col: number) => grid.cells.map((row) => (row?.[col] ? String(row[col]!.value) : ""));

const lvl = (ilvl: number, fmt: string, text: string, extra = "") =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const abstract = (id: number, levels: string) => `<w:abstractNum w:abstractNumId="${id}">${levels}</w:abstractNum>`;
const num = (id: number, abstractId: number, overrides = "") => `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
const numPr = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

/** A table of rows: an STT cell numbered by `pPr` (empty paragraph) and a label. */
const table = (rows: { pPr: string; label: string }[]) =>
  W.tbl(2, W.tr(W.tc(W.text("STT")) + W.tc(W.text("Chỉ tiêu"))) + rows.map((r) => W.tr(W.tc(W.p("", r.pPr)) + W.tc(W.text(r.label)))).join(""));

const MULTI = abstract(1, lvl(0, "decimal", "%1.") + lvl(1, "decimal", "%1.%2.") + lvl(2, "decimal", "%1.%2.%3"));

describe("the STT column numbered by Word", () => {
  it("multi-level numbers as Word shows them, deeper levels restarting under each item", async () => {
    const levels = [0, 1, 2, 2, 1, 2, 0, 1];
    const [grid] = await sheets(
      packageDocx(table(levels.map((l, i) => ({ pPr: numPr(1, l), label: `Chỉ tiêu ${i + 1}` }))), { numbering: numberingXml(MULTI + num(1, 1)) }),
    );
    expect(column(grid, 0)).toEqual(["STT", "1.", "1.1.", "1.1.1", "1.1.2", "1.2.", "1.2.1", "2.", "2.1."]);
    expect(column(grid, 1).slice(1)).toEqual(levels.map((_, i) => `Chỉ tiêu ${i + 1}`));
  });

  it("letters, Roman numerals and a start value", async () => {
    const numbering = numberingXml(
      abstract(1, lvl(0, "lowerLetter", "%1)")) +
        abstract(2, lvl(0, "upperRoman", "%1.")) +
        abstract(3, `<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>`) +
        num(1, 1) +
        num(2, 2) +
        num(3, 3),
    );
    const rows = [1, 1, 1, 2, 2, 2, 2, 3, 3].map((id) => ({ pPr: numPr(id), label: "Nhãn" }));
    const [grid] = await sheets(packageDocx(table(rows), { numbering }));
    expect(column(grid, 0).slice(1)).toEqual(["a)", "b)", "c)", "I.", "II.", "III.", "IV.", "3", "4"]);
  });

  it("a list restarted at 1 in the next table starts again; a list going on does not", async () => {
    const numbering = numberingXml(
      MULTI + num(1, 1) + num(2, 1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>') + num(3, 1),
    );
    const body =
      W.text("Phụ lục 1") +
      table([1, 1, 1].map((id) => ({ pPr: numPr(id), label: "Nhãn" }))) +
      W.text("Phụ lục 2") +
      table([2, 2].map((id) => ({ pPr: numPr(id), label: "Nhãn" }))) +
      W.text("Phụ lục 3") +
      table([3, 3].map((id) => ({ pPr: numPr(id), label: "Nhãn" })));
    const grids = await sheets(packageDocx(body, { numbering }));
    expect(grids.map((g) => column(g, 0).filter((t) => /^\d+\.$/.test(t)))).toEqual([
      ["1.", "2.", "3."],
      ["1.", "2."],
      ["3.", "4."],
    ]);
  });

  it("numbering through a paragraph style, and numId 0 taking a style's numbering away", async () => {
    const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/><w:pPr>${numPr(1)}</w:pPr></w:style><w:style w:type="paragraph" w:styleId="SttBang"><w:name w:val="STT bảng"/><w:basedOn w:val="ListNumber"/></w:style></w:styles>`;
    const rows = [
      { pPr: '<w:pStyle w:val="ListNumber"/>', label: "Một" },
      { pPr: '<w:pStyle w:val="SttBang"/>', label: "Hai" },
      { pPr: `<w:pStyle w:val="ListNumber"/><w:numPr><w:numId w:val="0"/></w:numPr>`, label: "Không đánh số" },
      { pPr: '<w:pStyle w:val="ListNumber"/>', label: "Ba" },
    ];
    const [grid] = await sheets(packageDocx(table(rows), { styles, numbering: numberingXml(MULTI + num(1, 1)) }));
    expect(column(grid, 0).slice(1)).toEqual(["1.", "2.", "", "3."]);
  });

  it("bullets: a dash as typed, a symbol font's bullet as «•»; legal numbering in digits", async () => {
    const numbering = numberingXml(
      abstract(1, lvl(0, "bullet", "-")) +
        abstract(2, lvl(0, "bullet", "\uf0b7")) +
        abstract(3, lvl(0, "upperRoman", "%1.") + lvl(1, "decimal", "%1.%2", "<w:isLgl/>")) +
        num(1, 1) +
        num(2, 2) +
        num(3, 3),
    );
    const rows = [
      { pPr: numPr(1), label: "a" },
      { pPr: numPr(2), label: "b" },
      { pPr: numPr(3, 0), label: "c" },
      { pPr: numPr(3, 0), label: "d" },
      { pPr: numPr(3, 1), label: "e" },
    ];
    const [grid] = await sheets(packageDocx(table(rows), { numbering }));
    expect(column(grid, 0).slice(1)).toEqual(["-", "•", "I.", "II.", "2.1"]);
  });

  it("an absurd start value costs its digits, not a billion letters", async () => {
    const numbering = numberingXml(
      abstract(1, `<w:lvl w:ilvl="0"><w:start w:val="1000000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>`) + num(1, 1),
    );
    const [grid] = await sheets(packageDocx(table([{ pPr: numPr(1), label: "Nhãn" }]), { numbering }));
    expect(column(grid, 0).slice(1)).toEqual(["1000000000)"]);
  });

  it("a numbered label keeps its own text: the number stays out of it", async () => {
    const body = W.tbl(1, W.tr(W.tc(W.p(W.r("Tổng số TTHC"), numPr(1)))) + W.tr(W.tc(W.p(W.r("Số lượng TTHC cấp xã"), numPr(1, 1)))));
    const [grid] = await sheets(packageDocx(body, { numbering: numberingXml(MULTI + num(1, 1)) }));
    expect(column(grid, 0)).toEqual(["Tổng số TTHC", "Số lượng TTHC cấp xã"]);
  });
});

describe("a district's Phụ lục 5 typed in Word (the docx library), STT numbered by Word", () => {
  const YEARS = ["Năm 2015", "Năm 2016", "Năm 2017", "Năm 2018", "Năm 2019", "Năm 2020 (Tính đến 31/3)"];
  const ROWS: { list: "stt" | "dash"; label: string; values?: number[] }[] = [
    { list: "stt", label: "Tổng số biên chế cán bộ, công chức" },
    { list: "dash", label: "Tổng số được giao", values: [100, 101, 102, 103, 104, 105] },
    { list: "dash", label: "Tổng số có mặt", values: [90, 91, 92, 93, 94, 95] },
    { list: "stt", label: "Tổng số biên chế viên chức" },
    { list: "dash", label: "Tổng số được giao", values: [200, 201, 202, 203, 204, 205] },
    { list: "dash", label: "Tổng số có mặt", values: [190, 191, 192, 193, 194, 195] },
    { list: "stt", label: "Số công chức được tuyển dụng theo hình thức thi cạnh tranh", values: [1, 2, 3, 4, 5, 6] },
    { list: "stt", label: "Số công chức được bổ nhiệm vào các chức danh lãnh đạo, quản lý thông qua thi tuyển cạnh tranh", values: [0, 0, 1, 0, 1, 0] },
    { list: "stt", label: "Số lượng cán bộ, công chức được tinh giản biên chế", values: [2, 3, 4, 5, 6, 7] },
    { list: "stt", label: "Số lượng công chức được bồi dưỡng, tập huấn hàng năm", values: [50, 60, 70, 80, 90, 10] },
    { list: "stt", label: "Số lượng viên chức được bồi dưỡng, tập huấn hàng năm", values: [150, 160, 170, 180, 190, 20] },
    { list: "stt", label: "Số lượng các lớp đào tạo, bồi dưỡng", values: [5, 6, 7, 8, 9, 1] },
  ];
  const file = join(tempDir("cchc-docx-numbering-"), "phong-noi-vu-kbang.docx");

  beforeAll(async () => {
    const p = (text: string) => new docx.Paragraph({ children: [new docx.TextRun(text)] });
    const cell = (child: docx.Paragraph) => new docx.TableCell({ children: [child] });
    const rows = [
      new docx.TableRow({ tableHeader: true, children: ["STT", "Chỉ tiêu", ...YEARS].map((t) => cell(p(t))) }),
      ...ROWS.map(
        (r) =>
          new docx.TableRow({
            children: [
              cell(new docx.Paragraph({ numbering: { reference: r.list, level: 0 }, children: [] })),
              cell(p(r.label)),
              ...YEARS.map((_, i) => cell(p(r.values ? String(r.values[i]) : ""))),
            ],
          }),
      ),
    ];
    const document = new docx.Document({
      numbering: {
        config: [
          { reference: "stt", levels: [{ level: 0, format: docx.LevelFormat.DECIMAL, text: "%1", alignment: docx.AlignmentType.CENTER }] },
          { reference: "dash", levels: [{ level: 0, format: docx.LevelFormat.BULLET, text: "-", alignment: docx.AlignmentType.CENTER }] },
        ],
      },
      sections: [
        {
          children: [
            p("ỦY BAN NHÂN DÂN HUYỆN KBANG"),
            p(""),
            p("Phụ lục 5"),
            p("THỐNG KÊ CÁC CHỈ TIÊU TẠI LĨNH VỰC XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC"),
            new docx.Table({ rows }),
          ],
        },
      ],
    });
    writeFileSync(file, new Uint8Array(await docx.Packer.toBuffer(document)));
  });

  it("shows the STT column as Word does: 1, -, -, 2, -, -, 3 … 8", async () => {
    const [grid] = await sheets(new Uint8Array(readFileSync(file)));
    const stt = column(grid, 0);
    expect(stt.slice(stt.indexOf("STT") + 1)).toEqual(["1", "-", "-", "2", "-", "-", "3", "4", "5", "6", "7", "8"]);
  });

  it("is the district's Phụ lục 5, every figure consolidated in its row", async () => {
    const { out } = await runCli("rollup", file, "-o", join(tempDir("cchc-docx-numbering-out-"), "tong-hop.xlsx"), "--json");
    const json = JSON.parse(out) as { units: { status: string; unit: string }[]; values: { form: string; label: string; column: string; value: unknown }[] };
    expect(json.units).toEqual([expect.objectContaining({ status: "ok", unit: "ỦY BAN NHÂN DÂN HUYỆN KBANG" })]);
    const read = json.values.filter((v) => v.form === "tk2011-2020.huyen.pl5" && v.value !== null).map((v) => v.value);
    expect(read).toEqual(ROWS.flatMap((r) => r.values ?? []));
  });
});
