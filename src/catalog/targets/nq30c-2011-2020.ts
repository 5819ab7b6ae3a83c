/**
 * 2020 targets: the 16 goals of "Phụ lục 8 — Đánh giá mức độ thực hiện các mục tiêu cải cách hành
 * chính nhà nước" of the 2011-2020 review, in its three printed copies, split into sub-targets.
 *
 * - district copy (huyện): seed 000, Phụ lục 8, lines 266-283, rated in form tk2011-2020.huyen.pl8;
 * - commune copy (xã): seed 002, Phụ lục 3, lines 186-203, rated in form tk2011-2020.xa.pl3;
 * - province copy (tỉnh): seed 001, Phụ lục 8, lines 2097-2356, rated in form tk2011-2020.tinh.pl8.
 * The commune and province copies print the national wording; the district copy drops clauses of
 * goals 11, 12 and 13 and adapts goal 9 (see `DIFFERENCES` below). A copy's sub-targets are checked
 * on the reports of its level (`levels`); a clause about another level (goal 13: work files at
 * ministry/province, district and commune level) carries `about`.
 *
 * Origin: goals 1-9 are the 2020 objectives of Nghị quyết 30c/NQ-CP ngày 08/11/2011 (which seeds 000
 * line 13 and 001 line 37 name as the programme reviewed); goals 10-16 are 2019-2020 e-government
 * targets (issue #5: "the 2019-2020 e-government resolution"). The seeds do not print the number of
 * that resolution; it is not cited here.
 *
 * Sub-targets: one per number stated, plus one "qualitative" sub-target per clause without a number
 * (so that a goal is only suggested Đạt when all of it is measured). A bare figure ("90% các văn
 * bản …", "100% cơ quan …") is a level to reach: ">=". Every wording is a verbatim substring of the
 * goal as printed in the copy (checked by test/core/targets.test.ts).
 *
 * Metrics: a row of the same review's statistics appendices only where it measures the clause itself:
 *   goals 2 and 5 (satisfaction > 80%) ← PL1 "Mức độ hài lòng chung" (the satisfaction measured by
 *     the surveys of item 6 "Đo lường sự hài lòng của người dân, tổ chức", which are the SIPAS-type
 *     surveys of administrative services, i.e. of the handling of procedures);
 *   goals 8 and 13 (90% of documents exchanged electronically) ← PL7 "Tỷ lệ văn bản hành chính được
 *     trao đổi dưới dạng điện tử";
 *   goal 11 (100% of records through the one-stop information system) ← PL7 "Tỷ lệ hồ sơ giải quyết
 *     qua hệ thống một cửa điện tử".
 * The province fills its own family. Communes fill the district family's PL1/PL7 (levels huyen + xa)
 * only where a district plan asks them to (seed 000 asks its communes for "số liệu tại các phụ lục");
 * a commune's own review (seed 002) has only its Phụ lục 3. So the commune copy's metrics are
 * `formOptional`: a commune report without PL1/PL7 gets "cần tự đánh giá" for these clauses, never
 * "no data: Phụ lục 1 is missing"; a commune (or a rollup of communes) that sent PL1/PL7 is measured.
 * Everything else has no row that measures it (metric null → "cần tự đánh giá"); notes say which
 * nearby rows were considered and why they do not measure the clause.
 *
 * Areas are this project's classification by the areas of the later programme (the 2011-2020
 * programme groups goals 5-6 under the reform of the administrative apparatus).
 */
import type { Area, Comparator, Metric, TargetInput } from "./schema";
import type { Level } from "../schema";

type Copy = "huyen" | "xa" | "tinh";

interface CopyInfo {
  level: Level;
  seed: string;
  document: string;
  section: string;
  ratingForm: string;
  /** Row id of goal n (1-based) in the rating form. */
  rows: string[];
  lines: string[];
  /** Units of this level fill the metrics' forms only under some plans (see the header): `formOptional`. */
  metricFormsOptional?: boolean;
}

