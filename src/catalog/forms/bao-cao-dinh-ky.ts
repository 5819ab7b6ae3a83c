import type { FormInput } from "../schema";
import { MAY_DIFFER } from "./reasons";

/**
 * Periodic (quarterly / 6-month / annual) CCHC statistics form, transcribed from the FILLED appendix
 * of a district quarterly report (Kbang, Gia Lai, Q1 2021): seed 003, "Phụ lục", items 1.1.1 … 7.8.4.
 * Every title, label and "Đơn vị tính" text is as printed (whitespace folded, <i> dropped).
 *
 * Conventions of this family:
 * - "Đơn vị tính" is a static column: each row's printed text is in `printed["don-vi-tinh"]`; rows whose
 *   unit cell is blank in the seed have no `printed`.
 * - A yes/no answer coded 0/1 in the unit column ("Không = 0 Có = 1", "Đã thực hiện = 1 Chưa thực hiện = 0",
 *   "Chưa = 0 Hoàn thành = 1") is kind "flag01" (1 = yes / done); the meaning of 0 and 1 is shown by the
 *   printed unit text (the schema allows `codes` on "coded" rows only). Three or more codes → "coded".
 * - Sub-items printed as siblings (e.g. "đã hoàn thành" after "đề ra") are tied by `rules`; sub-items under
 *   a row that the form defines as their whole ("Trong đó") get `parent` + `relation`. A section title that
 *   one officer filled with a number (3.3, 5.4) defines no whole: its number is kept, tied to the sub-items
 *   by usual rules only.
 * - Most relations here are between figures counted at different moments (a stock at the report date, a
 *   flow over the period) or from different lists (the province's catalogue, the portals): warnings (see
 *   "Errors and warnings" in ../schema). The one error-level relation is 3.1.3 = the three levels.
 * - Levels: the province's template, filled by the province, its departments, the (former) districts and,
 *   since 1/7/2025, by every commune reporting straight to the province. Each row that does not exist for a
 *   commune says why beside it (`levels: NOT_XA`, note): a commune has no departments (sở), no district-level
 *   procedures or offices of its own, and runs none of the province-wide systems of section 7; it does have
 *   its own plan, procedures "cấp xã", one-stop shop, records, cadres, offices and public service units.
 *   Rows of other levels are left out of sums and rules there; a value typed in one is a `wrong_level`
 *   warning and is not consolidated (core/validate, core/rollup); a template made for a commune prints
 *   "Không áp dụng cho cấp xã" in them (core/layout).
 */

const SEED = "003_3039f05a02a1cf95.txt";
const DVT = (text: string) => ({ "don-vi-tinh": text });

const SHARED_TTHC =
  "every district applies the same province-announced lists of procedures (district- and commune-level), every commune the same list of commune-level procedures, so the count is common to the units of a level; never summed";
/** Rows that do not exist in a commune's report (each says why in its note). */
const NOT_XA: FormInput["levels"] = ["tinh", "huyen"];
/** Why the public service unit rows (4.3, 5.1.2, 5.2.4-5.2.5, 5.4.4, 6.x) are commune rows too. */
const SNCL_XA =
  "A commune row too: since 1/7/2025 a commune manages public service units of its own (e.g. the public preschools, primary and " +
  "lower-secondary schools formerly under the district); a commune with none types 0. Summed across communes (each counts its own units).";
const CUMULATIVE_NOTE = "Printed \"(lũy kế đến thời điểm báo cáo)\": a running total to the report date, never added across periods.";

