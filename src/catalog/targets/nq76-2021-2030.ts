/**
 * 2025 and 2030 targets of the 2021-2030 master programme: Nghị quyết 76/NQ-CP ngày 15/7/2021 của
 * Chính phủ ban hành Chương trình tổng thể CCHC nhà nước giai đoạn 2021-2030 (not Nghị quyết
 * 76/NQ-CP of 2013, which shares the number). Seed 004 (line 13) cites the resolution by number,
 * date and title, but none of the five seed documents prints its targets.
 *
 * The Vietnamese text of the resolution could not be found in the sources available to this
 * project (searched: public pages and documentation). What could be found are English summaries
 * of it — the Government portal's news (VGP, 16/7/2021), the National Academy of Public
 * Administration (napa.vn) and luatvietnam.vn's English summary. The targets below are therefore
 * all `verified: false`: their `wording` is the English sentence of the cited page (wordingLanguage
 * "en"), their figure is the one those pages give, and they must be checked against the official
 * Vietnamese text (Công báo / vanban.chinhphu.vn) before anyone relies on them. Targets the summaries
 * mention only for ministries or the whole country (e.g. cutting ≥ 20% of business regulations and
 * compliance costs, e-identification of all online users) are left out: no local unit reports them.
 *
 * Metric: the periodic statistics form (bao-cao-dinh-ky.thong-ke, filled by provinces, districts
 * and, since 1/7/2025, communes) counts the procedures in force (3.1.3) and those offered at level
 * 3-4 on the portal (3.5.2); their ratio measures "TTHC provided online at levels 3 and 4".
 * Levels tinh + huyen only: the summaries state these targets for "ministries, agencies and
 * localities", read as provinces (and the districts that restated them); a commune's 3.1.3 and
 * 3.5.2 count the province's commune-level list, which the commune does not decide, so no commune
 * target is made of them.
 */
import type { TargetInput } from "./schema";

const DOCUMENT =
  "Nghị quyết 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030";
const SEED_004 = { seed: "004_5869b5a3940833bd.txt", lines: "13", wording: "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể CCHC nhà nước giai đoạn 2021- 2030;" };
const VGP = "http://news.chinhphu.vn/Home/Govt-issues-State-Administration-Reform-Master-Program-for-next-decade/20217/44658.vgp";
const NAPA = "https://www1.napa.vn/en/?p=4813";
const LUATVIETNAM =
  "https://english.luatvietnam.vn/hanh-chinh/resolution-76-nq-cp-2021-master-program-on-state-administration-reform-in-2021-2030-205518-d1.html";

const UNVERIFIED =
  "UNVERIFIED: the Vietnamese text of Nghị quyết 76/NQ-CP (2021) was not available; wording and figure are those of an English summary (see source.url). Check against the official text before use.";

const DVC_MD34: TargetInput["metric"] = {
  type: "ratio",
  form: "bao-cao-dinh-ky.thong-ke",
  numerator: ["tthc-md34-dvc"],
  denominator: ["tong-tthc"],
};

export const targets: TargetInput[] = [
  {
    id: "nq76.2025.dvc-muc-3-4",
    programme: "nq76-2021-2030",
    goal: "Cải cách TTHC — 2025",
    area: "Cải cách TTHC",
    metric: DVC_MD34,
    comparator: ">=",
    threshold: 80,
    unit: "%",
    year: 2025,
    levels: ["tinh", "huyen"],
    wording:
      "At least 80 percent of administrative procedures of ministries, agencies and localities are provided online at levels 3 and 4.",
    wordingLanguage: "en",
    source: {
      document: DOCUMENT,
      url: VGP,
      also: [
        {
          url: NAPA,
          wording:
            "At least 80% of administrative procedures of ministries, agencies and localities are provided online at level 3 (online application) and level 4 (online application and online payment).",
        },
        SEED_004,
      ],
    },
    verified: false,
    note:
      `${UNVERIFIED} "At least" → ≥ 80. Measured as 100 × "Số TTHC cung cấp mức độ 3, 4 trên Cổng DVC" ÷ "Tổng số TTHC đang có hiệu lực" of the periodic statistics form. ` +
      "luatvietnam.vn's English summary words a target as \"at least 80% to be integrated and provided on the National Public Service Portal\" — possibly a different indicator; another reason to check the official text.",
  },
  {
    id: "nq76.2030.dvc-muc-3-4",
    programme: "nq76-2021-2030",
    goal: "Cải cách TTHC — 2030",
    area: "Cải cách TTHC",
    metric: DVC_MD34,
    comparator: ">=",
    threshold: 90,
    unit: "%",
    year: 2030,
    levels: ["tinh", "huyen"],
    wording:
      "By 2030, at least 90% of services of the ministries, agencies and localities will be provided online at level 3 and level 4",
    wordingLanguage: "en",
    source: {
      document: DOCUMENT,
      url: NAPA,
      also: [
        { url: VGP, wording: "By 2030, at least 90 percent of ministries, agencies and localities will be provided online at levels 3 and 4." },
        SEED_004,
      ],
    },
    verified: false,
    note: `${UNVERIFIED} "At least" → ≥ 90. Same measure as the 2025 target.`,
  },
  {
    id: "nq76.2025.thanh-toan-truc-tuyen",
    programme: "nq76-2021-2030",
    goal: "Cải cách TTHC — 2025",
    area: "Cải cách TTHC",
    metric: null,
    comparator: ">=",
    threshold: 80,
    unit: "%",
    year: 2025,
    levels: ["tinh", "huyen"],
    wording: "at least 80% of administrative procedures subject to financial obligations to be settled online payment",
    wordingLanguage: "en",
    source: { document: DOCUMENT, url: LUATVIETNAM, also: [SEED_004] },
    verified: false,
    note:
      `${UNVERIFIED} Only one secondary source (luatvietnam.vn's English summary). "At least" → ≥ 80. ` +
      "The periodic form counts procedures with online payment (3.5.3) but not the procedures with a financial obligation: self-assessment.",
  },
];