const HUYEN_ROWS = [
  "mt01-tthc-gon-nhe",
  "mt02-hai-long-tthc",
  "mt03-sap-xep-bo-may",
  "mt04-chuyen-giao-xa-hoi",
  "mt05-hai-long-hanh-chinh",
  "mt06-hai-long-su-nghiep",
  "mt07-doi-ngu-cbccvc",
  "mt08-van-ban-dien-tu",
  "mt09-ket-noi-cong-ttdt",
  "mt10-dinh-danh-dien-tu",
  "mt11-ho-so-truc-tuyen",
  "mt12-dvc-muc-4",
  "mt13-truc-lien-thong",
  "mt14-bao-cao-dinh-ky",
  "mt15-rut-ngan-hop",
  "mt16-mang-truyen-so-lieu",
];
const NATIONAL_ROWS = [
  "tthc-giam-chi-phi",
  "hai-long-tthc",
  "sap-xep-to-chuc",
  "chuyen-giao-xa-hoi",
  "hai-long-hanh-chinh",
  "hai-long-su-nghiep-cong",
  "doi-ngu-cong-chuc",
  "van-ban-dien-tu-2020",
  "ket-noi-cong-ttdt",
  "dinh-danh-dien-tu",
  "ho-so-truc-tuyen",
  "dvc-muc-do-4",
  "lien-thong-van-ban",
  "bao-cao-dinh-ky",
  "hop-khong-giay",
  "mang-truyen-so-lieu",
];

const COPIES: Record<Copy, CopyInfo> = {
  huyen: {
    level: "huyen",
    seed: "000_4e2d107fc3b0667a.txt",
    document: "Kế hoạch số 41/KH-UBND ngày 27/3/2020 của UBND huyện (Gia Lai) tổng kết Chương trình CCHC 2011-2020",
    section: "Phụ lục 8",
    ratingForm: "tk2011-2020.huyen.pl8",
    rows: HUYEN_ROWS,
    // goal n is printed on line lines[n-1] (goal 8 runs over 273-275, split by a page break)
    lines: ["266", "267", "268", "269", "270", "271", "272", "273-275", "276", "277", "278", "279", "280", "281", "282", "283"],
  },
  xa: {
    level: "xa",
    seed: "002_08936da748c34128.txt",
    document: "Báo cáo chuyên đề về cải cách thủ tục hành chính của UBND xã Quảng Nhâm (huyện A Lưới, Thừa Thiên Huế)",
    section: "Phụ lục 3",
    ratingForm: "tk2011-2020.xa.pl3",
    rows: NATIONAL_ROWS,
    metricFormsOptional: true,
    lines: ["186", "187", "188", "189", "190", "191", "192", "193", "194", "197", "198", "199", "200", "201", "202", "203"],
  },
  tinh: {
    level: "tinh",
    seed: "001_b611e8a364390cea.txt",
    document: "Kế hoạch tổng kết thực hiện Chương trình tổng thể CCHC nhà nước giai đoạn 2011 - 2020 tỉnh Bình Định (2020)",
    section: "Phụ lục 8",
    ratingForm: "tk2011-2020.tinh.pl8",
    rows: NATIONAL_ROWS,
    lines: [
      "2120-2130",
      "2132-2140",
      "2142-2150",
      "2152-2160",
      "2162-2166",
      "2168-2176",
      "2178-2188",
      "2190-2225",
      "2227-2235",
      "2237-2247",
      "2249-2263",
      "2265-2309",
      "2311-2331",
      "2333-2341",
      "2343-2351",
      "2353-2356",
    ],
  },
};

/** Rows that measure a clause, per copy (communes fill the district family's appendices). */
const METRICS = {
  "hai-long": {
    huyen: { type: "row", form: "tk2011-2020.huyen.pl1", row: "muc-do-hai-long" },
    xa: { type: "row", form: "tk2011-2020.huyen.pl1", row: "muc-do-hai-long" },
    tinh: { type: "row", form: "tk2011-2020.tinh.pl1", row: "muc-do-hai-long" },
  },
  "vb-dien-tu": {
    huyen: { type: "row", form: "tk2011-2020.huyen.pl7", row: "tl-vb-dien-tu" },
    xa: { type: "row", form: "tk2011-2020.huyen.pl7", row: "tl-vb-dien-tu" },
    tinh: { type: "row", form: "tk2011-2020.tinh.pl7", row: "tl-van-ban-dien-tu" },
  },
  "mot-cua-dien-tu": {
    huyen: { type: "row", form: "tk2011-2020.huyen.pl7", row: "tl-ho-so-mot-cua-dien-tu" },
    xa: { type: "row", form: "tk2011-2020.huyen.pl7", row: "tl-ho-so-mot-cua-dien-tu" },
    tinh: { type: "row", form: "tk2011-2020.tinh.pl7", row: "tl-ho-so-mot-cua-dt" },
  },
} satisfies Record<string, Record<Copy, Metric>>;
type MetricKey = keyof typeof METRICS;

