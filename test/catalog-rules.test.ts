/**
 * Proof of the catalogue's principle ("Errors and warnings" in src/catalog/schema.ts): an error
 * only for what no correct report can contain.
 *
 * - Every error-level check of the catalogue (each relation, each certain rule) has reports that
 *   say what the form asks — including the awkward ones: issuers the form does not list, UBND
 *   directives counted as legal documents in 2015, a commune reading "Tổng số TTHC" as printed —
 *   and they pass; and one impossible report, which is an error at the cell named (so the check is
 *   live on those very cells).
 * - Every warning-level rule has a legitimate report that breaks it, told as the story that makes
 *   it legitimate: a warning whose message gives the rule's reason (`mayDiffer`), no error, and the
 *   value is still consolidated.
 * The two tables must name every check of the catalogue and nothing else, so a check added
 * without its proof fails here.
 *
 * Each report fills one value column (the form's first, or the one named) of a sheet laid out as
 * test/support/fill.ts does; values are typed as people type them ("1.076" is a thousand and
 * seventy-six).
 */
import { FORMS, findForm, valueColumns, type Form, type Level } from "../src/catalog";
import type { Issue } from "../src/core/issues";
import { rollupForm } from "../src/core/rollup";
import { validateFilled } from "../src/core/validate";
import { addressOf, fill } from "./support/fill";

type Values = Record<string, number | string>;

interface Report {
  level: Level;
  values: Values;
  /** Why these numbers are what a correct report says. */
  story: string;
}

interface ErrorProof {
  /** Value column (default: the form's first). */
  column?: string;
  legit: Report[];
  /** The first legitimate report with these cells changed: no correct report says this. */
  broken: { values: Values; at: string; code: "sum_mismatch" | "exceeds_total" | "rule_violated"; story: string };
}

interface WarningProof extends Report {
  column?: string;
  /** Row of the cell that carries the warning. */
  at: string;
}

const HUYEN = "tk2011-2020.huyen";
const TINH = "tk2011-2020.tinh";
const BCDK = "bao-cao-dinh-ky.thong-ke";

/** Reports used by several checks. */
const DISTRICT_DOCS_2015: Values = { "tong-vbqppl": 14, "nq-hdnd-huyen": 2, "qd-ubnd-huyen": 5, "nq-hdnd-xa": 3, "qd-ubnd-xa": 2 }; // + 2 directives
const PROVINCE_DOC_TYPES: Values = { "nq-hdnd-tinh": 20, "qd-ubnd-tinh": 35, "nq-hdnd-huyen": 15, "qd-ubnd-huyen": 20, "nq-hdnd-xa": 10, "qd-ubnd-xa": 10 }; // 110
const PROVINCE_TTHC: Values = { "tong-tthc": "1.800", "tthc-cap-tinh": "1.100", "tthc-cap-huyen": 480, "tthc-cap-xa": 220 };
const KBANG_TTHC: Values = { "tong-tthc": 487, "tthc-cap-huyen": 315, "tthc-cap-xa": 172 }; // seed 003
const DISTRICT_UNITS: Values = { "dvsn-tu-chu": 30, "dvsn-tu-bao-dam-chi-tx": 2, "dvsn-tu-bao-dam-mot-phan": 10 };
const PROVINCE_DEPT_UNITS: Values = { "dvsn-cqcm-tinh": 180, "dvsn-cqcm-tinh-tx-dt": 0, "dvsn-cqcm-tinh-tx": 15, "dvsn-cqcm-tinh-mot-phan": 60 };
const PROVINCE_DISTRICT_UNITS: Values = { "dvsn-ubnd-huyen": 600, "dvsn-ubnd-huyen-tx-dt": 0, "dvsn-ubnd-huyen-tx": 20, "dvsn-ubnd-huyen-mot-phan": 150 };