export const forms: FormInput[] = [
  {
    id: "bao-cao-dinh-ky.thong-ke",
    version: 1,
    family: "bao-cao-dinh-ky",
    familyTitle: "Báo cáo CCHC định kỳ (quý, 6 tháng, năm)",
    levels: ["tinh", "huyen", "xa"],
    source: { seed: SEED, section: "Phụ lục" },
    appendix: "Phụ lục",
    title: "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC QUÝ I NĂM 2021",
    attachedTo: "(Kèm theo Báo cáo số …/BC-UBND ngày …/…/… của UBND …)",
    sttHeader: "STT",
    labelHeader: "Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)",
    columns: [
      { id: "don-vi-tinh", label: "Đơn vị tính", role: "static", group: "Kết quả thống kê", width: 18 },
      { id: "so-lieu", label: "Số liệu", role: "value", group: "Kết quả thống kê", width: 12 },
      { id: "ghi-chu", label: "Ghi chú", role: "note", width: 24 },
    ],
    rows: [
      // ───────────── 1. Công tác chỉ đạo điều hành CCHC ─────────────
      { id: "chi-dao-dieu-hanh", stt: "1.", label: "Công tác chỉ đạo điều hành CCHC", kind: "heading", required: false },
      { id: "ke-hoach-cchc", stt: "1.1.", label: "Kế hoạch CCHC", kind: "heading", parent: "chi-dao-dieu-hanh", required: false },
      {
        id: "nv-de-ra", stt: "1.1.1", label: "Số nhiệm vụ đề ra trong kế hoạch", kind: "count", unit: "nhiệm vụ",
        parent: "ke-hoach-cchc", printed: DVT("Nhiệm vụ"),
      },
      {
        id: "nv-hoan-thanh", stt: "1.1.2", label: "Số nhiệm vụ đã hoàn thành", kind: "count", unit: "nhiệm vụ",
        parent: "ke-hoach-cchc", printed: DVT("Nhiệm vụ"),
      },
      {
        id: "vb-chi-dao", stt: "1.1.3", label: "Số văn bản chỉ đạo CCHC đã ban hành", kind: "count", unit: "văn bản",
        parent: "ke-hoach-cchc", printed: DVT("Văn bản"),
      },
      { id: "kiem-tra-cchc", stt: "1.2", label: "Kiểm tra CCHC", kind: "heading", parent: "chi-dao-dieu-hanh", required: false },
      {
        id: "tong-don-vi", stt: "1.2.1", label: "Tổng số phòng chuyên môn, đơn vị, địa phương", kind: "count",
        unit: "cơ quan, đơn vị", parent: "kiem-tra-cchc", printed: DVT("Cơ quan, đơn vị"),
        note:
          "\"phòng chuyên môn\" is the district wording; a province-level unit reads it as its departments, units and localities, a " +
          "commune as its own offices (since 1/7/2025 a commune's People's Committee has offices, phòng, of its own) and public service " +
          "units. Kept for communes, unlike the 2011-2020 district Phụ lục 1 (\"a commune does not inspect\"): those offices and units did " +
          "not exist under a commune then. Summed across units (each counts its own).",
      },
      {
        id: "don-vi-da-kiem-tra", stt: "1.2.2", label: "Số phòng chuyên môn, đơn vị, địa phương đã kiểm tra", kind: "count",
        unit: "cơ quan, đơn vị", parent: "kiem-tra-cchc", printed: DVT("Cơ quan, đơn vị"),
      },
      {
        id: "van-de-phat-hien", stt: "1.2.3.", label: "Số vấn đề phát hiện qua kiểm tra", kind: "count", unit: "vấn đề",
        parent: "kiem-tra-cchc", printed: DVT("Vấn đề"),
      },
      {
        id: "van-de-da-xu-ly", stt: "1.2.4.", label: "Số vấn đề phát hiện đã xử lý xong", kind: "count", unit: "vấn đề",
        parent: "kiem-tra-cchc", printed: DVT("Vấn đề"),
      },
      {
        id: "nv-tinh-giao", stt: "1.3", label: "Thực hiện nhiệm vụ UBND, Chủ tịch UBND tỉnh giao", kind: "heading",
        parent: "chi-dao-dieu-hanh", required: false,
      },
      {
        id: "nv-duoc-giao", stt: "1.3.1", label: "Tổng số nhiệm vụ được giao", kind: "count", unit: "nhiệm vụ",
        parent: "nv-tinh-giao",
        note:
          "The \"Đơn vị tính\" cell is blank in the seed (1.3.1-1.3.3); unit taken from the meaning. A commune row too: since 1/7/2025 " +
          "the province assigns tasks to its communes directly. Summed across units (each unit's own tasks).",
      },
      {
        id: "nv-giao-dung-han", stt: "1.3.2", label: "Số nhiệm vụ đã hoàn thành đúng hạn", kind: "count", unit: "nhiệm vụ",
        parent: "nv-tinh-giao",
      },
      {
        id: "nv-giao-qua-han", stt: "1.3.3", label: "Số nhiệm vụ đã hoàn thành nhưng quá hạn", kind: "count", unit: "nhiệm vụ",
        parent: "nv-tinh-giao",
      },
      {
        id: "khao-sat", stt: "1.4", label: "Khảo sát sự hài lòng của người dân, tổ chức", kind: "heading",
        parent: "chi-dao-dieu-hanh", required: false,
      },
      {
        id: "so-phieu-khao-sat", stt: "1.4.1", label: "Số lượng phiếu khảo sát", kind: "count", unit: "phiếu",
        parent: "khao-sat", printed: DVT("Số lượng"),
        note: "A commune counts the forms collected about its own services (SIPAS is surveyed at each one-stop shop); summed across units.",
      },
      {
        id: "hinh-thuc-khao-sat", stt: "1.4.2", label: "Hình thức khảo sát", kind: "coded", parent: "khao-sat",
        printed: DVT("Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2"),
        codes: [
          { code: 0, label: "Trực tuyến" },
          { code: 1, label: "Phát phiếu" },
          { code: 2, label: "Kết hợp" },
        ],
      },
      {
        id: "doi-thoai", stt: "1.5", label: "Tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp",
        kind: "flag01", parent: "chi-dao-dieu-hanh", printed: DVT("Không = 0 Có = 1"),
      },

      // ───────────── 2. "Cải cách thủ tục" (in fact: institutional reform) ─────────────
      {
        id: "cai-cach-the-che", stt: "2.", label: "Cải cách thủ tục", kind: "heading", required: false,
        note:
          "Printed \"Cải cách thủ tục\", but the section is institutional reform (cải cách thể chế): its rows are all about " +
          "VBQPPL, the report body calls the same area \"1. Cải cách thể chế\", and procedures (TTHC) are section 3. Kept as printed.",
      },
      {
        id: "vbqppl-ban-hanh", stt: "2.1", label: "Số VBQPPL đã ban hành/tham mưu ban hành", kind: "count", unit: "văn bản",
        parent: "cai-cach-the-che", printed: DVT("Văn bản"),
      },
      {
        id: "vbqppl-kiem-tra", stt: "2.2", label: "Số VBQPPL đã kiểm tra theo thẩm quyền", kind: "count", unit: "văn bản",
        parent: "cai-cach-the-che", printed: DVT("Văn bản"), levels: NOT_XA,
        note:
          "Not a commune row: checking documents \"theo thẩm quyền\" is done by the level above on the documents of the levels below " +
          "(as in the 2011-2020 district Phụ lục 2); a commune has no level below it. Its own documents reviewed are 2.3.",
      },
      {
        id: "vbqppl-ra-soat", stt: "2.3", label: "Số VBQPPL đã rà soát", kind: "count", unit: "văn bản",
        parent: "cai-cach-the-che", printed: DVT("Văn bản"),
      },
      {
        id: "vbqppl-kien-nghi", stt: "2.4", label: "Số VBQPPL đã kiến nghị xử lý sau kiểm tra, rà soát", kind: "count",
        unit: "văn bản", parent: "cai-cach-the-che", printed: DVT("Văn bản"),
      },
      {
        id: "vbqppl-da-xu-ly", stt: "2.5", label: "Số VBQPPL có kiến nghị xử lý đã được xử lý xong", kind: "count",
        unit: "văn bản", parent: "cai-cach-the-che", printed: DVT("Văn bản"),
      },

      // ───────────── 3. Cải cách thủ tục hành chính ─────────────
      { id: "cai-cach-tthc", stt: "3.", label: "Cải cách thủ tục hành chính", kind: "heading", required: false },
      { id: "thong-ke-tthc", stt: "3.1.", label: "Thống kê TTHC", kind: "heading", parent: "cai-cach-tthc", required: false },
      {
        id: "tthc-cong-bo-moi", stt: "3.1.1", label: "Số TTHC công bố mới", kind: "count", unit: "thủ tục",
        parent: "thong-ke-tthc", printed: DVT("Thủ tục"), rollup: { type: "shared", why: SHARED_TTHC },
      },
      {
        id: "tthc-bai-bo", stt: "3.1.2", label: "Số TTHC bãi bỏ, thay thế", kind: "count", unit: "thủ tục",
        parent: "thong-ke-tthc", printed: DVT("Thủ tục"), rollup: { type: "shared", why: SHARED_TTHC },
      },
      {
        id: "tong-tthc", stt: "3.1.3", label: "Tổng số TTHC đang có hiệu lực", kind: "count", unit: "thủ tục",
        parent: "thong-ke-tthc", printed: DVT("Thủ tục"),
        relation: {
          type: "sum",
          of: ["tthc-cap-so", "tthc-cap-huyen", "tthc-cap-xa"],
          why: "the procedures in force split by the level that handles them (department / district / commune); the copy: 487 = 315 + 172",
        },
        rollup: { type: "shared", why: SHARED_TTHC },
        note:
          "Each level totals the parts that exist for it: a province the three, a district cấp huyện + cấp xã (cấp sở is province-only), " +
          "a commune cấp xã alone (as a commune does in the 2011-2020 district Phụ lục 3).",
      },
      {
        id: "tthc-cap-so", stt: "Trong đó", label: "Số TTHC cấp sở:", kind: "count", unit: "thủ tục", parent: "tong-tthc",
        printed: DVT("Thủ tục"), levels: ["tinh"],
        rollup: { type: "shared", why: "one provincial list of department-level procedures, quoted alike by every reporting unit; never summed" },
        note: "Province level only: a district has no department-level procedures and leaves it blank (as the copy does).",
      },
      {
        id: "tthc-cap-huyen", stt: "", label: "Số TTHC cấp huyện:", kind: "count", unit: "thủ tục", parent: "tong-tthc",
        printed: DVT("Thủ tục"), rollup: { type: "shared", why: SHARED_TTHC }, levels: NOT_XA,
        note:
          "Not a commune row: a commune handles no district-level procedures (since 1/7/2025 there are none; the row stays for the " +
          "districts' reports up to then).",
      },
      {
        id: "tthc-cap-xa", stt: "", label: "Số TTHC cấp xã:", kind: "count", unit: "thủ tục", parent: "tong-tthc",
        printed: DVT("Thủ tục"), rollup: { type: "shared", why: SHARED_TTHC },
      },
      {
        id: "cong-dvc-qg", stt: "3.2.", label: "Vận hành Cổng dịch vụ công", kind: "heading", parent: "cai-cach-tthc",
        required: false,
        note: "Same title as 3.5.; 3.2 is about the national portal (Cổng DVC quốc gia), 3.5 about the portal without qualifier (the province's). Both kept.",
      },
      {
        id: "tthc-cong-khai-dvc-qg", stt: "3.2.1", label: "Số TTHC đã cập nhật, công khai trên Cổng DVC quốc gia",
        kind: "count", unit: "thủ tục", parent: "cong-dvc-qg", printed: DVT("Thủ tục"),
        rollup: { type: "shared", why: SHARED_TTHC },
      },
      {
        id: "tthc-md34-dvc-qg", stt: "3.2.2", label: "Số TTHC mức độ 3 và 4 đã tích hợp lên Cổng DVC quốc gia",
        kind: "count", unit: "thủ tục", parent: "cong-dvc-qg", printed: DVT("Thủ tục"),
        rollup: { type: "shared", why: SHARED_TTHC },
      },
      {
        id: "tthc-mot-cua", stt: "3.3", label: "Thực hiện cơ chế một cửa, một cửa liên thông", kind: "count", unit: "thủ tục",
        parent: "cai-cach-tthc", required: false,
        rollup: { type: "shared", why: SHARED_TTHC },
        note:
          "A section title that carries a number in the copy (487, unit cell blank): kept as a value row (read as the procedures " +
          "handled under the one-stop mechanism), not required. Its children mix counts (3.3.1, 3.3.2) and percentages (3.3.3, " +
          "3.3.4), and the form says nothing of what a number here counts: one officer's filling (478 + 9) is no definition, so " +
          "there is no relation (an error) over the children, only the usual rule lien-thong-le-mot-cua (a warning).",
      },
      {
        id: "tthc-lien-thong-cung-cap", stt: "3.3.1", label: "Số TTHC liên thông cùng cấp", kind: "count", unit: "thủ tục",
        parent: "tthc-mot-cua", printed: DVT("Thủ tục"), rollup: { type: "shared", why: SHARED_TTHC },
      },
      {
        id: "tthc-lien-thong-cac-cap", stt: "3.3.2", label: "Số TTHC liên thông giữa các cấp chính quyền", kind: "count",
        unit: "thủ tục", parent: "tthc-mot-cua", printed: DVT("Thủ tục"), rollup: { type: "shared", why: SHARED_TTHC },
      },
      {
        id: "tl-quy-trinh-noi-bo", stt: "3.3.3", label: "Tỷ lệ TTHC đã được phê duyệt quy trình nội bộ", kind: "percent",
        unit: "%", parent: "tthc-mot-cua", printed: DVT("%"),
        note: "Printed under 3.3 but not a part of its count (a percentage); no numerator row in the form → unweighted mean.",
      },
      {
        id: "tl-quy-trinh-dien-tu", stt: "3.3.4", label: "Tỷ lệ quy trình nội bộ giải quyết TTHC đã được điện tử hóa",
        kind: "percent", unit: "%", parent: "tthc-mot-cua", printed: DVT("%"),
      },
      {
        id: "ket-qua-giai-quyet", stt: "3.4.", label: "Kết quả giải quyết TTHC", kind: "heading", parent: "cai-cach-tthc",
        required: false,
      },
      {
        id: "tl-dung-hen-so", stt: "3.4.1.", label: "Tỷ lệ hồ sơ TTHC do các sở, ngành tiếp nhận được giải quyết đúng hẹn",
        kind: "percent", unit: "%", parent: "ket-qua-giai-quyet", printed: DVT("%"),
        levels: NOT_XA,
        note:
          "About provincial departments, meaningful at province level; the district copy nevertheless filled it (100), so the row is " +
          "kept for both. Not a commune row: a commune receives no records for the departments.",
      },
      {
        id: "tl-dung-hen-huyen", stt: "3.4.2", label: "Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận được giải quyết đúng hẹn",
        kind: "percent", unit: "%", parent: "ket-qua-giai-quyet", printed: DVT("%"), levels: NOT_XA,
        note: "Not a commune row: records received by a district People's Committee.",
      },
      {
        id: "tl-dung-hen-xa", stt: "3.4.3.", label: "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hẹn",
        kind: "percent", unit: "%", parent: "ket-qua-giai-quyet", printed: DVT("%"),
        note:
          "A province or district reports its communes' records; a commune its own. The form has no count of records, so the rollup is " +
          "the unweighted mean of the units' rates (marked approximate), as for every rate of 3.3-3.4.",
      },
      {
        id: "tl-dung-hen-dat-dai", stt: "3.4.4.",
        label: "Tỷ lệ hồ sơ TTHC về lĩnh vực đất đai được giải quyết đúng hẹn (ở cả 3 cấp).",
        kind: "percent", unit: "%", parent: "ket-qua-giai-quyet", printed: DVT("%"),
        note:
          "\"(ở cả 3 cấp)\": a province or district reports the records of every level of its territory, a commune its own records of the " +
          "field (since 1/7/2025 communes handle many land procedures). Mean across units, as 3.4.3.",
      },
      {
        id: "tl-dung-hen-xay-dung", stt: "3.4.5",
        label: "Tỷ lệ hồ sơ TTHC về lĩnh vực xây dựng được giải quyết đúng hẹn (ở cả 3 cấp).",
        kind: "percent", unit: "%", parent: "ket-qua-giai-quyet", printed: DVT("%"),
        note: "As 3.4.4: a commune reports its own records of the field. Mean across units.",
      },
      {
        id: "cong-dvc", stt: "3.5.", label: "Vận hành Cổng dịch vụ công", kind: "heading", parent: "cai-cach-tthc",
        required: false, note: "Title printed twice (3.2. and 3.5.); see 3.2.",
      },
      {
        id: "tthc-tich-hop-dvc", stt: "3.5.1", label: "Số TTHC được tích hợp lên Cổng DVC", kind: "count", unit: "thủ tục",
        parent: "cong-dvc", printed: DVT("Thủ tục"), rollup: { type: "shared", why: SHARED_TTHC },
      },
      {
        id: "tthc-md34-dvc", stt: "3.5.2", label: "Số TTHC cung cấp mức độ 3, 4 trên Cổng DVC", kind: "count", unit: "thủ tục",
        parent: "cong-dvc", printed: DVT("Thủ tục"), rollup: { type: "shared", why: SHARED_TTHC },
      },
      {
        id: "tthc-thanh-toan-tt", stt: "3.5.3", label: "Số TTHC đã tích hợp dịch vụ thanh toán trực tuyến.", kind: "count",
        unit: "thủ tục", parent: "cong-dvc", printed: DVT("Thủ tục"), rollup: { type: "shared", why: SHARED_TTHC },
      },

      // ───────────── 4. Cải cách tổ chức bộ máy ─────────────
      {
        id: "cai-cach-bo-may", stt: "4", label: "Cải cách tổ chức bộ máy hành chính nhà nước", kind: "heading", required: false,
        note: "Numbering jumps from 4 to 4.2 (no 4.1 printed); kept as printed.",
      },
      { id: "bien-che", stt: "4.2.", label: "Số liệu về biên chế công chức", kind: "heading", parent: "cai-cach-bo-may", required: false },
      {
        id: "bien-che-giao", stt: "4.2.1.", label: "Tổng số biên chế được giao trong năm", kind: "count", unit: "người",
        parent: "bien-che", printed: DVT("Người"),
        note: "A commune reports the staffing of its cadres and civil servants (4.2.1-4.2.5 are commune rows); summed across units.",
      },
      {
        id: "bien-che-co-mat", stt: "4.2.2.", label: "Tổng số biên chế có mặt tại thời điểm báo cáo", kind: "count",
        unit: "người", parent: "bien-che", printed: DVT("Người"),
      },
      {
        id: "hop-dong-ld", stt: "4.2.3.", label: "Số hợp đồng lao động làm việc tại cơ quan hành chính nhà nước", kind: "count",
        unit: "người", parent: "bien-che", printed: DVT("Người"),
      },
      {
        id: "bien-che-tinh-gian", stt: "4.2.4.", label: "Số biên chế đã tinh giản trong kỳ báo cáo", kind: "count",
        unit: "người", parent: "bien-che", printed: DVT("Người"),
      },
      {
        id: "tl-bien-che-tinh-gian-2015", stt: "4.2.5.", label: "Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015",
        kind: "percent", unit: "%", parent: "bien-che", printed: DVT("%"), cumulative: true,
        rollup: { type: "weighted-mean", weight: "bien-che-giao" },
        note:
          "A reduction since 2015, so cumulative. Its true base (the 2015 staffing) is not in the form: the rollup weights by the " +
          "staffing assigned this year (4.2.1) as the nearest row, an approximation.",
      },
      {
        id: "nguoi-lam-viec-sncl", stt: "4.3.", label: "Số người làm việc hưởng lương từ NSNN tại các đơn vị sự nghiệp công lập",
        kind: "heading", parent: "cai-cach-bo-may", required: false,
      },
      {
        id: "nlv-giao", stt: "4.3.1", label: "Tổng số người làm việc được giao", kind: "count", unit: "người",
        parent: "nguoi-lam-viec-sncl", printed: DVT("Người"), note: `4.3.1-4.3.4: ${SNCL_XA}`,
      },
      {
        id: "nlv-co-mat", stt: "4.3.2", label: "Tổng số người làm việc có mặt", kind: "count", unit: "người",
        parent: "nguoi-lam-viec-sncl", printed: DVT("Người"),
      },
      {
        id: "nlv-tinh-gian", stt: "4.3.3", label: "Số người đã tinh giản trong kỳ báo cáo", kind: "count", unit: "người",
        parent: "nguoi-lam-viec-sncl", printed: DVT("Người"),
      },
      {
        id: "tl-nlv-tinh-gian-2015", stt: "4.3.4", label: "Tỷ lệ % đã tinh giản so với năm 2015", kind: "percent", unit: "%",
        parent: "nguoi-lam-viec-sncl", printed: DVT("%"), cumulative: true,
        rollup: { type: "weighted-mean", weight: "nlv-giao" },
        note: "As 4.2.5: cumulative since 2015, rollup weighted by the positions assigned (4.3.1) as an approximation of the 2015 base.",
      },

      // ───────────── 5. Cải cách chế độ công vụ ─────────────
      { id: "cai-cach-cong-vu", stt: "5.", label: "Cải cách chế độ công vụ", kind: "heading", required: false },
      {
        id: "vi-tri-viec-lam", stt: "5.1.", label: "Vị trí việc làm của công chức, viên chức", kind: "heading",
        parent: "cai-cach-cong-vu", required: false,
      },
      {
        id: "vtvl-co-quan", stt: "5.1.1", label: "Số cơ quan, tổ chức hành chính đã được phê duyệt vị trí việc làm theo quy định",
        kind: "count", unit: "cơ quan, đơn vị", parent: "vi-tri-viec-lam", printed: DVT("Cơ quan, đơn vị"),
      },
      {
        id: "vtvl-don-vi-sn", stt: "5.1.2", label: "Số đơn vị sự nghiệp đã được phê duyệt vị trí việc làm theo quy định",
        kind: "count", unit: "cơ quan, đơn vị", parent: "vi-tri-viec-lam", printed: DVT("Cơ quan, đơn vị"), note: SNCL_XA,
      },
      {
        id: "vtvl-vi-pham", stt: "5.1.3",
        label: "Số cơ quan, tổ chức có vi phạm trong thực hiện vị trí việc làm phát hiện qua thanh tra",
        kind: "count", unit: "cơ quan, đơn vị", parent: "vi-tri-viec-lam", printed: DVT("Cơ quan, đơn vị"),
      },
      { id: "tuyen-dung", stt: "5.2.", label: "Tuyển dụng công chức, viên chức", kind: "heading", parent: "cai-cach-cong-vu", required: false },
      {
        id: "td-cong-chuc", stt: "5.2.1", label: "Số công chức được tuyển dụng (thi tuyển, xét tuyển)", kind: "count",
        unit: "người", parent: "tuyen-dung", printed: DVT("Người"),
      },
      {
        id: "td-cong-chuc-dac-biet", stt: "5.2.2", label: "Số công chức được tuyển dụng theo trường hợp đặc biệt.", kind: "count",
        unit: "người", parent: "tuyen-dung", printed: DVT("Người"),
      },
      {
        id: "td-xa-len-huyen", stt: "5.2.3",
        label: "Số cán bộ, công chức cấp xã được xét chuyển thành công chức cấp huyện trở lên.",
        kind: "count", unit: "người", parent: "tuyen-dung", printed: DVT("Người"), levels: NOT_XA,
        note:
          "Not a commune row: the transfer is decided and counted by the receiving level (\"cấp huyện trở lên\"); the commune does " +
          "not make it.",
      },
      {
        id: "td-vien-chuc", stt: "5.2.4", label: "Số viên chức được tuyển dụng (thi tuyển, xét tuyển).", kind: "count",
        unit: "người", parent: "tuyen-dung", printed: DVT("Người"), note: `5.2.4-5.2.5: ${SNCL_XA}`,
      },
      {
        id: "td-vien-chuc-dac-biet", stt: "5.2.5", label: "Số viên chức được tuyển dụng theo trường hợp đặc biệt.", kind: "count",
        unit: "người", parent: "tuyen-dung", printed: DVT("Người"),
      },
      { id: "bo-nhiem", stt: "5.3.", label: "Số liệu về bổ nhiệm công chức lãnh đạo", kind: "heading", parent: "cai-cach-cong-vu", required: false },
      {
        id: "thi-tuyen-lanh-dao", stt: "5.3.1", label: "Thực hiện tuyển chọn, bổ nhiệm lãnh đạo qua thi tuyển", kind: "flag01",
        parent: "bo-nhiem", printed: DVT("Đã thực hiện = 1 Chưa thực hiện = 0"),
      },
      {
        id: "bn-lanh-dao-so", stt: "5.3.2", label: "Số lãnh đạo cấp sở, ngành được bổ nhiệm mới", kind: "count", unit: "người",
        parent: "bo-nhiem", printed: DVT("Người"), levels: ["tinh"],
        note: "Province level only (department leaders); the district copy leaves it blank.",
      },
      {
        id: "bn-lanh-dao-phong-so", stt: "5.3.3", label: "Số lãnh đạo cấp phòng thuộc sở, ngành được bổ nhiệm mới", kind: "count",
        unit: "người", parent: "bo-nhiem", printed: DVT("Người"), levels: ["tinh"],
        note: "Province level only (divisions of departments); the district copy leaves it blank.",
      },
      {
        id: "bn-lanh-dao-phong-huyen", stt: "5.3.4", label: "Số lãnh đạo cấp phòng thuộc UBND huyện được bổ nhiệm mới",
        kind: "count", unit: "người", parent: "bo-nhiem", printed: DVT("Người"), levels: NOT_XA,
        note:
          "Not a commune row: offices of a district People's Committee. The heads of a commune's own offices (since 1/7/2025) have no " +
          "row in this form; 5.3.1 still asks whether the commune appointed leaders by competition.",
      },
      {
        id: "ky-luat", stt: "5.4", label: "Số liệu về xử lý kỷ luật cán bộ, công chức (cả về Đảng và chính quyền).",
        kind: "count", unit: "người", parent: "cai-cach-cong-vu", required: false,
        note:
          "A section title (\"Số liệu về …\", unit cell blank) that carries a number in the copy (0): kept as a value row, read as the " +
          "cadres and civil servants disciplined, not required. The form does not say what a number here counts, so there is no " +
          "relation (an error) over its sub-items, only the usual rule ky-luat-lanh-dao-le-tong; 5.4.4 (SNCL employees, public " +
          "employees rather than civil servants) stays outside that rule.",
      },
      {
        id: "kl-lanh-dao-tinh", stt: "5.4.1", label: "Số lãnh đạo cấp tỉnh bị kỷ luật.", kind: "count", unit: "người",
        parent: "ky-luat", printed: DVT("Người"), levels: ["tinh"],
        rollup: { type: "none", why: "only the province's own report can state how many provincial leaders were disciplined" },
        note: "Province level only; the district copy leaves it blank.",
      },
      {
        id: "kl-lanh-dao-so-huyen", stt: "5.4.2", label: "Số lãnh đạo cấp sở, ngành và UBND cấp huyện bị kỷ luật.", kind: "count",
        unit: "người", parent: "ky-luat", printed: DVT("Người"), levels: NOT_XA,
        note: "Not a commune row: leaders of departments and district People's Committees.",
      },
      {
        id: "kl-lanh-dao-phong", stt: "5.4.3", label: "Số lãnh đạo cấp phòng thuộc sở, ngành và UBND cấp huyện bị kỷ luật.",
        kind: "count", unit: "người", parent: "ky-luat", printed: DVT("Người"), levels: NOT_XA,
        note:
          "Not a commune row: heads of offices of departments and district People's Committees. At commune level no row of the rule " +
          "ky-luat-lanh-dao-le-tong's left side exists, so the rule is not made there.",
      },
      {
        id: "kl-sncl", stt: "5.4.4", label: "Số người làm việc hưởng lương từ NSNN tại các đơn vị SNCL bị kỷ luật.", kind: "count",
        unit: "người", parent: "ky-luat", printed: DVT("Người"), note: SNCL_XA,
      },

      // ───────────── 6. Cải cách tài chính công ─────────────
      { id: "cai-cach-tai-chinh", stt: "6.", label: "Cải cách tài chính công", kind: "heading", required: false },
      {
        id: "sncl-tu-chu-chi-tx-dt", stt: "6.1",
        label: "Số đơn vị SNCL đã thực hiện tự chủ 100% chi thường xuyên và chi đầu tư (lũy kế đến thời điểm báo cáo)",
        kind: "count", unit: "cơ quan, đơn vị", parent: "cai-cach-tai-chinh", printed: DVT("Cơ quan, đơn vị"),
        cumulative: true, note: `${CUMULATIVE_NOTE} 6.1-6.5: ${SNCL_XA}`,
      },
      {
        id: "sncl-tu-chu-chi-tx", stt: "6.2",
        label: "Số đơn vị SNCL đã thực hiện tự chủ 100% chi thường xuyên (lũy kế đến thời điểm báo cáo)",
        kind: "count", unit: "cơ quan, đơn vị", parent: "cai-cach-tai-chinh", printed: DVT("Cơ quan, đơn vị"),
        cumulative: true, note: CUMULATIVE_NOTE,
      },
      {
        id: "sncl-tu-chu-mot-phan", stt: "6.3",
        label: "Số đơn vị SNCL đã thực hiện tự chủ một phần chi thường xuyên (lũy kế đến thời điểm báo cáo)",
        kind: "count", unit: "cơ quan, đơn vị", parent: "cai-cach-tai-chinh", printed: DVT("Cơ quan, đơn vị"),
        cumulative: true, note: CUMULATIVE_NOTE,
      },
      {
        id: "sncl-nn-dam-bao", stt: "6.4.",
        label: "Số đơn vị SNCL do nhà nước đảm bảo 100% chi thường xuyên (lũy kế đến thời điểm báo cáo)",
        kind: "count", unit: "cơ quan, đơn vị", parent: "cai-cach-tai-chinh", printed: DVT("Cơ quan, đơn vị"),
        cumulative: true, note: CUMULATIVE_NOTE,
      },
      {
        id: "sncl-co-phan-hoa", stt: "6.5.",
        label: "Số lượng đơn vị SNCL đã chuyển đổi thành công ty cổ phần (lũy kế đến thời điểm báo cáo)",
        kind: "count", unit: "cơ quan, đơn vị", parent: "cai-cach-tai-chinh", printed: DVT("Cơ quan, đơn vị"),
        cumulative: true, note: CUMULATIVE_NOTE,
      },

      // ───────────── 7. Chính phủ điện tử, Chính phủ số ─────────────
      {
        id: "chinh-phu-dien-tu", stt: "7.", label: "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", kind: "heading",
        required: false,
      },
      {
        id: "kien-truc-cqdt", stt: "7.1", label: "Cập nhật Kiến trúc chính quyền điện tử phiên bản 2.0", kind: "flag01",
        parent: "chinh-phu-dien-tu", printed: DVT("Chưa = 0 Hoàn thành = 1"), levels: NOT_XA,
        note:
          "Yes/no coded 0/1 → flag01 (1 = Hoàn thành). The copy holds \"1 2\", which is not a valid answer. Not a commune row: the " +
          "e-government architecture is the province's (and was a district's); a commune has none of its own.",
      },
      {
        id: "hop-truc-tuyen", stt: "7.2.", label: "Xây dựng và vận hành Hệ thống họp trực tuyến", kind: "coded",
        parent: "chinh-phu-dien-tu", printed: DVT("Chưa có = 0"),
        codes: [
          { code: 0, label: "Chưa có" },
          { code: 1, label: "2 cấp" },
          { code: 2, label: "3 cấp" },
        ],
        levels: NOT_XA,
        note:
          "Not a commune row: the answer is how many levels the province's meeting system reaches (2 or 3 levels); a commune is one of " +
          "its ends. The codes are printed one per line: \"Chưa có = 0\" on this line, \"2 cấp = 1\" and \"3 cấp = 2\" on the two italic " +
          "explanation lines below, which are kept as rows without input. The copy's value \"2\" stands on the \"2 cấp = 1\" line; it is " +
          "taken as this row's answer (code 2 = \"3 cấp\", although the filler may have meant \"2 cấp\").",
      },
      {
        id: "hop-truc-tuyen-2-cap", stt: "", label: "Liên thông 2 cấp: Từ UBND tỉnh đến 100% UBND các huyện.", kind: "heading",
        parent: "hop-truc-tuyen", required: false, printed: DVT("2 cấp = 1"),
        note: "Explanation of code 1 of 7.2 (italic in the original); no input of its own.",
      },
      {
        id: "hop-truc-tuyen-3-cap", stt: "7.3.", label: "Liên thông 3 cấp: Từ UBND tỉnh đến 100% UBND cấp huyện, cấp xã.",
        kind: "heading", parent: "hop-truc-tuyen", required: false, printed: DVT("3 cấp = 2"),
        note:
          "Explanation of code 2 of 7.2 (italic). The STT \"7.3.\" is printed on this line although it numbers the next row " +
          "(Hệ thống thông tin báo cáo); kept where printed.",
      },
      {
        id: "he-thong-bao-cao", stt: "",
        label: "Hệ thống thông tin báo cáo và kết nối với Hệ thống thông tin báo cáo quốc gia", kind: "coded",
        parent: "chinh-phu-dien-tu", printed: DVT("Chưa = 0 Đang làm = 1 Hoàn thành = 2"),
        codes: [
          { code: 0, label: "Chưa" },
          { code: 1, label: "Đang làm" },
          { code: 2, label: "Hoàn thành" },
        ],
        levels: NOT_XA,
        note:
          "Item 7.3 in meaning; its STT is printed one line too early (on the \"Liên thông 3 cấp\" line), so it has none here. Not a " +
          "commune row: the reporting information system is built by the province (and was connected by the districts).",
      },
      {
        id: "tl-chung-thu-so", stt: "",
        label: "Tỷ lệ cơ quan chuyên môn cấp tỉnh, UBND cấp huyện, UBND cấp xã được cấp chứng thư số.", kind: "percent",
        unit: "%", parent: "chinh-phu-dien-tu", levels: NOT_XA,
        note:
          "Not a commune row: a share of the province's offices, district and commune People's Committees; a commune is one of them. " +
          "Item 7.4 in meaning (no STT printed; the numbering goes 7.3 → 7.5). Unit cell blank; a percentage by its label. The copy " +
          "holds \"1\", probably a yes-answer or 100% rather than 1%, but it is a valid percentage and is read as 1%.",
      },
      {
        id: "lgsp", stt: "7.5", label: "Triển khai xây dựng nền tảng chia sẻ, tích hợp dùng chung (LGSP).", kind: "coded",
        parent: "chinh-phu-dien-tu", printed: DVT("Chưa = 0 Đang làm = 1 Hoàn thành = 2"),
        codes: [
          { code: 0, label: "Chưa" },
          { code: 1, label: "Đang làm" },
          { code: 2, label: "Hoàn thành" },
        ],
        levels: NOT_XA,
        note:
          "The unit cell is broken over three extracted lines (\"Chưa = 0\" / \"Đang làm = 1\" / \"Hoàn thành = 2\"); joined into one " +
          "cell. Not a commune row: the LGSP is the province's platform.",
      },
      {
        id: "vb-dien-tu", stt: "7.6.", label: "Số liệu về trao đổi văn bản điện tử", kind: "heading", parent: "chinh-phu-dien-tu",
        required: false,
      },
      {
        id: "tl-lien-thong-qlvb", stt: "7.6.1.",
        label: "Thực hiện kết nối, liên thông các Hệ thống quản lý văn bản điều hành từ cấp tỉnh đến cấp xã",
        kind: "percent", unit: "%", parent: "vb-dien-tu", required: false, levels: NOT_XA,
        note:
          "Unit cell blank; the copy fills it \"100%\" and its \"Trong đó\" sub-items are percentages, so it is an overall connection " +
          "rate (percent), not required. No relation: shares of different bases cannot be summed or bounded. Not a commune row (nor " +
          "its three parts): shares of the province's departments, districts and communes connected; a commune is one of them, and " +
          "the district its row names no longer exists.",
      },
      {
        id: "tl-lien-thong-so", stt: "Trong đó", label: "Tỷ lệ sở, ngành đã kết nối, liên thông với UBND tỉnh", kind: "percent",
        unit: "%", parent: "tl-lien-thong-qlvb", printed: DVT("%"), levels: NOT_XA,
      },
      {
        id: "tl-lien-thong-huyen", stt: "", label: "Tỷ lệ UBND cấp huyện đã kết nối, liên thông với UBND tỉnh", kind: "percent",
        unit: "%", parent: "tl-lien-thong-qlvb", printed: DVT("%"), levels: NOT_XA,
      },
      {
        id: "tl-lien-thong-xa", stt: "", label: "Tỷ lệ UBND cấp xã đã kết nối, liên thông với UBND huyện.", kind: "percent",
        unit: "%", parent: "tl-lien-thong-qlvb", printed: DVT("%"), levels: NOT_XA,
      },
      {
        id: "tong-vb-di", stt: "7.6.2.", label: "Tổng số VĂN BẢN ĐI giữa các cơ quan nhà nước trên địa bàn tỉnh", kind: "count",
        unit: "văn bản", parent: "vb-dien-tu", printed: DVT("Văn bản"),
        note:
          "\"trên địa bàn tỉnh\": a district reports the documents sent by its own agencies (left blank in the copy), a commune those it " +
          "sent. Summed across units; the two shares below are weighted by it.",
      },
      {
        id: "tl-vb-dien-tu", stt: "Trong đó",
        label:
          "Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử (Sử dụng chữ ký số, chứng thư số và gửi trên môi trường điện tử).",
        kind: "percent", unit: "%", parent: "tong-vb-di", printed: DVT("%"),
        rollup: { type: "weighted-mean", weight: "tong-vb-di" },
      },
      {
        id: "tl-vb-dien-tu-va-giay", stt: "",
        label: "Tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử và song song với văn bản giấy", kind: "percent", unit: "%",
        parent: "tong-vb-di", printed: DVT("%"), rollup: { type: "weighted-mean", weight: "tong-vb-di" },
        note:
          "Disjoint from the previous share (electronic only vs electronic with paper), so the two should add up to at most 100%; " +
          "the copy has 100% + 100%. Not expressible as a rule (no constant operand).",
      },
      {
        id: "mot-cua-dien-tu", stt: "7.7.", label: "Vận hành Hệ thống thông tin một cửa điện tử tập trung của tỉnh",
        kind: "heading", parent: "chinh-phu-dien-tu", required: false,
      },
      {
        id: "tl-mcdt-so", stt: "7.7.1.", label: "Tỷ lệ sở, ngành đã kết nối liên thông với Hệ thống", kind: "percent", unit: "%",
        parent: "mot-cua-dien-tu", printed: DVT("%"), levels: NOT_XA, note: "Not a commune row: a share of the departments.",
      },
      {
        id: "tl-mcdt-huyen", stt: "7.7.2.", label: "Tỷ lệ đơn vị cấp huyện đã kết nối liên thông với Hệ thống", kind: "percent",
        unit: "%", parent: "mot-cua-dien-tu", printed: DVT("%"), levels: NOT_XA, note: "Not a commune row: a share of the district-level units.",
      },
      {
        id: "tl-mcdt-xa", stt: "7.7.3.", label: "Tỷ lệ đơn vị cấp xã đã kết nối liên thông với Hệ thống", kind: "percent",
        unit: "%", parent: "mot-cua-dien-tu", printed: DVT("%"),
        note:
          "Kept for communes: a commune answers for itself (100 when its one-stop shop is connected to the province's system, 0 when " +
          "not), so the mean over communes that the rollup computes is the share of communes connected.",
      },
      { id: "dvc-truc-tuyen", stt: "7.8.", label: "Dịch vụ công trực tuyến", kind: "heading", parent: "chinh-phu-dien-tu", required: false },
      {
        id: "tthc-md3", stt: "7.8.1.", label: "Tổng số TTHC cung cấp trực tuyến mức độ 3", kind: "count", unit: "thủ tục",
        parent: "dvc-truc-tuyen", printed: DVT("TTHC"), rollup: { type: "shared", why: SHARED_TTHC },
      },
      {
        id: "tthc-md4", stt: "7.8.2.", label: "Tổng số TTHC cung cấp trực tuyến mức độ 4", kind: "count", unit: "thủ tục",
        parent: "dvc-truc-tuyen", printed: DVT("TTHC"), rollup: { type: "shared", why: SHARED_TTHC },
      },
      {
        id: "tl-hs-md3", stt: "7.8.3.", label: "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 3", kind: "percent", unit: "%",
        parent: "dvc-truc-tuyen", printed: DVT("%"),
        note: "7.8.3-7.8.4: each unit's own records (a commune's, at its one-stop shop); no count of records in the form, so mean across units.",
      },
      {
        id: "tl-hs-md4", stt: "7.8.4.", label: "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 4", kind: "percent", unit: "%",
        parent: "dvc-truc-tuyen", printed: DVT("%"),
      },
    ],
    rules: [
      {
        id: "nv-hoan-thanh-le-de-ra", left: ["nv-hoan-thanh"], op: "<=", right: ["nv-de-ra"], certainty: "usual",
        why: "completed tasks are tasks of the plan, but the plan may be supplemented during the period and tasks of an earlier period's plan may be completed in this one",
        mayDiffer: "kế hoạch có thể được bổ sung nhiệm vụ trong kỳ, và nhiệm vụ của kế hoạch kỳ trước có thể hoàn thành trong kỳ này",
      },
      {
        id: "da-kiem-tra-le-tong", left: ["don-vi-da-kiem-tra"], op: "<=", right: ["tong-don-vi"], certainty: "usual",
        why: "the units inspected are among all units, but the total is a stock at the report date and the inspected a flow over the period: a unit inspected then merged or dissolved counts in one and not the other",
        mayDiffer: "tổng số đơn vị tính tại thời điểm báo cáo, còn số đã kiểm tra tính trong cả kỳ: đơn vị đã được kiểm tra rồi sáp nhập, giải thể trong kỳ vẫn được tính là đã kiểm tra",
      },
      {
        id: "van-de-xu-ly-le-phat-hien", left: ["van-de-da-xu-ly"], op: "<=", right: ["van-de-phat-hien"], certainty: "usual",
        why: "issues resolved were found by inspection, but issues found in an earlier period may be resolved in this one",
        mayDiffer: MAY_DIFFER.carryOver("vấn đề phát hiện qua kiểm tra", "xử lý xong", "kỳ"),
      },
      {
        id: "nv-giao-hoan-thanh-le-giao", left: ["nv-giao-dung-han", "nv-giao-qua-han"], op: "<=", right: ["nv-duoc-giao"],
        certainty: "usual",
        why: "tasks completed on time or late are assigned tasks, but tasks assigned in an earlier period may be completed in this one",
        mayDiffer: MAY_DIFFER.carryOver("nhiệm vụ được giao", "hoàn thành", "kỳ"),
      },
      {
        id: "vbqppl-kien-nghi-le-kiem-tra-ra-soat", left: ["vbqppl-kien-nghi"], op: "<=", right: ["vbqppl-kiem-tra", "vbqppl-ra-soat"],
        certainty: "usual",
        why: "documents recommended for handling come out of checking or review, possibly of an earlier period",
        mayDiffer: MAY_DIFFER.carryOver("văn bản đã kiểm tra, rà soát", "kiến nghị xử lý", "kỳ"),
      },
      {
        id: "vbqppl-da-xu-ly-le-kien-nghi", left: ["vbqppl-da-xu-ly"], op: "<=", right: ["vbqppl-kien-nghi"], certainty: "usual",
        why: "recommendations handled were made, but recommendations of an earlier period may be handled in this one",
        mayDiffer: MAY_DIFFER.carryOver("văn bản có kiến nghị xử lý", "xử lý xong", "kỳ"),
      },
      {
        id: "cong-khai-dvc-qg-le-tong-tthc", left: ["tthc-cong-khai-dvc-qg"], op: "<=", right: ["tong-tthc"], certainty: "usual",
        why: "the procedures published on the national portal are procedures in force (the portal can lag behind a repeal)",
        mayDiffer: "Cổng Dịch vụ công quốc gia cập nhật chậm hơn quyết định công bố của tỉnh và có thể còn thủ tục đã bãi bỏ, thay thế",
      },
      {
        id: "md34-dvc-qg-le-cong-khai", left: ["tthc-md34-dvc-qg"], op: "<=", right: ["tthc-cong-khai-dvc-qg"], certainty: "usual",
        why: "a level 3/4 procedure integrated on the national portal is published there, but the two rows are counted at different moments and from different lists (the national portal lags behind and can list services the province has since changed), as for cong-khai-dvc-qg-le-tong-tthc",
        mayDiffer: "hai số được đếm ở các thời điểm khác nhau và từ các danh sách khác nhau: Cổng Dịch vụ công quốc gia cập nhật chậm và có thể còn liệt kê dịch vụ mà tỉnh đã thay đổi",
      },
      {
        id: "lien-thong-le-mot-cua", left: ["tthc-lien-thong-cung-cap", "tthc-lien-thong-cac-cap"], op: "<=", right: ["tthc-mot-cua"],
        certainty: "usual",
        why: "same-level and cross-level liên thông procedures are distinct parts of the one-stop procedures (the copy: 478 + 9 = 487); but 3.3 is a section title and the form does not say what its number counts",
        mayDiffer: "dòng 3.3 là tiêu đề mục, mẫu không nói số ghi ở dòng này đếm những gì",
      },
      {
        id: "mot-cua-le-tong-tthc", left: ["tthc-mot-cua"], op: "<=", right: ["tong-tthc"], certainty: "usual",
        why: "procedures handled under the one-stop mechanism are procedures in force; but 3.3 is a section title and the form does not say what its number counts",
        mayDiffer: "dòng 3.3 là tiêu đề mục, mẫu không nói số ghi ở dòng này đếm những gì",
      },
      {
        id: "tich-hop-dvc-le-tong-tthc", left: ["tthc-tich-hop-dvc"], op: "<=", right: ["tong-tthc"], certainty: "usual",
        why: "procedures integrated on the portal are procedures in force (the portal can lag behind a repeal)",
        mayDiffer: "Cổng dịch vụ công có thể còn thủ tục đã bãi bỏ, thay thế, và được cập nhật ở thời điểm khác với tổng số thủ tục đang có hiệu lực",
      },
      {
        id: "md34-dvc-le-tich-hop", left: ["tthc-md34-dvc"], op: "<=", right: ["tthc-tich-hop-dvc"], certainty: "usual",
        why: "a procedure offered at level 3/4 on the portal is integrated on the portal, but the two rows are counted at different moments and from different lists (the catalogue of online services, the portal's list)",
        mayDiffer: "số thủ tục cung cấp mức độ 3, 4 và số thủ tục đã tích hợp lên Cổng được đếm ở các thời điểm khác nhau và từ các danh sách khác nhau (danh mục dịch vụ công trực tuyến của tỉnh và danh sách trên Cổng)",
      },
      {
        id: "thanh-toan-le-md34", left: ["tthc-thanh-toan-tt"], op: "<=", right: ["tthc-md34-dvc"], certainty: "usual",
        why: "online payment is offered on procedures provided online at level 3/4",
        mayDiffer: "thanh toán trực tuyến có thể được tích hợp cả cho thủ tục chưa cung cấp trực tuyến mức độ 3, 4 (chỉ nộp phí, lệ phí trực tuyến)",
      },
      {
        id: "md34-dvc-qg-le-md34-dvc", left: ["tthc-md34-dvc-qg"], op: "<=", right: ["tthc-md34-dvc"], certainty: "usual",
        why: "level 3/4 procedures reach the national portal through the province's portal",
        mayDiffer: "thủ tục có thể được tích hợp thẳng lên Cổng Dịch vụ công quốc gia, và hai cổng được cập nhật ở các thời điểm khác nhau",
      },
      {
        id: "md3-md4-bang-md34-dvc", left: ["tthc-md3", "tthc-md4"], op: "=", right: ["tthc-md34-dvc"], certainty: "usual",
        why: "7.8.1 + 7.8.2 and 3.5.2 count the same level 3 and 4 online procedures (the copy: 5 + 79 = 84)",
        mayDiffer: "mục 7.8 và mục 3.5.2 có thể được thống kê ở các thời điểm khác nhau và từ các danh sách khác nhau (danh mục dịch vụ công trực tuyến, danh sách trên Cổng)",
      },
      {
        id: "bien-che-co-mat-le-giao", left: ["bien-che-co-mat"], op: "<=", right: ["bien-che-giao"], certainty: "usual",
        why: "staff in post normally do not exceed the staffing assigned (two measures of one thing, not a subset)",
        mayDiffer: MAY_DIFFER.surplusStaff,
      },
      {
        id: "nlv-co-mat-le-giao", left: ["nlv-co-mat"], op: "<=", right: ["nlv-giao"], certainty: "usual",
        why: "employees in post normally do not exceed the positions assigned",
        mayDiffer: MAY_DIFFER.surplusStaff,
      },
      {
        id: "vtvl-sncl-le-tong-sncl", left: ["vtvl-don-vi-sn"], op: "<=",
        right: ["sncl-tu-chu-chi-tx-dt", "sncl-tu-chu-chi-tx", "sncl-tu-chu-mot-phan", "sncl-nn-dam-bao"], certainty: "usual",
        why: "units with approved job positions are public service units, which 6.1-6.4 count by their four autonomy categories",
        mayDiffer: "mục 6.1-6.4 đếm đơn vị sự nghiệp đã thực hiện tự chủ (lũy kế), còn mục 5.1.2 có thể tính cả đơn vị đã được phê duyệt vị trí việc làm nhưng chưa được giao tự chủ, hoặc đã sáp nhập, giải thể",
      },
      {
        id: "ky-luat-lanh-dao-le-tong", left: ["kl-lanh-dao-tinh", "kl-lanh-dao-so-huyen", "kl-lanh-dao-phong"], op: "<=",
        right: ["ky-luat"], certainty: "usual",
        why: "leaders disciplined at the three levels are distinct people among the cadres and civil servants disciplined; but 5.4 is a section title and the form does not say what its number counts",
        mayDiffer: "dòng 5.4 là tiêu đề mục, mẫu không nói số ghi ở dòng này đếm những gì",
      },
    ],
    notes: [
      "Title kept as printed, \"… QUÝ I NĂM 2021\": the quarter and year are the period of this copy (Kbang, Q1 2021), not part of " +
        "the form, which the label header says is used for quarterly, 6-month and annual reports. The value column \"Số liệu\" " +
        "therefore has no fixed period; the period is given when a template is made.",
      "attachedTo: printed \"(Kèm theo Báo cáo số 84/BC-UBND ngày 10/3/2021 của UBND huyện)\"; number, date and the reporting unit's " +
        "level blanked (\"của UBND …\"): the line names the unit whose report the form is attached to, a province, district or commune. The report " +
        "itself is dated \"ngày 10 tháng 3 năm 2020\" in its heading, an evident slip for 2021 (it reports on Q1 2021).",
      "Levels tinh, huyen and xa: the form is the province's periodic statistics template (rows on sở, ngành, UBND tỉnh, \"cấp tỉnh\", " +
        "\"trên địa bàn tỉnh\") filled here by a district; provincial departments and the province fill it too. The 2021 document " +
        "reports on communes through the district, but since 1/7/2025 (two levels of local government) the 3,321 communes report " +
        "their periodic CCHC statistics straight to the province on the province's template, this form: xa is a level. Rows about " +
        "department-level procedures, department leaders and provincial leaders that the district leaves blank are tinh-only; " +
        "rows about sở, ngành that the district did fill (3.4.1, 7.6.1, 7.7.1) are kept for tinh and huyen.",
      "Rows that are not commune rows (levels tinh + huyen, each with its reason): 2.2 (checking other bodies' documents), Số TTHC " +
        "cấp huyện, 3.4.1-3.4.2 (records of departments and district People's Committees), 5.2.3 (transfer decided by the receiving " +
        "level), 5.3.4, 5.4.2-5.4.3 (leaders of departments and districts), and in section 7 the province-wide systems and shares " +
        "(7.1, 7.2, 7.3, the chứng thư số share, 7.5, 7.6.1 with its parts, 7.7.1-7.7.2). Everything else is a commune row: its plan " +
        "and inspections of its own offices and units (1.x), its legal documents (2.1, 2.3-2.5), the commune-level procedures and its " +
        "one-stop shop (3.1-3.3, 3.5, 7.8.1-7.8.2), its records (3.4.3-3.4.5, 7.8.3-7.8.4), its staff and public service units " +
        "(4.x, 5.x, 6.x), the documents it sent (7.6.2), its connection to the one-stop system (7.7.3).",
      "Convention: yes/no answers coded 0/1 in \"Đơn vị tính\" (1.5, 5.3.1, 7.1) are flag01, 1 = yes/done; the schema lets only " +
        "coded rows carry `codes`, so their labels are the printed unit text. Three-way codes (1.4.2, 7.2, 7.3, 7.5) are coded.",
      "Section 2 is printed \"Cải cách thủ tục\" but covers institutional reform (VBQPPL); kept as printed (row note).",
      "Broken numbering kept as printed: 4 → 4.2 (no 4.1); around 7.2-7.5 the STT \"7.3.\" stands on the italic explanation line " +
        "\"Liên thông 3 cấp …\" of 7.2, the rows \"Hệ thống thông tin báo cáo …\" (7.3 in meaning) and \"Tỷ lệ … chứng thư số\" (7.4 " +
        "in meaning) have no STT, and 7.5 follows. The two italic lines are rows without input carrying the codes \"2 cấp = 1\" and " +
        "\"3 cấp = 2\" of 7.2.",
      "STT punctuation is inconsistent in the original (\"1.2.1\" vs \"1.2.3.\", \"4\" vs \"5.\"); kept as printed.",
      "Section titles holding a number in the copy: 3.3 (487) and 5.4 (0) are value rows, not required, tied to their sub-items " +
        "by usual rules only (a section title defines no whole); 7.6.1 (100%) is a percent value row. 3.2 and 3.5 share the title " +
        "\"Vận hành Cổng dịch vụ công\".",
      "Errors and warnings: the only error-level check between rows is 3.1.3 = cấp sở + cấp huyện + cấp xã (cấp sở does not exist " +
        "at district level and is then left out of the sum). Every other rule compares figures a correct report can count at " +
        "different moments or from different lists, and is a warning saying so (mayDiffer).",
      "Counts of procedures (3.1-3.3, 3.5, 7.8.1-7.8.2) roll up as shared: every district applies the province's district- and " +
        "commune-level lists, every commune the province's commune-level list, so the units of one level report one common number " +
        "(a commune's 3.1.3 is its cấp xã, see that row). This holds for copies from districts and from communes alike; copies from " +
        "provincial departments, each with its own procedures, would have to be summed instead (the schema has one rollup per row, " +
        "not per level; no department copy is consolidated by this project).",
      "Rollup across communes (a province consolidating its communes' copies), checked row by row: the shared procedure counts stay " +
        "shared (one provincial list of commune-level procedures); what each commune counts of its own — tasks, inspections, legal " +
        "documents, staff, public service units, recruitments, disciplined staff, documents sent — is summed (the default for counts); " +
        "yes/no and coded answers are counted per unit; rates without a numerator in the form (3.3.3-3.4.5, 7.7.3, 7.8.3-7.8.4) are " +
        "the unweighted mean, marked approximate; the two shares of 7.6.2 are weighted by the documents sent, the reductions since " +
        "2015 by the staffing assigned. No row needs another method for communes than for districts, so the schema's one rollup per " +
        "row holds; rows that are not commune rows are not consolidated from communes (the consolidating unit fills them).",
      "Percentages whose numerator or denominator is not in the form (3.3.3-3.4.5, 7.6.1 and its parts, 7.7, 7.8.3-7.8.4) roll up " +
        "as an unweighted mean; the two shares of 7.6.2 are weighted by the documents sent (7.6.2); the reductions since 2015 " +
        "(4.2.5, 4.3.4) by the staffing assigned, an approximation of their 2015 base.",
    ],
  },
];