interface Clause {
  /** Id suffix. */
  key: string;
  /** Verbatim clause; per copy when the copies differ. A copy missing from the record does not print the clause. */
  wording: string | Partial<Record<Copy, string>>;
  comparator: Comparator;
  threshold?: number;
  range?: { min: number; max: number };
  change?: TargetInput["change"];
  unit?: string;
  year?: TargetInput["year"];
  about?: Level;
  metric?: MetricKey;
  note?: string;
}

interface Goal {
  n: number;
  area: Area;
  clauses: Clause[];
  /** Notes about the goal as a whole (copied to every sub-target). */
  note?: string;
}

const NAT = (text: string) => ({ xa: text, tinh: text });

const GOALS: Goal[] = [
  {
    n: 1,
    area: "Cải cách TTHC",
    clauses: [
      {
        key: "gon-nhe",
        wording: "Thủ tục hành chính liên quan đến cá nhân, tổ chức được cải cách cơ bản theo hướng gọn nhẹ, đơn giản",
        comparator: "qualitative",
        unit: "",
      },
      {
        key: "giam-chi-phi",
        wording:
          "mỗi năm đều có tỷ lệ giảm chi phí mà cá nhân, tổ chức phải bỏ ra khi giải quyết thủ tục hành chính tại cơ quan hành chính nhà nước",
        comparator: "change-vs-baseline",
        change: { direction: "decrease", by: 0, as: "percent", strict: true, baselineYear: "previous-year" },
        year: "yearly",
        note: "\"mỗi năm đều có tỷ lệ giảm chi phí\": a decrease (> 0) every year against the year before. No form has a row for the cost of procedures: self-assessment.",
      },
    ],
  },
  {
    n: 2,
    area: "Cải cách TTHC",
    clauses: [
      {
        key: "hai-long",
        wording:
          "Thủ tục hành chính được cải cách cơ bản, mức độ hài lòng của nhân dân và doanh nghiệp về thủ tục hành chính đạt mức trên 80% vào năm 2020",
        comparator: ">",
        threshold: 80,
        metric: "hai-long",
        note: "\"trên 80%\": > 80. One sub-target: the satisfaction figure is how the goal measures \"được cải cách cơ bản\". Measured by PL1 \"Mức độ hài lòng chung\" (the surveys of item 6 are of administrative services, i.e. the handling of procedures); the same row measures goal 5.",
      },
    ],
  },
  {
    n: 3,
    area: "Tổ chức bộ máy",
    clauses: [
      {
        key: "sap-xep",
        wording: {
          huyen:
            "Sắp xếp, tổ chức lại các cơ quan, đơn vị để không còn sự chồng chéo, bỏ trống hoặc trùng lắp về chức năng, nhiệm vụ, quyền hạn",
          tinh: "Sắp xếp, tổ chức lại các cơ quan, đơn vị để không còn sự chồng chéo, bỏ trống hoặc trùng lắp về chức năng, nhiệm vụ, quyền hạn",
          xa: "Sắp xếp, tổ chức lại các cơ quan, đơn vị để không còn sự chồng chéo, bỏ trống hoặc trùng lặp về chức năng, nhiệm vụ, quyền hạn",
        },
        comparator: "qualitative",
        unit: "",
        note: "No figure. The commune copy prints \"trùng lặp\", the district and province copies \"trùng lắp\" (kept).",
      },
    ],
  },
  {
    n: 4,
    area: "Tổ chức bộ máy",
    clauses: [
      {
        key: "chuyen-giao",
        wording:
          "Chuyển giao những công việc mà cơ quan hành chính nhà nước không nên làm hoặc làm hiệu quả thấp cho xã hội, các tổ chức xã hội, tổ chức phi chính phủ đảm nhận",
        comparator: "qualitative",
        unit: "",
      },
    ],
  },
  {
    n: 5,
    area: "Tổ chức bộ máy",
    clauses: [
      {
        key: "hai-long",
        wording:
          "Sự hài lòng của cá nhân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước đạt mức trên 80% vào năm 2020",
        comparator: ">",
        threshold: 80,
        metric: "hai-long",
        note: "\"trên 80%\": > 80. Measured by PL1 \"Mức độ hài lòng chung\" (satisfaction with the service of administrative agencies, item 6 of PL1).",
      },
    ],
  },
  {
    n: 6,
    area: "Tổ chức bộ máy",
    clauses: [
      {
        key: "hai-long-giao-duc-y-te",
        wording:
          "Sự hài lòng của cá nhân đối với dịch vụ do đơn vị sự nghiệp công cung cấp trong các lĩnh vực giáo dục, y tế đạt mức trên 80% vào năm 2020",
        comparator: ">",
        threshold: 80,
        note: "\"trên 80%\": > 80. No row measures satisfaction with education and health services (PL1 measures the administrative services surveyed): self-assessment.",
      },
    ],
  },
  {
    n: 7,
    area: "Công chức công vụ",
    clauses: [
      {
        key: "doi-ngu",
        wording:
          "Đội ngũ công chức, viên chức có số lượng, cơ cấu hợp lý, đủ trình độ và năng lực thi hành công vụ, phục vụ nhân dân và phục vụ sự nghiệp phát triển của đất nước",
        comparator: "qualitative",
        unit: "",
      },
      {
        key: "vi-tri-viec-lam",
        wording: "100% các cơ quan, đơn vị có cơ cấu công chức theo vị trí việc làm",
        comparator: ">=",
        threshold: 100,
        note: "Bare \"100%\": a level to reach (≥ 100). PL5 counts staff, not agencies with a job-position structure: self-assessment.",
      },
    ],
  },
  {
    n: 8,
    area: "Chính phủ điện tử/số",
    clauses: [
      {
        key: "van-ban-dien-tu",
        wording:
          "90% các văn bản, tài liệu chính thức trao đổi giữa các cơ quan hành chính nhà nước được thực hiện dưới dạng điện tử",
        comparator: ">=",
        threshold: 90,
        metric: "vb-dien-tu",
        note: "\"Đến năm 2020: 90% …\": a level to reach (≥ 90). Measured by PL7 \"Tỷ lệ văn bản hành chính được trao đổi dưới dạng điện tử\".",
      },
      {
        key: "thu-dien-tu",
        wording: "cán bộ, công chức, viên chức thường xuyên sử dụng hệ thống thư điện tử trong công việc",
        comparator: "qualitative",
        unit: "",
        note: "No figure. PL7 \"Tỷ lệ công chức có hộp thư điện tử\" is evidence (having a mailbox), not regular use: self-assessment.",
      },
      {
        key: "du-lieu-dien-tu",
        wording: "bảo đảm dữ liệu điện tử phục vụ hầu hết các hoạt động trong các cơ quan",
        comparator: "qualitative",
        unit: "",
        note: "\"hầu hết\" (most): no figure.",
      },
      {
        key: "giao-dich-dien-tu",
        wording:
          "hầu hết các giao dịch của các cơ quan hành chính nhà nước được thực hiện trên môi trường điện tử, mọi lúc, mọi nơi, dựa trên các ứng dụng truyền thông đa phương tiện",
        comparator: "qualitative",
        unit: "",
        note: "\"hầu hết\" (most): no figure.",
      },
      {
        key: "dvc-muc-3-4",
        wording:
          "hầu hết các dịch vụ công được cung cấp trực tuyến trên Mạng thông tin điện tử hành chính ở mức độ 3 và 4, đáp ứng nhu cầu thực tế, phục vụ người dân và doanh nghiệp mọi lúc, mọi nơi, dựa trên nhiều phương tiện khác nhau",
        comparator: "qualitative",
        unit: "",
        note: "\"hầu hết\" (most): no figure. PL7 counts level 3-4 services but not the services offered in all.",
      },
    ],
  },
  {
    n: 9,
    area: "Chính phủ điện tử/số",
    clauses: [
      {
        key: "ket-noi-cong",
        wording: {
          huyen:
            "Trang thông tin điện tử huyện hoàn thành việc kết nối với Cổng Thông tin điện tử của tỉnh, hình thành đầy đủ Mạng thông tin điện tử hành chính trên Internet",
          ...NAT(
            "Các trang tin, cổng thông tin điện tử hoàn thành việc kết nối với Cổng Thông tin điện tử Chính phủ, hình thành đầy đủ Mạng thông tin điện tử hành chính trên Internet",
          ),
        },
        comparator: "qualitative",
        unit: "",
        note: "No figure. The district copy adapts the national wording (district website → provincial portal); the province and commune copies keep it (websites → Government portal).",
      },
    ],
  },
  {
    n: 10,
    area: "Chính phủ điện tử/số",
    clauses: [
      {
        key: "dinh-danh",
        wording:
          "20% số lượng người dân và doanh nghiệp tham gia hệ thống thông tin Chính quyền điện tử được xác thực định danh điện tử thông suốt và hợp nhất trên tất cả các hệ thống thông tin của các cơ quan",
        comparator: ">=",
        threshold: 20,
        note: "Bare \"20%\": a level to reach (≥ 20). No row counts authenticated users: self-assessment.",
      },
    ],
  },
  {
    n: 11,
    area: "Chính phủ điện tử/số",
    clauses: [
      {
        key: "ho-so-truc-tuyen",
        wording: {
          huyen: "Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết thủ tục hành chính đạt từ 20% trở lên",
          ...NAT(
            "Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết thủ tục hành chính của từng bộ, ngành đạt từ 20% trở lên",
          ),
        },
        comparator: ">=",
        threshold: 20,
        note: "\"từ 20% trở lên\": ≥ 20. The 2011-2020 forms have no share of records handled online (PL7 item \"Tỷ lệ dịch vụ công trực tuyến mức độ 3, mức độ 4 có phát sinh hồ sơ\" is a share of services, not of records): self-assessment.",
      },
      {
        key: "tich-hop-dvc-qg",
        wording: NAT(
          "tích hợp 30% các dịch vụ công trực tuyến mức độ 3, 4 của các bộ, ngành, địa phương với Cổng Dịch vụ công quốc gia",
        ),
        comparator: ">=",
        threshold: 30,
        note: "Province and commune copies only (the district copy drops it). Bare \"30%\": ≥ 30. No row: self-assessment.",
      },
      {
        key: "mot-cua-dien-tu",
        wording: "100% hồ sơ giải quyết thủ tục hành chính được thực hiện thông qua Hệ thống thông tin một cửa điện tử",
        comparator: ">=",
        threshold: 100,
        metric: "mot-cua-dien-tu",
        note: "Bare \"100%\": ≥ 100. Measured by PL7 \"Tỷ lệ hồ sơ giải quyết qua hệ thống một cửa điện tử\".",
      },
    ],
  },
  {
    n: 12,
    area: "Chính phủ điện tử/số",
    note: "Only the first clause says \"Tối thiểu\"; the other bare percentages are read as levels to reach (≥). None has a row in the 2011-2020 forms (PL7 counts level 3-4 services together, not level 4 alone): all self-assessment.",
    clauses: [
      { key: "dvc-muc-4", wording: "Tối thiểu 30% dịch vụ công trực tuyến thực hiện ở mức độ 4", comparator: ">=", threshold: 30 },
      {
        key: "cong-dvc-di-dong",
        wording: NAT("50% Cổng Dịch vụ công cấp tỉnh cung cấp giao diện cho các thiết bị di động"),
        comparator: ">=",
        threshold: 50,
        about: "tinh",
        note: "Province and commune copies only; about the provincial portal.",
      },
      {
        key: "ho-tro-giai-dap",
        wording: "100% dịch vụ công được hỗ trợ giải đáp thắc mắc cho người dân, doanh nghiệp",
        comparator: ">=",
        threshold: 100,
      },
      {
        key: "cong-khai-hai-long",
        wording: "50% cơ quan nhà nước công khai mức độ hài lòng của người dân khi sử dụng dịch vụ công trực tuyến",
        comparator: ">=",
        threshold: 50,
      },
      {
        key: "cong-khai-nd43",
        wording: {
          huyen:
            "100% Trang thông tin điện tử công khai thông tin đầy đủ theo quy định tại Nghị định số 43/2011/NĐ-CP ngày 13/6/2011 của Chính phủ",
          ...NAT(
            "100% Cổng Thông tin điện tử công khai thông tin đầy đủ theo quy định tại Nghị định số 43/2011/NĐ-CP ngày 13 tháng 6 năm 2011 của Chính phủ",
          ),
        },
        comparator: ">=",
        threshold: 100,
      },
      {
        key: "chu-ky-so-di-dong",
        wording: NAT("20% dịch vụ công trực tuyến sử dụng chữ ký số trên nền tảng di động để thực hiện thủ tục hành chính"),
        comparator: ">=",
        threshold: 20,
        note: "Province and commune copies only.",
      },
      { key: "ho-so-dien-tu", wording: "50% dịch vụ công trực tuyến xử lý bằng hồ sơ điện tử", comparator: ">=", threshold: 50 },
      {
        key: "tu-dong-nhap",
        wording: "20% thông tin của người dân được tự động nhập vào biểu mẫu trực tuyến",
        comparator: ">=",
        threshold: 20,
      },
      {
        key: "csdl-dang-ky-dn",
        wording: "50% dịch vụ công trực tuyến sử dụng dữ liệu từ Cơ sở dữ liệu quốc gia về Đăng ký doanh nghiệp",
        comparator: ">=",
        threshold: 50,
      },
    ],
  },
  {
    n: 13,
    area: "Chính phủ điện tử/số",
    clauses: [
      {
        key: "truc-lien-thong",
        wording:
          "100% phần mềm quản lý văn bản và điều hành của các bộ, ngành được kết nối, liên thông qua Trục liên thông văn bản quốc gia phục vụ gửi, nhận văn bản điện tử",
        comparator: ">=",
        threshold: 100,
        note: "Bare \"100%\": ≥ 100. PL7 counts the units connected to the national document axis but not the units that should be: self-assessment.",
      },
      {
        key: "van-ban-dien-tu",
        wording: "90% văn bản trao đổi giữa các cơ quan nhà nước (trừ văn bản mật theo quy định của pháp luật) dưới dạng điện tử",
        comparator: ">=",
        threshold: 90,
        metric: "vb-dien-tu",
        note: "Bare \"90%\": ≥ 90. Measured by PL7 \"Tỷ lệ văn bản hành chính được trao đổi dưới dạng điện tử\" (the same figure as goal 8).",
      },
      {
        key: "ho-so-cong-viec-tinh",
        wording: NAT("tối thiểu 80% hồ sơ công việc tại cấp bộ, cấp tỉnh"),
        comparator: ">=",
        threshold: 80,
        about: "tinh",
        note: "\"tối thiểu\" governs the three figures; \"… được xử lý trên môi trường mạng\" ends the sentence. Province and commune copies only. No row: self-assessment.",
      },
      {
        key: "ho-so-cong-viec-huyen",
        wording: { huyen: "tối thiểu 60% hồ sơ công việc tại cấp huyện", ...NAT("60% hồ sơ công việc tại cấp huyện") },
        comparator: ">=",
        threshold: 60,
        about: "huyen",
        note: "\"tối thiểu\" governs the three figures; \"… được xử lý trên môi trường mạng\" ends the sentence. No row: self-assessment.",
      },
      {
        key: "ho-so-cong-viec-xa",
        wording:
          "30% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (không bao gồm hồ sơ xử lý công việc có nội dung mật)",
        comparator: ">=",
        threshold: 30,
        about: "xa",
        note: "\"tối thiểu\" governs the three figures. No row: self-assessment.",
      },
    ],
  },
  {
    n: 14,
    area: "Chính phủ điện tử/số",
    clauses: [
      {
        key: "bao-cao-dinh-ky",
        wording:
          "Tối thiểu 30% báo cáo định kỳ (không bao gồm nội dung mật) được gửi, nhận qua Hệ thống thông tin báo cáo quốc gia",
        comparator: ">=",
        threshold: 30,
        note: "\"Tối thiểu 30%\": ≥ 30. No row: self-assessment.",
      },
    ],
  },
  {
    n: 15,
    area: "Chính phủ điện tử/số",
    clauses: [
      {
        key: "rut-ngan-hop",
        wording: "Rút ngắn từ 30% - 50% thời gian họp",
        comparator: "range",
        range: { min: 30, max: 50 },
        note: "\"từ 30% - 50%\": a range, 30 ≤ reduction of meeting time ≤ 50 (a reduction beyond 50% is outside the range as worded). No row: self-assessment.",
      },
      {
        key: "giam-giay",
        wording:
          "giảm tối đa việc sử dụng tài liệu giấy thông qua Hệ thống thông tin phục vụ họp và xử lý công việc, văn phòng điện tử",
        comparator: "qualitative",
        unit: "",
        note: "\"giảm tối đa\" means \"reduce as far as possible\", not a \"tối đa\" ceiling: no figure.",
      },
    ],
  },
  {
    n: 16,
    area: "Chính phủ điện tử/số",
    clauses: [
      {
        key: "mang-truyen-so-lieu",
        wording: "100% cơ quan kết nối vào Mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước",
        comparator: ">=",
        threshold: 100,
        note: "Bare \"100%\": ≥ 100. No row: self-assessment.",
      },
    ],
  },
];