/** Keyed "<form id> relation:<row id>" or "<form id> rule:<rule id>". */
const ERRORS: Record<string, ErrorProof> = {
  [`${HUYEN}.pl1 relation:so-vb-chi-dao`]: {
    legit: [
      {
        level: "huyen",
        values: { "so-vb-chi-dao": 45, "vb-huyen-uy": 12, "vb-ubnd-huyen": 20, "vb-ubnd-xa": 8 },
        story: "45 documents, of which 5 of the Ban Chỉ đạo CCHC, an issuer the form does not list",
      },
      { level: "xa", values: { "so-vb-chi-dao": 6, "vb-ubnd-xa": 6 }, story: "a commune: its own documents only" },
    ],
    broken: { values: { "vb-ubnd-huyen": 46 }, at: "vb-ubnd-huyen", code: "exceeds_total", story: "one issuer above the total" },
  },
  [`${HUYEN}.pl2 relation:tong-vbqppl`]: {
    legit: [
      {
        level: "huyen",
        values: DISTRICT_DOCS_2015,
        story: "2015: two UBND directives were legal documents then, and have no row",
      },
    ],
    broken: { values: { "qd-ubnd-huyen": 15 }, at: "qd-ubnd-huyen", code: "exceeds_total", story: "one type above the total" },
  },
  [`${HUYEN}.pl2 rule:tong-ge-loai`]: {
    legit: [
      {
        level: "huyen",
        values: DISTRICT_DOCS_2015,
        story: "2015, with two directives",
      },
      { level: "xa", values: { "tong-vbqppl": 3, "nq-hdnd-xa": 1, "qd-ubnd-xa": 2 }, story: "a commune: its own two types" },
    ],
    broken: { values: { "nq-hdnd-xa": 6 }, at: "tong-vbqppl", code: "rule_violated", story: "each type below the total, together above it" },
  },
  [`${HUYEN}.pl2 rule:tong-le-loai-tu-2017`]: {
    column: "y2018",
    legit: [
      {
        level: "huyen",
        values: { "tong-vbqppl": 12, "nq-hdnd-huyen": 2, "qd-ubnd-huyen": 5, "nq-hdnd-xa": 3, "qd-ubnd-xa": 2 },
        story: "2018: every local legal document is a resolution or a decision of a listed level",
      },
    ],
    broken: { values: { "tong-vbqppl": 14 }, at: "tong-vbqppl", code: "rule_violated", story: "two documents of no type in 2018" },
  },
  [`${HUYEN}.pl3 relation:tong-tthc`]: {
    legit: [
      { level: "huyen", values: { "tong-tthc": 486, "tthc-cap-huyen": 314, "tthc-cap-xa": 172 }, story: "district and commune lists" },
      { level: "xa", values: { "tong-tthc": 172, "tthc-cap-xa": 172 }, story: "a commune counts the procedures of its level" },
      {
        level: "xa",
        values: { "tong-tthc": 486, "tthc-cap-huyen": 314, "tthc-cap-xa": 172 },
        story: "a commune fills the district row too and totals as printed (a wrong_level warning, no error)",
      },
    ],
    broken: { values: { "tong-tthc": 500 }, at: "tong-tthc", code: "sum_mismatch", story: "a total that is not the sum of its levels" },
  },
  [`${HUYEN}.pl6 relation:dvsn-tu-chu`]: {
    legit: [
      {
        level: "huyen",
        values: DISTRICT_UNITS,
        story: "the 18 units financed by the State have no row",
      },
    ],
    broken: { values: { "dvsn-tu-bao-dam-mot-phan": 31 }, at: "dvsn-tu-bao-dam-mot-phan", code: "exceeds_total", story: "a group above the total" },
  },
  [`${HUYEN}.pl6 rule:dvsn-nhom-le-tong`]: {
    legit: [
      {
        level: "huyen",
        values: DISTRICT_UNITS,
        story: "two of the four groups listed",
      },
    ],
    broken: { values: { "dvsn-tu-bao-dam-chi-tx": 21 }, at: "dvsn-tu-bao-dam-chi-tx", code: "rule_violated", story: "two disjoint groups above the total" },
  },
  [`${TINH}.pl1 relation:vb-chi-dao`]: {
    legit: [
      {
        level: "tinh",
        values: { "vb-chi-dao": 130, "vb-tinh-uy": 40, "vb-ubnd-tinh": 75 },
        story: "15 documents of the Ban Chỉ đạo CCHC and of Sở Nội vụ as its standing agency",
      },
    ],
    broken: { values: { "vb-ubnd-tinh": 131 }, at: "vb-ubnd-tinh", code: "exceeds_total", story: "one issuer above the total" },
  },
  [`${TINH}.pl1 rule:tong-ge-nguon`]: {
    legit: [{ level: "tinh", values: { "vb-chi-dao": 115, "vb-tinh-uy": 40, "vb-ubnd-tinh": 75 }, story: "no other issuer" }],
    broken: { values: { "vb-tinh-uy": 60 }, at: "vb-chi-dao", code: "rule_violated", story: "two distinct issuers above the total" },
  },
  [`${TINH}.pl2 relation:tong-vbqppl`]: {
    legit: [
      {
        level: "tinh",
        values: { "tong-vbqppl": 120, ...PROVINCE_DOC_TYPES },
        story: "2015: ten UBND directives were legal documents then, and have no row",
      },
    ],
    broken: { values: { "qd-ubnd-tinh": 121 }, at: "qd-ubnd-tinh", code: "exceeds_total", story: "one type above the total" },
  },
  [`${TINH}.pl2 rule:tong-ge-loai`]: {
    legit: [
      {
        level: "tinh",
        values: { "tong-vbqppl": 120, ...PROVINCE_DOC_TYPES },
        story: "2015, with ten directives",
      },
    ],
    broken: { values: { "qd-ubnd-tinh": 46 }, at: "tong-vbqppl", code: "rule_violated", story: "the six types above the total" },
  },
  [`${TINH}.pl2 rule:tong-le-loai-tu-2017`]: {
    column: "y2019",
    legit: [
      {
        level: "tinh",
        values: { "tong-vbqppl": 110, ...PROVINCE_DOC_TYPES },
        story: "2019: the six types are every local legal document",
      },
    ],
    broken: { values: { "tong-vbqppl": 120 }, at: "tong-vbqppl", code: "rule_violated", story: "ten documents of no type in 2019" },
  },
  [`${TINH}.pl3 relation:tong-tthc`]: {
    legit: [
      { level: "tinh", values: PROVINCE_TTHC, story: "the three levels" },
    ],
    broken: { values: { "tong-tthc": "1.700" }, at: "tong-tthc", code: "sum_mismatch", story: "a total that is not the sum of the levels" },
  },
  [`${TINH}.pl3 rule:tinh-ban-hanh-le-tong`]: {
    legit: [
      {
        level: "tinh",
        values: { ...PROVINCE_TTHC, "tthc-tinh-ban-hanh": 12 },
        story: "12 procedures in force the province issued itself",
      },
    ],
    broken: { values: { "tthc-tinh-ban-hanh": "1.900" }, at: "tthc-tinh-ban-hanh", code: "rule_violated", story: "more of its own than in force" },
  },
  [`${TINH}.pl6 relation:dvsn-ubnd-tinh`]: {
    legit: [
      {
        level: "tinh",
        values: { "dvsn-ubnd-tinh": 25, "dvsn-ubnd-tinh-tx-dt": 1, "dvsn-ubnd-tinh-tx": 4, "dvsn-ubnd-tinh-mot-phan": 12, "dvsn-ubnd-tinh-nn": 8 },
        story: "the four autonomy groups",
      },
    ],
    broken: { values: { "dvsn-ubnd-tinh": 24 }, at: "dvsn-ubnd-tinh", code: "sum_mismatch", story: "a total that is not the sum of the groups" },
  },
  [`${TINH}.pl6 relation:dvsn-cqcm-tinh`]: {
    legit: [
      {
        level: "tinh",
        values: PROVINCE_DEPT_UNITS,
        story: "105 units financed by the State have no row",
      },
    ],
    broken: { values: { "dvsn-cqcm-tinh-mot-phan": 181 }, at: "dvsn-cqcm-tinh-mot-phan", code: "exceeds_total", story: "a group above the total" },
  },
  [`${TINH}.pl6 relation:dvsn-ubnd-huyen`]: {
    legit: [
      {
        level: "tinh",
        values: PROVINCE_DISTRICT_UNITS,
        story: "430 units financed by the State have no row",
      },
    ],
    broken: { values: { "dvsn-ubnd-huyen-tx": 601 }, at: "dvsn-ubnd-huyen-tx", code: "exceeds_total", story: "a group above the total" },
  },
  [`${TINH}.pl6 rule:cqcm-tinh-nhom-le-tong`]: {
    legit: [
      {
        level: "tinh",
        values: { ...PROVINCE_DEPT_UNITS, "dvsn-cqcm-tinh": 75 },
        story: "no unit financed by the State: the three groups are the total",
      },
    ],
    broken: { values: { "dvsn-cqcm-tinh-tx": 16 }, at: "dvsn-cqcm-tinh-tx-dt", code: "rule_violated", story: "three disjoint groups above the total" },
  },
  [`${TINH}.pl6 rule:ubnd-huyen-nhom-le-tong`]: {
    legit: [
      {
        level: "tinh",
        values: PROVINCE_DISTRICT_UNITS,
        story: "three of the four groups listed",
      },
    ],
    broken: { values: { "dvsn-ubnd-huyen-tx": 460 }, at: "dvsn-ubnd-huyen-tx-dt", code: "rule_violated", story: "three disjoint groups above the total" },
  },
  [`${BCDK} relation:tong-tthc`]: {
    legit: [
      {
        level: "huyen",
        values: KBANG_TTHC,
        story: "seed 003, Kbang: a district has no department-level procedures and leaves that row blank",
      },
      {
        level: "tinh",
        values: { "tong-tthc": "1.950", "tthc-cap-so": "1.400", "tthc-cap-huyen": 400, "tthc-cap-xa": 150 },
        story: "a province: the three levels",
      },
    ],
    broken: {
      values: { "tong-tthc": 500 },
      at: "tong-tthc",
      code: "sum_mismatch",
      story: "a district's wrong total, checked although the province-only row is blank",
    },
  },
};

