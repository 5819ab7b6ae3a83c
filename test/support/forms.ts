/**
 * Small forms for the core tests, defined here (not taken from the catalogue, which is in flux).
 * With `fill`, row i of a form is on sheet row 6 + i and the form's columns start at column C.
 */
import { FormSchema, type Form } from "../../src/catalog/schema";

const source = { seed: "003_3039f05a02a1cf95.txt", section: "Phụ lục (thử)" };

/**
 *  row  id               kind      relation / rule
 *   6   muc-1            heading
 *   7   tong-tthc        count     = tthc-huyen + tthc-xa
 *   8   tthc-huyen       count
 *   9   tthc-xa          count
 *  10   pakn-tiep-nhan   count
 *  11   pakn-giai-quyet  count     ≤ pakn-tiep-nhan (usual → warning)
 *  12   ho-so-nhan       count     ≥ each of ho-so-dung-hen (upper-bound)
 *  13   ho-so-dung-hen   count
 *  14   dvc-tong         count
 *  15   dvc-muc-4        count     ≤ dvc-tong (certain → error)
 *  16   tl-dung-hen      percent   accepts a/b
 *  17   tl-online        percent
 *  18   kinh-phi         decimal
 *  19   co-website       flag01
 *  20   kien-truc        coded     0 Chưa, 1 Đang làm, 2 Hoàn thành
 *  21   muc-tieu         status
 *  22   y-kien           text      not required
 *  23   xa-only          count     levels: xa
 *  columns: C y2015, D y2016, E dvt (static), F ghi-chu (note)
 */
export const PL: Form = FormSchema.parse({
  id: "test.pl",
  version: 1,
  family: "test",
  familyTitle: "Biểu thử",
  levels: ["huyen", "xa"],
  source,
  appendix: "Phụ lục 3",
  title: "THỐNG KÊ CÁC CHỈ TIÊU CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
  labelHeader: "Chỉ tiêu",
  columns: [
    { id: "y2015", label: "Năm 2015", role: "value", period: "2015" },
    { id: "y2016", label: "Năm 2016", role: "value", period: "2016" },
    { id: "dvt", label: "Đơn vị tính", role: "static" },
    { id: "ghi-chu", label: "Ghi chú", role: "note" },
  ],
  rows: [
    { id: "muc-1", stt: "I", label: "THỦ TỤC HÀNH CHÍNH", kind: "heading" },
    {
      id: "tong-tthc",
      stt: "1",
      label: "Tổng số TTHC",
      kind: "count",
      relation: { type: "sum", of: ["tthc-huyen", "tthc-xa"], why: "procedures split by level" },
    },
    { id: "tthc-huyen", stt: "-", label: "Số lượng TTHC cấp huyện", kind: "count", parent: "tong-tthc" },
    { id: "tthc-xa", stt: "-", label: "Số lượng TTHC cấp xã", kind: "count", parent: "tong-tthc" },
    { id: "pakn-tiep-nhan", stt: "2", label: "Số lượng PAKN đã tiếp nhận", kind: "count" },
    { id: "pakn-giai-quyet", stt: "3", label: "Số lượng PAKN đã giải quyết", kind: "count" },
    {
      id: "ho-so-nhan",
      stt: "4",
      label: "Số hồ sơ TTHC đã tiếp nhận",
      kind: "count",
      relation: { type: "upper-bound", of: ["ho-so-dung-hen"], why: "on-time records are among the received" },
    },
    { id: "ho-so-dung-hen", stt: "-", label: "Số hồ sơ giải quyết đúng hẹn", kind: "count", parent: "ho-so-nhan" },
    { id: "dvc-tong", stt: "5", label: "Số DVC trực tuyến", kind: "count" },
    { id: "dvc-muc-4", stt: "-", label: "Số DVC trực tuyến mức độ 4", kind: "count" },
    { id: "tl-dung-hen", stt: "6", label: "Tỷ lệ hồ sơ giải quyết đúng hẹn", kind: "percent", acceptsFraction: true },
    { id: "tl-online", stt: "7", label: "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 4", kind: "percent" },
    { id: "kinh-phi", stt: "8", label: "Kinh phí thực hiện (triệu đồng)", kind: "decimal" },
    { id: "co-website", stt: "9", label: "Có trang thông tin điện tử (Có = 1; Không = 0)", kind: "flag01" },
    {
      id: "kien-truc",
      stt: "10",
      label: "Cập nhật Kiến trúc chính quyền điện tử",
      kind: "coded",
      codes: [
        { code: 0, label: "Chưa" },
        { code: 1, label: "Đang làm" },
        { code: 2, label: "Hoàn thành" },
      ],
    },
    { id: "muc-tieu", stt: "11", label: "Mục tiêu 1", kind: "status" },
    { id: "y-kien", stt: "12", label: "Ý kiến khác", kind: "text", required: false },
    { id: "xa-only", stt: "13", label: "Số TTHC cấp xã thực hiện tại chỗ", kind: "count", levels: ["xa"] },
  ],
  rules: [
    {
      id: "pakn",
      left: ["pakn-giai-quyet"],
      op: "<=",
      right: ["pakn-tiep-nhan"],
      certainty: "usual",
      why: "carry-over",
      mayDiffer: "phản ánh, kiến nghị tiếp nhận từ năm trước có thể được giải quyết trong năm nay",
    },
    { id: "dvc", left: ["dvc-muc-4"], op: "<=", right: ["dvc-tong"], certainty: "certain", why: "level 4 is a subset" },
  ],
});

