/**
 * What the families share in their checks: the reasons shown to the user when a correct report
 * breaks a usual rule (`mayDiffer`, Vietnamese, completing "… nhưng số liệu đúng vẫn có thể khác
 * vì …"), and the rules on the total of legal documents, which the district (seed 000) and province
 * (seed 001) review forms define alike. One place, so that the level variants of a form cannot
 * drift apart (see "Errors and warnings" in ../schema).
 */
import type { FormInput } from "../schema";

type RuleInput = NonNullable<FormInput["rules"]>[number];

/** Why a correct report may break a usual rule, shown to the user. */
export const MAY_DIFFER = {
  /** Handled in the period ≤ found/received in the period: "(what) từ năm trước có thể được (done) trong năm nay". */
  carryOver: (what: string, done: string, period: "năm" | "kỳ" = "năm") =>
    `${what} từ ${period} trước có thể được ${done} trong ${period === "năm" ? "năm nay" : "kỳ này"}`,
  /** Staff present ≤ quota. */
  surplusStaff:
    "đơn vị có thể còn người dôi dư chờ tinh giản, sắp xếp (sau khi sáp nhập, hợp nhất), nên số có mặt vượt số được giao",
  /** A one-stop shop receives procedures of its own level. */
  otherLevels: (shop: string) =>
    `${shop} có thể tiếp nhận cả thủ tục của cấp khác theo cơ chế liên thông`,
  simplifiedThenRepealed:
    "thủ tục được đơn giản hóa rồi bãi bỏ, thay thế trong năm vẫn được đếm là đã đơn giản hóa nhưng không còn trong tổng số thủ tục đang có hiệu lực",
  publishedNotInForce:
    "trang thông tin điện tử có thể còn đăng thủ tục đã bãi bỏ, và số thủ tục đã công khai có thể được đếm ở thời điểm khác với tổng số",
  foundOtherwise:
    "văn bản trái pháp luật có thể được phát hiện qua kênh khác ngoài kiểm tra theo thẩm quyền (phản ánh, kiến nghị, cấp trên kiểm tra), hoặc văn bản kiểm tra năm trước được kết luận trong năm nay",
  /** Until 1/7/2016 UBND directives were legal documents too. */
  directivesBefore2016:
    "trước ngày 1/7/2016 (ngày Luật Ban hành văn bản quy phạm pháp luật năm 2015 có hiệu lực), chỉ thị của Ủy ban nhân dân cũng là văn bản quy phạm pháp luật nhưng mẫu không có dòng cho loại văn bản này",
};

/** The year columns from which every local legal document is of a type the form lists. */
const UNDER_LAW_2015 = ["y2017", "y2018", "y2019", "y2020q1"];
const BEFORE_LAW_2015 = ["y2015", "y2016"];

/**
 * "Tổng số văn bản quy phạm pháp luật (VBQPPL) chủ trì soạn thảo đã được ban hành" (Phụ lục 2,
 * item 1) against its types, in both level variants:
 * - the types are distinct parts of the total, so together they never exceed it (error);
 * - from 1/7/2016 (Law 80/2015/QH13) the local legal documents are exactly the resolutions of the
 *   People's Councils and the decisions of the People's Committees the form lists, so from 2017 on
 *   the total is their sum (error);
 * - in 2015 and 2016, under the Law of 2004, UBND directives (chỉ thị) were legal documents too and
 *   the form has no row for them: a total above the types is a warning.
 * The checks sit at the total, like a sum's.
 */
export function documentTotalRules(total: string, types: string[]): RuleInput[] {
  return [
    {
      id: "tong-ge-loai",
      left: [total],
      op: ">=",
      right: types,
      certainty: "certain",
      why: "The document types are distinct parts of the total: one document has one type.",
    },
    {
      id: "tong-le-loai-tu-2017",
      left: [total],
      op: "<=",
      right: types,
      certainty: "certain",
      columns: UNDER_LAW_2015,
      why: "From 1/7/2016 the local VBQPPL are exactly the listed resolutions (HĐND) and decisions (UBND) of each level, so the years 2017 on add up.",
    },
    {
      id: "tong-le-loai-2015-2016",
      left: [total],
      op: "<=",
      right: types,
      certainty: "usual",
      columns: BEFORE_LAW_2015,
      why: "Until 1/7/2016 (Law of 2004 on the legal documents of HĐND and UBND) UBND directives were VBQPPL too, and the form has no row for them.",
      mayDiffer: MAY_DIFFER.directivesBefore2016,
    },
  ];
}