/** Keyed as ERRORS. Each breaks its rule, legitimately. */
const WARNINGS: Record<string, WarningProof> = {
  [`${HUYEN}.pl1 rule:tong-ge-nguon`]: {
    level: "huyen",
    values: { "so-vb-chi-dao": 30, "vb-huyen-uy": 10, "vb-ubnd-huyen": 15, "vb-ubnd-xa": 15 },
    at: "so-vb-chi-dao",
    story: 'the district typed its own 15 documents in both rows printed "Văn bản của UBND huyện"',
  },
  [`${HUYEN}.pl2 rule:tong-le-loai-2015-2016`]: {
    level: "huyen",
    values: DISTRICT_DOCS_2015,
    at: "tong-vbqppl",
    story: "2015: two UBND directives, legal documents until 1/7/2016",
  },
  [`${HUYEN}.pl2 rule:xu-ly-le-de-nghi`]: {
    level: "huyen",
    values: { "de-nghi-sau-ra-soat": 4, "xu-ly-sau-ra-soat": 6 },
    at: "xu-ly-sau-ra-soat",
    story: "two documents proposed in 2014 were handled in 2015",
  },
  [`${HUYEN}.pl2 rule:trai-pl-le-kiem-tra`]: {
    level: "huyen",
    values: { "da-kiem-tra": 10, "trai-phap-luat": 12 },
    at: "trai-phap-luat",
    story: "two unlawful documents were reported by citizens, not found by checking",
  },
  [`${HUYEN}.pl2 rule:trai-pl-xu-ly-le-trai-pl`]: {
    level: "huyen",
    values: { "trai-phap-luat": 1, "trai-phap-luat-da-xu-ly": 3 },
    at: "trai-phap-luat-da-xu-ly",
    story: "two found unlawful in 2014 were handled in 2015",
  },
  [`${HUYEN}.pl3 rule:pakn-giai-quyet-le-tiep-nhan`]: {
    level: "huyen",
    values: { "pakn-tiep-nhan": 20, "pakn-giai-quyet": 23 },
    at: "pakn-giai-quyet",
    story: "three petitions received in December were settled in January",
  },
  [`${HUYEN}.pl3 rule:pakn-cong-khai-le-giai-quyet`]: {
    level: "huyen",
    values: { "pakn-giai-quyet": 15, "pakn-cong-khai": 17 },
    at: "pakn-cong-khai",
    story: "two replies of last year were published this year",
  },
  [`${HUYEN}.pl3 rule:don-gian-hoa-le-tong`]: {
    level: "huyen",
    values: { "tong-tthc": 250, "tthc-cap-huyen": 150, "tthc-cap-xa": 100, "tthc-don-gian-hoa": 260 },
    at: "tthc-don-gian-hoa",
    story: "procedures simplified, then replaced by the province's new, shorter list within the year",
  },
  [`${HUYEN}.pl3 rule:cong-khai-le-tong`]: {
    level: "huyen",
    values: { "tong-tthc": 486, "tthc-cap-huyen": 314, "tthc-cap-xa": 172, "tthc-cong-khai-ttdt": 495 },
    at: "tthc-cong-khai-ttdt",
    story: "the website still lists nine repealed procedures",
  },
  [`${HUYEN}.pl3 rule:mot-cua-huyen-le-tthc-huyen`]: {
    level: "huyen",
    values: { "tthc-cap-huyen": 314, "mot-cua-huyen": 320 },
    at: "mot-cua-huyen",
    story: "six provincial procedures are received at the district one-stop shop (liên thông)",
  },
  [`${HUYEN}.pl3 rule:mot-cua-xa-le-tthc-xa`]: {
    level: "xa",
    values: { "tthc-cap-xa": 172, "mot-cua-xa": 180 },
    at: "mot-cua-xa",
    story: "a commune receives eight district procedures (liên thông)",
  },
  [`${HUYEN}.pl5 rule:cbcc-co-mat-le-duoc-giao`]: {
    level: "huyen",
    values: { "cbcc-duoc-giao": 60, "cbcc-co-mat": 63 },
    at: "cbcc-co-mat",
    story: "three civil servants surplus after two offices merged, awaiting streamlining",
  },
  [`${HUYEN}.pl5 rule:vc-co-mat-le-duoc-giao`]: {
    level: "huyen",
    values: { "vc-duoc-giao": "1.076", "vc-co-mat": "1.080" },
    at: "vc-co-mat",
    story: "four teachers surplus after two schools merged",
  },
  [`${TINH}.pl2 rule:tong-le-loai-2015-2016`]: {
    level: "tinh",
    column: "y2016",
    values: { "tong-vbqppl": 130, "nq-hdnd-tinh": 20, "qd-ubnd-tinh": 35, "nq-hdnd-huyen": 15, "qd-ubnd-huyen": 20, "nq-hdnd-xa": 15, "qd-ubnd-xa": 15 },
    at: "tong-vbqppl",
    story: "2016: ten UBND directives issued before 1/7/2016",
  },
  [`${TINH}.pl2 rule:xu-ly-le-de-nghi`]: {
    level: "tinh",
    values: { "de-nghi-sua-doi": 30, "da-xu-ly-sau-ra-soat": 34 },
    at: "da-xu-ly-sau-ra-soat",
    story: "four proposals of 2014 handled in 2015",
  },
  [`${TINH}.pl2 rule:trai-phap-luat-le-da-kiem-tra`]: {
    level: "tinh",
    values: { "da-kiem-tra": 40, "trai-phap-luat": 42 },
    at: "trai-phap-luat",
    story: "two found unlawful after a higher-level check, not the province's own",
  },
  [`${TINH}.pl2 rule:da-xu-ly-le-trai-phap-luat`]: {
    level: "tinh",
    values: { "trai-phap-luat": 3, "trai-phap-luat-da-xu-ly": 5 },
    at: "trai-phap-luat-da-xu-ly",
    story: "two of 2014 handled in 2015",
  },
  [`${TINH}.pl3 rule:don-gian-hoa-le-tong`]: {
    level: "tinh",
    values: { "tong-tthc": "1.200", "tthc-cap-tinh": 800, "tthc-cap-huyen": 250, "tthc-cap-xa": 150, "tthc-don-gian-hoa": "1.250" },
    at: "tthc-don-gian-hoa",
    story: "simplified, then replaced by the new catalogue within the year",
  },
  [`${TINH}.pl3 rule:cong-khai-le-tong`]: {
    level: "tinh",
    values: { ...PROVINCE_TTHC, "tthc-cong-khai": "1.815" },
    at: "tthc-cong-khai",
    story: "the portal still lists 15 repealed procedures",
  },
  [`${TINH}.pl3 rule:mot-cua-tinh-le-cap-tinh`]: {
    level: "tinh",
    values: { "tthc-cap-tinh": "1.100", "mot-cua-tinh": "1.150" },
    at: "mot-cua-tinh",
    story: "the service centre also receives 50 procedures of the tax office and social insurance",
  },
  [`${TINH}.pl3 rule:mot-cua-huyen-le-cap-huyen`]: {
    level: "tinh",
    values: { "tthc-cap-huyen": 480, "mot-cua-huyen": 490 },
    at: "mot-cua-huyen",
    story: "district one-stop shops receive ten provincial procedures",
  },
  [`${TINH}.pl3 rule:mot-cua-xa-le-cap-xa`]: {
    level: "tinh",
    values: { "tthc-cap-xa": 220, "mot-cua-xa": 230 },
    at: "mot-cua-xa",
    story: "commune one-stop shops receive ten district procedures",
  },
  [`${TINH}.pl3 rule:bon-tai-cho-le-mot-cua-tinh`]: {
    level: "tinh",
    values: { "mot-cua-tinh": 300, "bon-tai-cho": 320 },
    at: "bon-tai-cho",
    story: "twenty procedures are done «4 tại chỗ» at district one-stop shops too",
  },
  [`${TINH}.pl3 rule:pakn-giai-quyet-le-tiep-nhan`]: {
    level: "tinh",
    values: { "pakn-tiep-nhan": 120, "pakn-giai-quyet": 126 },
    at: "pakn-giai-quyet",
    story: "six of last year settled this year",
  },
  [`${TINH}.pl3 rule:pakn-cong-khai-le-giai-quyet`]: {
    level: "tinh",
    values: { "pakn-giai-quyet": 100, "pakn-cong-khai": 104 },
    at: "pakn-cong-khai",
    story: "four replies of last year published this year",
  },
  [`${TINH}.pl5 rule:cbcc-co-mat-le-duoc-giao`]: {
    level: "tinh",
    values: { "bc-cbcc-duoc-giao": "2.150", "bc-cbcc-co-mat": "2.163" },
    at: "bc-cbcc-co-mat",
    story: "surplus after merging departments",
  },
  [`${TINH}.pl5 rule:vc-co-mat-le-duoc-giao`]: {
    level: "tinh",
    values: { "bc-vc-duoc-giao": "25.400", "bc-vc-co-mat": "25.420" },
    at: "bc-vc-co-mat",
    story: "surplus after merging schools",
  },
  [`${BCDK} rule:nv-hoan-thanh-le-de-ra`]: {
    level: "huyen",
    values: { "nv-de-ra": 30, "nv-hoan-thanh": 32 },
    at: "nv-hoan-thanh",
    story: "two tasks of a supplementary plan completed in the quarter",
  },
  [`${BCDK} rule:da-kiem-tra-le-tong`]: {
    level: "huyen",
    values: { "tong-don-vi": 11, "don-vi-da-kiem-tra": 13 },
    at: "don-vi-da-kiem-tra",
    story: "13 units inspected, four communes then merged into two: 11 at the report date",
  },
  [`${BCDK} rule:van-de-xu-ly-le-phat-hien`]: {
    level: "huyen",
    values: { "van-de-phat-hien": 2, "van-de-da-xu-ly": 4 },
    at: "van-de-da-xu-ly",
    story: "two issues of last quarter resolved",
  },
  [`${BCDK} rule:nv-giao-hoan-thanh-le-giao`]: {
    level: "huyen",
    values: { "nv-duoc-giao": 5, "nv-giao-dung-han": 4, "nv-giao-qua-han": 3 },
    at: "nv-giao-dung-han",
    story: "two tasks assigned last quarter completed late in this one",
  },
  [`${BCDK} rule:vbqppl-kien-nghi-le-kiem-tra-ra-soat`]: {
    level: "huyen",
    values: { "vbqppl-kiem-tra": 2, "vbqppl-ra-soat": 3, "vbqppl-kien-nghi": 7 },
    at: "vbqppl-kien-nghi",
    story: "recommendations on documents reviewed last quarter",
  },
  [`${BCDK} rule:vbqppl-da-xu-ly-le-kien-nghi`]: {
    level: "huyen",
    values: { "vbqppl-kien-nghi": 1, "vbqppl-da-xu-ly": 3 },
    at: "vbqppl-da-xu-ly",
    story: "two recommendations of last quarter handled",
  },
  [`${BCDK} rule:cong-khai-dvc-qg-le-tong-tthc`]: {
    level: "huyen",
    values: { ...KBANG_TTHC, "tthc-cong-khai-dvc-qg": 495 },
    at: "tthc-cong-khai-dvc-qg",
    story: "the national portal still lists eight repealed procedures",
  },
  [`${BCDK} rule:md34-dvc-qg-le-cong-khai`]: {
    level: "huyen",
    values: { "tthc-cong-khai-dvc-qg": 120, "tthc-md34-dvc-qg": 130 },
    at: "tthc-md34-dvc-qg",
    story: "the portal's published list lags behind the services integrated since",
  },
  [`${BCDK} rule:lien-thong-le-mot-cua`]: {
    level: "huyen",
    values: { "tthc-mot-cua": 12, "tthc-lien-thong-cung-cap": 478, "tthc-lien-thong-cac-cap": 9 },
    at: "tthc-lien-thong-cung-cap",
    story: "the officer wrote under the title 3.3 the procedures newly put under one-stop this quarter",
  },
  [`${BCDK} rule:mot-cua-le-tong-tthc`]: {
    level: "huyen",
    values: { ...KBANG_TTHC, "tthc-mot-cua": 495 },
    at: "tthc-mot-cua",
    story: "the number under the title 3.3 includes procedures of the tax office received at the one-stop shop",
  },
  [`${BCDK} rule:tich-hop-dvc-le-tong-tthc`]: {
    level: "huyen",
    values: { ...KBANG_TTHC, "tthc-tich-hop-dvc": 495 },
    at: "tthc-tich-hop-dvc",
    story: "the portal still carries eight replaced procedures",
  },
  [`${BCDK} rule:md34-dvc-le-tich-hop`]: {
    level: "huyen",
    values: { "tthc-tich-hop-dvc": 80, "tthc-md34-dvc": 84 },
    at: "tthc-md34-dvc",
    story: "counted from the online-service catalogue, while the portal's list was updated earlier",
  },
  [`${BCDK} rule:thanh-toan-le-md34`]: {
    level: "huyen",
    values: { "tthc-md34-dvc": 84, "tthc-thanh-toan-tt": 90 },
    at: "tthc-thanh-toan-tt",
    story: "fees of six procedures can be paid online although the procedure is not online",
  },
  [`${BCDK} rule:md34-dvc-qg-le-md34-dvc`]: {
    level: "huyen",
    values: { "tthc-md34-dvc": 84, "tthc-md34-dvc-qg": 90 },
    at: "tthc-md34-dvc-qg",
    story: "six services integrated straight on the national portal",
  },
  [`${BCDK} rule:md3-md4-bang-md34-dvc`]: {
    level: "huyen",
    values: { "tthc-md3": 5, "tthc-md4": 79, "tthc-md34-dvc": 80 },
    at: "tthc-md3",
    story: "7.8 counted from the catalogue at the end of the quarter, 3.5.2 from the portal earlier",
  },
  [`${BCDK} rule:bien-che-co-mat-le-giao`]: {
    level: "huyen",
    values: { "bien-che-giao": 78, "bien-che-co-mat": 80 },
    at: "bien-che-co-mat",
    story: "two surplus after a merger, awaiting streamlining",
  },
  [`${BCDK} rule:nlv-co-mat-le-giao`]: {
    level: "huyen",
    values: { "nlv-giao": "1.076", "nlv-co-mat": "1.080" },
    at: "nlv-co-mat",
    story: "four surplus after merging schools",
  },
  [`${BCDK} rule:vtvl-sncl-le-tong-sncl`]: {
    level: "huyen",
    values: { "sncl-tu-chu-chi-tx-dt": 0, "sncl-tu-chu-chi-tx": 0, "sncl-tu-chu-mot-phan": 0, "sncl-nn-dam-bao": 45, "vtvl-don-vi-sn": 47 },
    at: "vtvl-don-vi-sn",
    story: "two units with approved job positions have no autonomy decision yet",
  },
  [`${BCDK} rule:ky-luat-lanh-dao-le-tong`]: {
    level: "huyen",
    values: { "ky-luat": 1, "kl-lanh-dao-so-huyen": 1, "kl-lanh-dao-phong": 2 },
    at: "kl-lanh-dao-so-huyen",
    story: "the officer wrote under the title 5.4 only those disciplined by the Party",
  },
};