const ORIGIN_30C = "Nghị quyết 30c/NQ-CP ngày 08/11/2011 của Chính phủ (Chương trình tổng thể CCHC nhà nước giai đoạn 2011-2020)";
const ORIGIN_EGOV =
  "Mục tiêu Chính phủ điện tử giai đoạn 2019-2020 (nghị quyết của Chính phủ; tài liệu nguồn không in số hiệu)";

function wordingFor(clause: Clause, copy: Copy): string | undefined {
  return typeof clause.wording === "string" ? clause.wording : clause.wording[copy];
}

function build(): TargetInput[] {
  const out: TargetInput[] = [];
  for (const copy of ["huyen", "xa", "tinh"] as const) {
    const info = COPIES[copy];
    for (const goal of GOALS) {
      for (const clause of goal.clauses) {
        const wording = wordingFor(clause, copy);
        if (wording === undefined) continue;
        const notes = [clause.note, goal.note].filter((s): s is string => !!s);
        out.push({
          id: `nq30c.${copy}.${String(goal.n).padStart(2, "0")}.${clause.key}`,
          programme: "nq30c-2011-2020",
          goal: String(goal.n),
          area: goal.area,
          metric: clause.metric ? METRICS[clause.metric][copy] : null,
          ...(clause.metric && info.metricFormsOptional ? { formOptional: true } : {}),
          comparator: clause.comparator,
          ...(clause.threshold !== undefined ? { threshold: clause.threshold } : {}),
          ...(clause.range ? { range: clause.range } : {}),
          ...(clause.change ? { change: clause.change } : {}),
          unit: clause.unit === "" ? "—" : (clause.unit ?? "%"),
          year: clause.year ?? 2020,
          levels: [info.level],
          ...(clause.about && clause.about !== info.level ? { about: clause.about } : {}),
          wording,
          source: {
            document: goal.n <= 9 ? ORIGIN_30C : ORIGIN_EGOV,
            printedIn: info.document,
            seed: info.seed,
            section: `${info.section}, mục tiêu ${goal.n}`,
            lines: info.lines[goal.n - 1],
          },
          verified: true,
          ratings: [{ form: info.ratingForm, row: info.rows[goal.n - 1] }],
          ...(notes.length ? { note: notes.join(" ") } : {}),
        });
      }
    }
  }
  return out;
}

export const targets: TargetInput[] = build();

/*
 * How the copies differ (for the record; the data above carries each copy's wording):
 * - goal 9: district "Trang thông tin điện tử huyện … Cổng Thông tin điện tử của tỉnh"; national
 *   "Các trang tin, cổng thông tin điện tử … Cổng Thông tin điện tử Chính phủ";
 * - goal 11: the district drops "của từng bộ, ngành" and "tích hợp 30% các dịch vụ công trực tuyến
 *   mức độ 3, 4 … với Cổng Dịch vụ công quốc gia";
 * - goal 12: the district drops "50% Cổng Dịch vụ công cấp tỉnh …" and "20% dịch vụ công trực tuyến
 *   sử dụng chữ ký số trên nền tảng di động …", and reads "Trang thông tin điện tử … 13/6/2011";
 * - goal 13: the district drops "tối thiểu 80% hồ sơ công việc tại cấp bộ, cấp tỉnh," and moves
 *   "tối thiểu" before its 60%;
 * - goal 3: the commune prints "trùng lặp" (district and province "trùng lắp").
 */