/**
 * Percent shares that add up to 100 (rounding matters here).
 *  row 6 tong = a + b + c (percent); column C "Số liệu".
 */
export const SHARES: Form = FormSchema.parse({
  id: "test.shares",
  version: 1,
  family: "test",
  familyTitle: "Biểu thử",
  levels: ["tinh"],
  source,
  appendix: "Phụ lục 9",
  title: "CƠ CẤU HỒ SƠ",
  labelHeader: "Chỉ tiêu",
  columns: [{ id: "so-lieu", label: "Số liệu", role: "value" }],
  rows: [
    {
      id: "tong",
      stt: "1",
      label: "Tổng cơ cấu",
      kind: "percent",
      relation: { type: "sum", of: ["a", "b", "c"], why: "shares of one whole" },
    },
    { id: "a", stt: "-", label: "Trực tiếp", kind: "percent" },
    { id: "b", stt: "-", label: "Trực tuyến", kind: "percent" },
    { id: "c", stt: "-", label: "Bưu chính", kind: "percent" },
  ],
});

/**
 * Rows that exist at one level only, in a sum, under an upper bound and in rules (the periodic
 * form's "Tổng số TTHC đang có hiệu lực" = cấp sở (province only) + cấp huyện + cấp xã).
 *  row  id           levels      relation / rule
 *   6   tong-tthc                = tthc-so + tthc-huyen + tthc-xa
 *   7   tthc-so      tinh
 *   8   tthc-huyen
 *   9   tthc-xa
 *  10   ky-luat                  ≥ each of kl-tinh, kl-huyen (upper-bound)
 *  11   kl-tinh      tinh
 *  12   kl-huyen
 *  13   bo-nhiem                 ≥ bn-so + bn-huyen (certain rule)
 *  14   bn-so        tinh
 *  15   bn-huyen
 *  columns: C "Số liệu"
 */
export const LEVELS: Form = FormSchema.parse({
  id: "test.levels",
  version: 1,
  family: "test",
  familyTitle: "Biểu thử",
  levels: ["tinh", "huyen"],
  source,
  appendix: "Phụ lục",
  title: "THỐNG KÊ SỐ LIỆU CCHC",
  labelHeader: "Chỉ tiêu",
  columns: [{ id: "so-lieu", label: "Số liệu", role: "value" }],
  rows: [
    {
      id: "tong-tthc",
      stt: "3.1.3",
      label: "Tổng số TTHC đang có hiệu lực",
      kind: "count",
      relation: { type: "sum", of: ["tthc-so", "tthc-huyen", "tthc-xa"], why: "procedures split by level" },
    },
    { id: "tthc-so", stt: "Trong đó", label: "Số TTHC cấp sở:", kind: "count", parent: "tong-tthc", levels: ["tinh"] },
    { id: "tthc-huyen", stt: "", label: "Số TTHC cấp huyện:", kind: "count", parent: "tong-tthc" },
    { id: "tthc-xa", stt: "", label: "Số TTHC cấp xã:", kind: "count", parent: "tong-tthc" },
    {
      id: "ky-luat",
      stt: "5.4",
      label: "Số cán bộ, công chức bị kỷ luật",
      kind: "count",
      relation: { type: "upper-bound", of: ["kl-tinh", "kl-huyen"], why: "disciplined leaders are disciplined cadres" },
    },
    { id: "kl-tinh", stt: "5.4.1", label: "Số lãnh đạo cấp tỉnh bị kỷ luật", kind: "count", parent: "ky-luat", levels: ["tinh"] },
    { id: "kl-huyen", stt: "5.4.2", label: "Số lãnh đạo cấp huyện bị kỷ luật", kind: "count", parent: "ky-luat" },
    { id: "bo-nhiem", stt: "5.3", label: "Số lãnh đạo được bổ nhiệm mới", kind: "count" },
    { id: "bn-so", stt: "5.3.1", label: "Số lãnh đạo cấp sở được bổ nhiệm mới", kind: "count", levels: ["tinh"] },
    { id: "bn-huyen", stt: "5.3.2", label: "Số lãnh đạo cấp phòng thuộc UBND huyện được bổ nhiệm mới", kind: "count" },
  ],
  rules: [
    { id: "bn-le-tong", left: ["bn-so", "bn-huyen"], op: "<=", right: ["bo-nhiem"], certainty: "certain", why: "distinct parts" },
  ],
});