/** Every check of the catalogue, keyed as the tables, with its severity. */
function catalogueChecks(): Map<string, "error" | "warning"> {
  const out = new Map<string, "error" | "warning">();
  for (const form of FORMS) {
    for (const row of form.rows) if (row.relation) out.set(`${form.id} relation:${row.id}`, "error");
    for (const rule of form.rules) out.set(`${form.id} rule:${rule.id}`, rule.certainty === "certain" ? "error" : "warning");
  }
  return out;
}

function formOf(key: string): Form {
  return findForm(key.split(" ")[0])!;
}

function report(form: Form, column: string, values: Values) {
  return fill(form, Object.fromEntries(Object.entries(values).map(([row, v]) => [row, { [column]: v }])), { unit: "Đơn vị thử" });
}

const errorsOf = (issues: Issue[]) => issues.filter((i) => i.severity === "error");

describe("every check of the catalogue has its proof", () => {
  test("error-level checks are the ERRORS table, warning-level rules the WARNINGS table", () => {
    const checks = catalogueChecks();
    const want = (severity: string) => [...checks].filter(([, s]) => s === severity).map(([k]) => k).sort();
    expect(Object.keys(ERRORS).sort()).toEqual(want("error"));
    expect(Object.keys(WARNINGS).sort()).toEqual(want("warning"));
  });
});

