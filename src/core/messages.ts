/**
 * Every Vietnamese message shown for an issue, keyed by its stable code. One place for the
 * wording; adding a code without a message is a type error, and a test checks none is empty.
 */
import type { MessageParams } from "./issues";

type Template = (p: MessageParams) => string;

/** Where a problem is, as the user reads it: «Sheet!B7». */
export function where(p: MessageParams): string {
  if (p.sheet && p.cell) return `Ô ${p.sheet}!${p.cell}`;
  if (p.sheet) return `Trang tính «${p.sheet}»`;
  return p.file ? `Tệp «${p.file}»` : "";
}

/** What a received file may be, as every text that lists them says it (CLI, pane, reasons). */
export const ACCEPTED_FORMATS = ".xlsx, .xls, .ods, .docx";

/** Word documents (.docx, and .doc/.rtf/.odt to be saved again as .docx) are opened in Word, workbooks in Excel. */
export const isWordFile = (name: string): boolean => /\.(docx|docm|dotx|doc|rtf|odt)$/i.test(name);

/** What to do with a file that could not be read: save it again, in the program that made it. */
function saveAgain(files: string | undefined): string {
  const names = (files ?? "").split(/,\s*/).map((n) => n.trim().replace(/^«|»$/g, "")).filter(Boolean);
  const word = names.filter(isWordFile).length;
  if (word && word === names.length) return "mở tệp bằng Word, lưu lại dạng .docx rồi gửi lại";
  if (word) return "mở tệp bằng Excel (bảng tính) hoặc Word (văn bản), lưu lại dạng .xlsx hoặc .docx rồi gửi lại";
  return "mở tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại";
}