describe.each(Object.entries(ERRORS))("error %s", (key, proof) => {
  const form = formOf(key);
  const column = proof.column ?? valueColumns(form)[0].id;

  test.each(proof.legit.map((r) => [r.story, r] as const))("a correct report passes: %s", (_story, r) => {
    expect(errorsOf(validateFilled(report(form, column, r.values), { level: r.level }))).toEqual([]);
  });

  test(`an impossible report is an error: ${proof.broken.story}`, () => {
    const first = proof.legit[0];
    const issues = validateFilled(report(form, column, { ...first.values, ...proof.broken.values }), { level: first.level });
    expect(issues).toHaveIssue(proof.broken.code, addressOf(form, proof.broken.at, column), "error");
  });
});

describe.each(Object.entries(WARNINGS))("warning %s", (key, proof) => {
  const form = formOf(key);
  const column = proof.column ?? valueColumns(form)[0].id;
  const rule = form.rules.find((r) => r.id === key.split("rule:")[1])!;
  const filled = report(form, column, proof.values);

  test(`a correct report breaks it: ${proof.story} — a warning saying why, no error`, () => {
    const issues = validateFilled(filled, { level: proof.level });
    expect(issues).toHaveIssue("rule_violated", addressOf(form, proof.at, column), "warning");
    expect(errorsOf(issues)).toEqual([]);
    const warning = issues.find((i) => i.code === "rule_violated")!;
    expect(warning.message).toContain(`vẫn có thể khác vì ${rule.mayDiffer}`);
  });

  test("its values are still consolidated", () => {
    const r = rollupForm(form, [{ unit: "Đơn vị thử", filled }], { level: proof.level });
    expect(r.excluded).toEqual([]);
    const cell = r.cells.get(proof.at)!.get(column)!;
    expect(cell.reported).toBe(1);
    expect(cell.contributions.map((c) => c.excluded)).toEqual([undefined]);
    const typed = proof.values[proof.at];
    expect(cell.value).toBe(typeof typed === "number" ? typed : Number(typed.replace(/\./g, "")));
  });
});