export const MESSAGES = {
  // --- parsing and cell domains (validation) ---
  not_a_number: (p) =>
    `${where(p)} (dòng «${p.label}», cột «${p.column}»): «${p.value}» không phải là một số${p.detail ? ` (${p.detail})` : ""}. Hãy nhập một số, ví dụ 12, 1.076 hoặc 3,7; để trống hoặc gõ «-» nếu không có số liệu.`,
  date_typed: (p) =>
    `${where(p)} (dòng «${p.label}», cột «${p.column}»): ô đang hiện ngày «${p.value}» chứ không phải số liệu — Excel đã hiểu điều bạn gõ (ví dụ 1/2 hay 3/7) là ngày tháng và lưu thành số sê-ri của ngày đó (khoảng 45.000). Hãy gõ lại số liệu, ví dụ 12 hoặc 3,7; nếu ô vẫn hiện ngày, hãy bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ Trang tính), đặt định dạng ô là «General» (Chung) rồi gõ lại. Tỷ lệ dạng phân số thì gõ dấu nháy đơn trước (ví dụ '1180/1200).`,
  not_whole: (p) =>
    `${where(p)} (dòng «${p.label}», cột «${p.column}»): «${p.value}» không phải là số nguyên, mà chỉ tiêu này là số lượng. Hãy nhập số nguyên không âm, ví dụ 12 hoặc 1.076 (dấu chấm ngăn cách hàng nghìn).`,
  negative: (p) =>
    `${where(p)} (dòng «${p.label}», cột «${p.column}»): «${p.value}» là số âm, trong khi số liệu này không thể âm. Hãy kiểm tra lại và nhập số từ 0 trở lên.`,
  percent_out_of_range: (p) =>
    `${where(p)} (dòng «${p.label}», cột «${p.column}»): tỷ lệ «${p.value}» nằm ngoài khoảng từ 0 đến 100%. Hãy nhập tỷ lệ phần trăm từ 0 đến 100, ví dụ 98,5 hoặc 100%.`,
  fraction_invalid: (p) =>
    `${where(p)} (dòng «${p.label}», cột «${p.column}»): phân số «${p.value}» không hợp lệ${p.detail ? ` (${p.detail})` : ""}. Hãy nhập dạng a/b, với a và b là số nguyên, b khác 0 và a không lớn hơn b (ví dụ 1180/1200), hoặc nhập thẳng tỷ lệ phần trăm.`,
  not_in_codes: (p) =>
    `${where(p)} (dòng «${p.label}», cột «${p.column}»): «${p.value}» không phải là một mã của chỉ tiêu này${p.detail ? ` (${p.detail})` : ""}. Hãy nhập một trong các mã: ${p.expected}.`,
  not_a_status: (p) =>
    `${where(p)} (dòng «${p.label}», cột «${p.column}»): «${p.value}» không phải là kết quả đánh giá. Hãy chọn «Đạt» hoặc «Không đạt».`,
  not_a_flag: (p) =>
    `${where(p)} (dòng «${p.label}», cột «${p.column}»): «${p.value}» không hợp lệ${p.detail ? ` (${p.detail})` : ""}. Hãy nhập 1 (Có) hoặc 0 (Không).`,
  ambiguous_number: (p) =>
    `${where(p)} (dòng «${p.label}», cột «${p.column}»): «${p.value}» có thể hiểu theo hai cách; ${p.detail}. Nếu không đúng, hãy nhập lại theo cách viết Việt Nam: dấu chấm ngăn cách hàng nghìn, dấu phẩy trước phần thập phân (ví dụ 1.076 hoặc 21,88).`,
  note_in_number: (p) =>
    `${where(p)} (dòng «${p.label}», cột «${p.column}»): «${p.value}» có kèm chữ; ${p.detail}. Hãy chỉ để số trong ô này và ghi phần giải thích vào cột Ghi chú.`,
  fraction_converted: (p) =>
    `${where(p)} (dòng «${p.label}», cột «${p.column}»): ${p.detail} từ phân số «${p.value}». Dòng này nhận tỷ lệ phần trăm; hãy kiểm tra kết quả hoặc nhập thẳng tỷ lệ.`,
  percent_as_fraction: (p) =>
    `${where(p)}: các ô tỷ lệ ${p.expected} ghi số từ 0 đến 1 mà không có định dạng % — tệp được ghi không kèm định dạng ô, nên đã hiểu là phần trăm (${p.detail}). Hãy kiểm tra lại; nếu đơn vị muốn ghi tỷ lệ dưới 1 %, hãy gõ kèm dấu % (ví dụ 0,5%).`,
  value_in_heading: (p) =>
    `${where(p)}: dòng «${p.label}» là tiêu đề mục, không nhận số liệu, nhưng ô có «${p.value}». Hãy chuyển số liệu xuống đúng dòng chỉ tiêu bên dưới rồi xóa ô này.`,
  required_blank: (p) =>
    `${where(p)}: dòng «${p.label}» chưa có số liệu ở ${p.detail}. Hãy điền vào${p.expected ? ` (${p.expected})` : ""}, hoặc gõ «-» nếu không có số liệu để báo cáo.`,
  wrong_level: (p) =>
    `${where(p)}: dòng «${p.label}» chỉ dành cho ${p.expected}, nhưng bảng này báo cáo ${p.detail} và dòng đã có số liệu. Số liệu ở dòng này không được tổng hợp. Hãy kiểm tra lại mẫu và cấp báo cáo, hoặc xóa số liệu ở dòng này.`,
  form_blank: (p) =>
    `${where(p)}: chưa có số liệu nào trong ${p.label}. Hãy điền số liệu trước khi kiểm tra hoặc gửi báo cáo.`,
  // --- relations and rules (validation) ---
  sum_mismatch: (p) =>
    `${where(p)} (dòng «${p.label}», cột «${p.column}»): tổng ghi ${p.value} nhưng cộng các mục con (${p.detail}) được ${p.expected}${p.outside ? ` (${p.outside})` : ""}. Hãy sửa dòng tổng hoặc các mục con cho khớp.`,
  exceeds_total: (p) =>
    `${where(p)} (dòng «${p.label}», cột «${p.column}»): ${p.value} lớn hơn ${p.expected} ở dòng «${p.total}» (ô ${p.totalCell}), trong khi dòng này là một phần của dòng đó. Hãy kiểm tra lại hai ô này.`,
  rule_violated: (p) =>
    `${where(p)} (cột «${p.column}»): theo quy tắc, ${p.detail}. ${
      p.certainty === "certain"
        ? "Điều này luôn phải đúng; hãy sửa số liệu."
        : `Điều này thường đúng, nhưng số liệu đúng vẫn có thể khác${p.reason ? ` vì ${p.reason}` : ""}. Hãy kiểm tra lại; nếu số liệu đúng, ghi lý do vào cột Ghi chú — số liệu vẫn được tổng hợp.`
    }`,
  // --- recognition of received sheets ---
  form_unrecognised: (p) =>
    `${where(p)} không khớp với phụ lục nào đã biết: ${p.detail}. Hãy dùng biểu mẫu do phần mềm tạo, hoặc giữ nguyên tiêu đề, tiêu đề cột và nhãn dòng của phụ lục.`,
  form_ambiguous: (p) =>
    `${where(p)}: không xác định được là phụ lục nào vì khớp gần như nhau với ${p.detail}. Hãy giữ nguyên dòng «Phụ lục …» và tiêu đề của phụ lục ở đầu trang tính và ghi tên đơn vị báo cáo ở đầu trang (ví dụ «UBND HUYỆN …», «SỞ …»: phụ lục cùng tên của cấp tỉnh và cấp huyện được phân biệt theo cấp của đơn vị), hoặc dùng biểu mẫu do phần mềm tạo.`,
  form_id_unknown: (p) =>
    `${where(p)}: tệp ghi mã phụ lục «${p.value}» nhưng danh mục hiện tại không có mã này; đã nhận dạng theo tiêu đề và nhãn dòng.`,
  catalog_version_mismatch: (p) =>
    `${where(p)}: biểu mẫu được tạo theo danh mục phiên bản ${p.value}, phiên bản hiện tại là ${p.expected}; đã đối chiếu lại theo nhãn dòng và tiêu đề cột. Nên tải biểu mẫu mới để báo cáo lần sau.`,
  header_not_found: (p) =>
    `${where(p)}: không tìm thấy dòng tiêu đề cột của ${p.label}; đã giả định các cột theo thứ tự của mẫu (${p.detail}). Hãy kiểm tra lại hoặc chép lại tiêu đề cột theo mẫu.`,
  column_not_found: (p) =>
    `${where(p)}: không tìm thấy cột «${p.column}» của ${p.label}; các ô của cột này được coi là chưa báo cáo. Hãy thêm cột với đúng tiêu đề như mẫu.`,
  column_header_differs: (p) =>
    `${where(p)}: tiêu đề cột «${p.value || "(trống)"}» khác với mẫu; đã hiểu ${p.detail} là cột «${p.column}». Hãy kiểm tra lại; nếu đúng, nên sửa tiêu đề cho giống mẫu.`,
  row_not_found: (p) =>
    `${where(p)}: không tìm thấy dòng «${p.label}»${p.expected ? ` (STT ${p.expected})` : ""} của phụ lục; số liệu của dòng này được coi là chưa báo cáo. Hãy thêm dòng với đúng nhãn như mẫu.`,
  row_unmatched: (p) =>
    `${where(p)}: dòng «${p.value || "(không có nhãn)"}» có số liệu nhưng không khớp với dòng nào của ${p.label}; số liệu này không được kiểm tra và tổng hợp. Hãy sửa nhãn cho giống mẫu hoặc xóa dòng thừa.`,
  row_duplicate: (p) =>
    `${where(p)}: dòng «${p.value}» lặp lại dòng «${p.label}» đã có ở ô ${p.expected}; chỉ lấy số liệu ở ô ${p.expected}. Hãy xóa dòng lặp hoặc gộp số liệu.`,
  row_label_differs: (p) =>
    `${where(p)}: nhãn «${p.value}» khác với mẫu; đã hiểu là dòng «${p.label}»${p.expected ? ` (STT ${p.expected})` : ""}. Hãy kiểm tra lại; nếu đúng, nên sửa nhãn cho giống mẫu.`,
  // Columns (recognise/columns): `letter` the sheet column, `value` its header, `column` the form's column.
  column_ignored: (p) =>
    `${where(p)} (cột ${p.letter}${p.value ? ` «${p.value}»` : ""}): ${p.detail}, nên các số ở cột này không được đọc. Nếu đây là số liệu của kỳ báo cáo, hãy sửa tiêu đề cột cho giống mẫu.`,
  column_undecided: (p) =>
    `${where(p)}: chưa xác định được cột nào chứa số liệu «${p.column}» của kỳ báo cáo — có thể là ${p.detail}; không đọc số liệu nào của cột này. Hãy ghi rõ tiêu đề các cột (ví dụ «Kỳ này» và «Kỳ trước»), hoặc chọn cột ở bước «Tổng hợp» của phần bổ trợ.`,
  column_chosen: (p) =>
    `${where(p)}: đã đọc cột ${p.letter}${p.value ? ` «${p.value}»` : ""} làm cột «${p.column}» theo ${p.detail}.`,
  // Unit and period (recognise/unit-period): `value` the other statement, `expected` the one taken.
  unit_conflict: (p) =>
    `${where(p)}: «${p.value}» ghi một đơn vị khác với «${p.expected}» (${p.detail}); đã lấy «${p.expected}». Hãy kiểm tra lại báo cáo này là của đơn vị nào.`,
  period_conflict: (p) =>
    `${where(p)}: «${p.value}» ghi một kỳ báo cáo khác với «${p.expected}»; chưa xác định được báo cáo này thuộc kỳ nào. Hãy sửa tiêu đề và kỳ báo cáo cho thống nhất.`,
  // --- files (adapters) ---
  file_unreadable: (p) => `Không đọc được tệp «${p.file}»: ${p.detail}. Hãy ${saveAgain(p.file)}.`,
  legacy_font: (p) =>
    `${where(p)}: chữ ở ${p.expected} dùng ${p.detail}, một bảng mã tiếng Việt cũ, nên không so khớp được với nhãn của mẫu; phần mềm không tự chuyển mã. Hãy chuyển văn bản sang Unicode (ví dụ Unikey: Công cụ chuyển mã, từ ${p.detail?.includes("VNI") ? "VNI Windows" : "TCVN3 (ABC)"} sang Unicode) rồi gửi lại.`,
  file_unrecognised: (p) => `Tệp «${p.file}» không có trang tính nào khớp với một phụ lục đã biết${p.detail ? ` (${p.detail})` : ""}.`,
  // --- rollup ---
  // Units (core/units): `unit` the unit's name, `file` the files or sheets it sent, `detail` the specifics.
  unit_ok: (p) =>
    `Đơn vị «${p.unit ?? ""}»${p.file ? ` (${p.file})` : ""}: đã nhận ${p.detail ?? "báo cáo"}, không có lỗi${p.expected ? ` (${p.expected})` : ""}; số liệu được đưa vào bảng tổng hợp.`,
  unit_invalid: (p) =>
    `Đơn vị «${p.unit ?? ""}»${p.file ? ` (${p.file})` : ""}: có ${p.detail ?? "lỗi"}. Các ô có lỗi không được tổng hợp (coi như chưa báo cáo), các ô hợp lệ vẫn được tổng hợp. Hãy đề nghị đơn vị sửa và gửi lại.`,
  unit_unreadable: (p) =>
    `Không đọc được báo cáo của đơn vị «${p.unit ?? ""}»${p.file ? ` (${p.file})` : ""}${p.detail ? `: ${p.detail}` : ""}. Số liệu của đơn vị này chưa có trong bảng tổng hợp; hãy đề nghị đơn vị ${saveAgain(p.file)}.`,
  unit_unrecognised: (p) =>
    `Báo cáo của đơn vị «${p.unit ?? ""}»${p.file ? ` (${p.file})` : ""} không có phụ lục nào nhận dạng được${p.detail ? ` (${p.detail})` : ""}. Số liệu của đơn vị này chưa có trong bảng tổng hợp; hãy đề nghị đơn vị dùng biểu mẫu do phần mềm tạo, hoặc giữ nguyên tiêu đề và nhãn dòng của phụ lục.`,
  duplicate_unit: (p) =>
    `Đơn vị «${p.unit ?? ""}» gửi ${p.expected ?? "nhiều"} báo cáo trùng nhau (${p.file ?? ""}); mỗi phụ lục chỉ được tổng hợp một lần: ${p.detail ?? ""}.`,
  unit_missing: (p) =>
    `Đơn vị «${p.unit ?? ""}» có trong danh sách đơn vị nhưng chưa gửi báo cáo; bảng tổng hợp chưa có số liệu của đơn vị này.`,
  unit_undecided: (p) =>
    `Đơn vị «${p.unit ?? ""}»${p.file ? ` (${p.file})` : ""}: ${p.detail ?? ""}. Phụ lục này chưa được tổng hợp cho đến khi chọn cột (ở bước «Tổng hợp» của phần bổ trợ), hoặc đơn vị ghi rõ tiêu đề cột rồi gửi lại.`,
  unit_other_period: (p) =>
    `Đơn vị «${p.unit ?? ""}»${p.file ? ` (${p.file})` : ""} gửi báo cáo ${p.value ?? ""}, khác kỳ tổng hợp ${p.expected ?? ""}; ${p.detail ?? "báo cáo này không được tổng hợp"}. Hãy kiểm tra đơn vị có gửi nhầm báo cáo của kỳ khác không và đề nghị gửi lại.`,
  period_mixed: (p) =>
    `Các báo cáo nhận được thuộc nhiều kỳ khác nhau (${p.detail ?? ""}) và không kỳ nào chiếm đa số, nên chưa so được kỳ báo cáo của từng đơn vị. Hãy ghi kỳ tổng hợp (ô «Kỳ báo cáo» ở bước «Tổng hợp», hoặc --period) rồi tổng hợp lại.`,
  period_unreadable: (p) =>
    `Không hiểu kỳ tổng hợp «${p.value ?? ""}», nên chưa so được kỳ báo cáo của từng đơn vị. Hãy ghi theo dạng «Quý III năm 2026», «6 tháng đầu năm 2026», «9 tháng năm 2026» hoặc «Năm 2026».`,
  unit_unexpected: (p) =>
    `Đơn vị «${p.unit ?? ""}»${p.file ? ` (${p.file})` : ""} không có trong danh sách đơn vị đã nhập; số liệu vẫn được tổng hợp. Nếu đây là tên viết khác của một đơn vị trong danh sách, hãy sửa tên đơn vị rồi tổng hợp lại.`,
  // Values (core/rollup): `unit`, `label` the row, `column` the column header as printed.
  value_excluded: (p) =>
    `Đơn vị «${p.unit ?? ""}»: giá trị «${p.value ?? ""}» không được đưa vào số liệu tổng hợp (ô này được coi là chưa báo cáo) vì có lỗi. ${p.detail ?? `${where(p)} (dòng «${p.label}», cột «${p.column}»).`}`,
  shared_disagreement: (p) =>
    `Dòng «${p.label}», cột «${p.column}»: đây là số liệu chung, như nhau ở mọi đơn vị, nên không cộng mà lấy giá trị chung ${p.expected ?? ""}; ${p.detail ?? "một số đơn vị"} ghi khác. Hãy kiểm tra lại với các đơn vị này.`,
  shared_no_common: (p) =>
    `Dòng «${p.label}», cột «${p.column}»: đây là số liệu chung, như nhau ở mọi đơn vị, nhưng các đơn vị ghi khác nhau và không có giá trị nào chiếm đa số (${p.detail ?? ""}); bảng tổng hợp để trống ô này. Hãy thống nhất với các đơn vị rồi tổng hợp lại.`,
  fraction_not_combinable: (p) =>
    `Dòng «${p.label}», cột «${p.column}»: ${p.detail ?? "một số đơn vị"} chỉ ghi tỷ lệ phần trăm, không ghi dạng phân số (số hồ sơ), nên không cộng được vào tỷ lệ chung; tỷ lệ tổng hợp chỉ tính trên ${p.expected ?? "các đơn vị ghi phân số"}. Hãy đề nghị các đơn vị này ghi dạng a/b.`,
  weight_missing: (p) =>
    `Dòng «${p.label}», cột «${p.column}»: tỷ lệ được tính bình quân theo «${p.weight ?? ""}», nhưng ${p.detail ?? "một số đơn vị"} không có số liệu hợp lệ ở dòng đó, nên tỷ lệ của các đơn vị này không được đưa vào tỷ lệ chung.`,
  ratio_parts_missing: (p) =>
    `Dòng «${p.label}», cột «${p.column}»: tỷ lệ tổng hợp được tính lại từ «${p.numerator ?? ""}» và «${p.denominator ?? ""}», nhưng ${p.detail ?? "một số đơn vị"} thiếu một trong hai số này, nên tỷ lệ của các đơn vị này không được đưa vào tỷ lệ chung.`,
  // --- targets ---
  target_not_met: (p) =>
    `${where(p) || "Chỉ tiêu"} (dòng «${p.label}»${p.column ? `, cột «${p.column}»` : ""}): ${p.value} chưa đạt chỉ tiêu ${p.expected}${p.detail ? ` (${p.detail})` : ""}. Hãy kiểm tra lại số liệu; nếu số liệu đúng, nêu nguyên nhân và giải pháp trong báo cáo.`,
  target_needs_baseline: (p) =>
    `${where(p) || "Chỉ tiêu"} (dòng «${p.label}»): để đánh giá chỉ tiêu ${p.expected}${p.detail ? ` (${p.detail})` : ""} cần số liệu ${p.value} làm mốc so sánh. Hãy nhập số liệu ${p.value}; khi chưa có, chỉ tiêu được ghi là chưa có số liệu.`,
  target_rating_differs: (p) =>
    `${where(p) || "Phần đánh giá"} (mục tiêu «${p.label}»): đơn vị đánh giá «${p.value}» nhưng theo số liệu đã báo cáo thì đề xuất là «${p.expected}»${p.detail ? ` (${p.detail})` : ""}. Đánh giá của đơn vị được giữ nguyên; hãy xem lại và nêu rõ căn cứ.`,
} satisfies Record<string, Template>;

export type IssueCode = keyof typeof MESSAGES;
