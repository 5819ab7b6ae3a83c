/**
 * Targets: the catalogue (wording verbatim from the seeds, comparators from the Vietnamese wording,
 * references to real rows, contradictions kept) and the pure evaluation (every comparator by hand,
 * multi-threshold and level-specific goals, no data, self-assessment, ratings, a rollup list, and
 * seed 003's filled values against the 2025 targets of a district).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { findForm, type Form } from "../../src/catalog";
import {
  TARGETS,
  TargetSchema,
  checkTargets,
  findTarget,
  selectTargets,
  type Target,
  type TargetInput,
} from "../../src/catalog/targets";
import { MESSAGES } from "../../src/core/messages";
import {
  attentionFirst,
  countRatings,
  describeCriterion,
  evaluateTarget,
  evaluateTargets,
  ratingIssues,
  suggestRatings,
  summariseByArea,
  targetIssues,
  unitRatingsText,
  valuesFromFilled,
  valuesFromList,
  type TargetResult,
  type TargetValues,
} from "../../src/core/targets";
import { SEED003_VALUES } from "../fixtures/seed003-values";
import { addressOf, fill, type FillValues } from "../support/fill";

const SEEDS = join(__dirname, "..", "fixtures", "seeds");
const fold = (text: string) =>
  text
    .normalize("NFC")
    .replace(/<\/?(i|b|em|strong|u)>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\*\*?/g, " ")
    .replace(/[\u00a0\s]+/g, " ")
    .trim();
const seedCache = new Map<string, string>();
const seed = (file: string) => {
  let s = seedCache.get(file);
  if (s === undefined) seedCache.set(file, (s = fold(readFileSync(join(SEEDS, file), "utf8"))));
  return s;
};

const form = (id: string): Form => {
  const f = findForm(id);
  if (!f) throw new Error(`no form ${id}`);
  return f;
};
const BCDK = form("bao-cao-dinh-ky.thong-ke");
const TASKS = form("par-index-2023-2025.huyen.nhiem-vu");
const target = (id: string): Target => {
  const t = findTarget(id);
  if (!t) throw new Error(`no target ${id}`);
  return t;
};
/** A target made for a test (parsed through the schema, so it is a valid one). */
const make = (input: Partial<TargetInput> & Pick<TargetInput, "comparator">): Target =>
  TargetSchema.parse({
    id: "test.target",
    programme: "par-sipas-2023-2025",
    area: "Cải cách TTHC",
    metric: null,
    unit: "%",
    year: 2025,
    levels: ["huyen"],
    wording: "chỉ tiêu thử",
    source: { document: "Tài liệu thử", seed: "004_5869b5a3940833bd.txt" },
    verified: true,
    ...input,
  });

/** The periodic form filled with "Số liệu" values. */
const periodic = (values: Record<string, string | number | null>) =>
  fill(BCDK, Object.fromEntries(Object.entries(values).map(([row, v]) => [row, { "so-lieu": v }])) as FillValues);
const one = (t: Target, values: Record<string, string | number | null>, baselines?: Record<string, number>) =>
  evaluateTarget(t, valuesFromFilled(periodic(values)), baselines);

// ---------------------------------------------------------------------------------------------
describe("target catalogue", () => {
  const by = (p: string) => TARGETS.filter((t) => t.programme === p);

  test("targets per programme, verified and not", () => {
    expect(by("nq30c-2011-2020")).toHaveLength(107);
    expect(by("nq30c-2011-2020").every((t) => t.verified)).toBe(true);
    expect(by("nq76-2021-2030")).toHaveLength(3);
    expect(by("nq76-2021-2030").every((t) => !t.verified && t.wordingLanguage === "en")).toBe(true);
    expect(by("par-sipas-2023-2025")).toHaveLength(70);
    expect(by("par-sipas-2023-2025").every((t) => t.verified)).toBe(true);
    expect(new Set(TARGETS.map((t) => t.id)).size).toBe(TARGETS.length);
  });

  test("the three copies of Phụ lục 8: the district drops clauses the province and commune print", () => {
    const copy = (c: string) => TARGETS.filter((t) => t.id.startsWith(`nq30c.${c}.`));
    expect(copy("huyen")).toHaveLength(33);
    expect(copy("xa")).toHaveLength(37);
    expect(copy("tinh")).toHaveLength(37);
    const keys = (c: string) => new Set(copy(c).map((t) => t.id.split(".").slice(2).join(".")));
    const dropped = [...keys("tinh")].filter((k) => !keys("huyen").has(k)).sort();
    expect(dropped).toEqual(["11.tich-hop-dvc-qg", "12.chu-ky-so-di-dong", "12.cong-dvc-di-dong", "13.ho-so-cong-viec-tinh"]);
    expect([...keys("xa")].sort()).toEqual([...keys("tinh")].sort());
    // goals 1-16 in each copy, each sub-target tied to its rating row
    for (const c of ["huyen", "xa", "tinh"]) expect(new Set(copy(c).map((t) => t.goal)).size).toBe(16);
    expect(target("nq30c.huyen.08.van-ban-dien-tu").ratings).toEqual([{ form: "tk2011-2020.huyen.pl8", row: "mt08-van-ban-dien-tu" }]);
    expect(target("nq30c.xa.08.van-ban-dien-tu").ratings).toEqual([{ form: "tk2011-2020.xa.pl3", row: "van-ban-dien-tu-2020" }]);
  });

  test("every verified wording is verbatim in its seed (or in the printed goal it splits)", () => {
    const missing: string[] = [];
    for (const t of TARGETS.filter((x) => x.verified)) {
      const w = fold(t.wording);
      const inRating = t.ratings.some((r) => {
        const row = form(r.form).rows.find((x) => x.id === r.row);
        return !!row && [row.label, ...Object.values(row.printed ?? {})].some((text) => fold(text).includes(w));
      });
      if (!seed(t.source.seed!).includes(w) && !inRating) missing.push(`${t.id}: «${t.wording}»`);
      for (const place of t.source.also) {
        if (place.seed && !seed(place.seed).includes(fold(place.wording ?? t.wording)))
          missing.push(`${t.id} (also ${place.section}): «${place.wording ?? t.wording}»`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("a 2020 sub-target's wording is a substring of the goal as printed in its copy", () => {
    const bad = TARGETS.filter((t) => t.programme === "nq30c-2011-2020").filter((t) => {
      const r = t.ratings[0];
      const label = form(r.form).rows.find((x) => x.id === r.row)?.label ?? "";
      return !label.includes(t.wording);
    });
    expect(bad.map((t) => t.id)).toEqual([]);
  });

  test("Vietnamese wording decides the comparator", () => {
    const wrong: string[] = [];
    for (const t of TARGETS.filter((x) => x.wordingLanguage === "vi")) {
      const w = t.wording;
      const expectOne = (ok: boolean, why: string) => {
        if (!ok) wrong.push(`${t.id} (${t.comparator}): ${why} «${w}»`);
      };
      if (/giảm tối đa/i.test(w)) expectOne(t.comparator === "qualitative", "\"giảm tối đa\" is reduce-as-much-as-possible");
      else if (/không (vượt )?quá|tối đa/i.test(w)) expectOne(t.comparator === "<=", "\"không quá\" / \"tối đa\" → <=");
      if (/\btrên \d/i.test(w)) expectOne(t.comparator === ">", "\"trên X\" → >");
      if (/trở lên|tối thiểu|ít nhất/i.test(w) && !/\btrên \d/i.test(w)) expectOne(t.comparator === ">=", "\"từ … trở lên\" / \"tối thiểu\" / \"ít nhất\" → >=");
      if (/từ \d+% - \d+%/.test(w)) expectOne(t.comparator === "range", "\"từ X% - Y%\" → range");
      if (/(giảm|tăng).*so với (năm \d{4}|năm trước)/i.test(w)) expectOne(t.comparator === "change-vs-baseline", "change against a baseline");
      if (t.comparator === "qualitative") expectOne(!/\d+%/.test(w), "a clause with a figure is not qualitative");
    }
    expect(wrong).toEqual([]);
  });

  test("the document's contradictions are kept with their sources; checks use the appendix", () => {
    const group = (g: string) => TARGETS.filter((t) => t.variant?.group === g);
    expect(group("so-hoa").map((t) => [t.id, t.threshold, t.variant?.used, t.source.lines])).toEqual([
      ["par.so-hoa-huyen", 20, true, "376"],
      ["par.so-hoa-xa", 15, true, "376"],
      ["par.so-hoa-30", 30, false, "151"],
    ]);
    expect(group("ho-so-cong-viec-truc-tuyen").map((t) => [t.id, t.threshold, t.variant?.used, t.source.lines])).toEqual([
      ["par.ho-so-cong-viec-50", 50, true, "367"],
      ["par.ho-so-cong-viec-100", 100, false, "149"],
    ]);
    const ids = (ts: Target[]) => ts.map((t) => t.id);
    expect(ids(selectTargets(TARGETS, { level: "huyen" }))).not.toContain("par.so-hoa-30");
    expect(ids(selectTargets(TARGETS, { level: "huyen", includeAlternatives: true }))).toContain("par.so-hoa-30");
  });

  test("references are checked against the forms", () => {
    expect(checkTargets(TARGETS, [BCDK])).not.toEqual([]);
    expect(checkTargets(TARGETS, [BCDK, TASKS, ...["tk2011-2020.huyen", "tk2011-2020.tinh", "tk2011-2020.xa"].flatMap((f) => ["pl1", "pl3", "pl7", "pl8"].map((p) => findForm(`${f}.${p}`)).filter((x): x is Form => !!x))])).toEqual([]);
    const bad = make({ comparator: ">", threshold: 1, metric: { type: "row", form: BCDK.id, row: "khong-co" } });
    const wrongKind = make({ comparator: ">", threshold: 1, metric: { type: "row", form: BCDK.id, row: "chi-dao-dieu-hanh" } });
    const rating = make({ comparator: ">", threshold: 1, ratings: [{ form: BCDK.id, row: "nv-de-ra" }] });
    const problems = checkTargets([bad, { ...wrongKind, id: "b" }, { ...rating, id: "c" }], [BCDK, TASKS]);
    expect(problems.join("\n")).toMatch(/row khong-co is not in form/);
    expect(problems.join("\n")).toMatch(/chi-dao-dieu-hanh .* is heading, not a number/);
    expect(problems.join("\n")).toMatch(/rating row nv-de-ra .* not a status row/);
  });

  test("the schema refuses inconsistent targets", () => {
    expect(() => make({ comparator: ">" })).toThrow(/needs a threshold/);
    expect(() => make({ comparator: "qualitative", metric: { type: "row", form: BCDK.id, row: "nv-de-ra" } })).toThrow(/qualitative/);
    expect(() => make({ comparator: "range", range: { min: 50, max: 30 } })).toThrow(/range min/);
    expect(() => make({ comparator: ">=", threshold: 80, verified: false })).toThrow(/unverified/);
    expect(() => make({ comparator: ">=", threshold: 80, wordingLanguage: "en" })).toThrow(/non-Vietnamese/);
    expect(() => make({ comparator: "change-vs-baseline" })).toThrow(/needs a change/);
    expect(() => make({ comparator: ">=", threshold: 80, formOptional: true })).toThrow(/formOptional/);
  });
});

// ---------------------------------------------------------------------------------------------
describe("comparators, by hand", () => {
  test("> (\"Trên 99%\"): 99 is not enough, 99,5 and 100% are", () => {
    const t = target("par.dung-han-huyen");
    expect(one(t, { "tl-dung-hen-huyen": "99" }).status).toBe("not-met");
    expect(one(t, { "tl-dung-hen-huyen": "99,0" }).status).toBe("not-met");
    expect(one(t, { "tl-dung-hen-huyen": "99,5" })).toMatchObject({ status: "met", value: 99.5, address: addressOf(BCDK, "tl-dung-hen-huyen", "so-lieu") });
    expect(one(t, { "tl-dung-hen-huyen": "100%" })).toMatchObject({ status: "met", value: 100, column: "so-lieu", columnLabel: "Số liệu" });
  });

  test(">= on a ratio (\"tối thiểu 30%\"): 3 of 10 is exactly 30, 2 of 10 is not", () => {
    const t = target("par.kiem-tra-30");
    const r = one(t, { "tong-don-vi": 10, "don-vi-da-kiem-tra": 3 });
    expect(r).toMatchObject({ status: "met", value: 30, label: "Số phòng chuyên môn, đơn vị, địa phương đã kiểm tra ÷ Tổng số phòng chuyên môn, đơn vị, địa phương" });
    expect(r.cells.map((c) => [c.row, c.value, c.address])).toEqual([
      ["don-vi-da-kiem-tra", 3, addressOf(BCDK, "don-vi-da-kiem-tra", "so-lieu")],
      ["tong-don-vi", 10, addressOf(BCDK, "tong-don-vi", "so-lieu")],
    ]);
    expect(one(t, { "tong-don-vi": 10, "don-vi-da-kiem-tra": 2 })).toMatchObject({ status: "not-met", value: 20 });
    // a ratio whose parts are several rows: (on time + late) ÷ assigned
    const tasks = target("par.nhiem-vu-tinh-giao");
    expect(one(tasks, { "nv-duoc-giao": 4, "nv-giao-dung-han": 3, "nv-giao-qua-han": 1 })).toMatchObject({ status: "met", value: 100 });
    expect(one(tasks, { "nv-duoc-giao": 3, "nv-giao-dung-han": 1, "nv-giao-qua-han": 1 })).toMatchObject({ status: "not-met", value: 66.6666666667 });
  });

  test(">= on a count (\"Đạt 15 TTHC\") and on a 0/1 answer (\"ít nhất 01 Hội nghị\")", () => {
    expect(one(target("par.lien-thong-cac-cap"), { "tthc-lien-thong-cac-cap": 15 }).status).toBe("met");
    expect(one(target("par.lien-thong-cac-cap"), { "tthc-lien-thong-cac-cap": 14 }).status).toBe("not-met");
    expect(one(target("par.doi-thoai"), { "doi-thoai": "Có" }).status).toBe("met");
    expect(one(target("par.doi-thoai"), { "doi-thoai": 0 }).status).toBe("not-met");
  });

  test("< (\"dưới\")", () => {
    const t = make({ comparator: "<", threshold: 5, unit: "người", metric: { type: "row", form: BCDK.id, row: "hop-dong-ld" } });
    expect(one(t, { "hop-dong-ld": 4 }).status).toBe("met");
    expect(one(t, { "hop-dong-ld": 5 }).status).toBe("not-met");
    expect(describeCriterion(t)).toBe("dưới 5 người");
  });

  test("<= (\"không vượt quá\" the staffing assigned)", () => {
    const t = target("par.bien-che-hanh-chinh");
    expect(one(t, { "bien-che-giao": 78, "bien-che-co-mat": 78 })).toMatchObject({ status: "met", value: 100 });
    expect(one(t, { "bien-che-giao": 78, "bien-che-co-mat": 79 })).toMatchObject({ status: "not-met", value: 101.282051282 });
  });

  test("= on a coded row (\"Hoàn thành\" = 2), typed as a code or as its label", () => {
    const t = target("par.he-thong-bao-cao");
    expect(one(t, { "he-thong-bao-cao": 2 }).status).toBe("met");
    expect(one(t, { "he-thong-bao-cao": "Hoàn thành" })).toMatchObject({ status: "met", valueText: "2 (Hoàn thành)" });
    expect(one(t, { "he-thong-bao-cao": "1" })).toMatchObject({ status: "not-met", valueText: "1 (Đang làm)" });
    expect(describeCriterion(t)).toBe("bằng 2 (Hoàn thành)");
  });

  test("range (\"Rút ngắn từ 30% - 50%\"): both ends included", () => {
    const t = make({ comparator: "range", range: { min: 30, max: 50 }, metric: { type: "row", form: BCDK.id, row: "tl-quy-trinh-noi-bo" } });
    const at = (v: string) => one(t, { "tl-quy-trinh-noi-bo": v }).status;
    expect([at("29,99"), at("30"), at("40"), at("50"), at("50,01")]).toEqual(["not-met", "met", "met", "met", "not-met"]);
    expect(describeCriterion(t)).toBe("từ 30% đến 50%");
    // the real one has no row: self-assessment
    expect(evaluateTarget(target("nq30c.huyen.15.rut-ngan-hop"), valuesFromFilled([])).status).toBe("self-assessment");
  });

  test("change against a 2021 baseline (\"giảm 10% số lượng đơn vị sự nghiệp công lập so với năm 2021\")", () => {
    const t = target("par.giam-sncl");
    const units = { "sncl-tu-chu-chi-tx-dt": 1, "sncl-tu-chu-chi-tx": 2, "sncl-tu-chu-mot-phan": 3, "sncl-nn-dam-bao": 39 }; // 45 units
    expect(one(t, units, { "par.giam-sncl": 50 })).toMatchObject({ status: "met", value: -10, measured: 45, baseline: 50 });
    expect(one(t, units, { "par.giam-sncl": 49 })).toMatchObject({ status: "not-met", value: -8.16326530612, measured: 45 });
    expect(one(t, units)).toMatchObject({ status: "no-data", reason: "no-baseline", measured: 45, baseline: null });
    expect(one(t, units, { "par.giam-sncl": 0 })).toMatchObject({ status: "no-data", reason: "zero-baseline" });
    expect(one(t, units, { "par.giam-sncl": 50 }).valueText).toBe("giảm 10% so với năm 2021");
    expect(describeCriterion(t)).toBe("giảm ít nhất 10% so với năm 2021");
  });

  test("change against last year: at least one more unit, and a strict rise", () => {
    const more = target("par.them-sncl-tu-bao-dam");
    const v = { "sncl-tu-chu-chi-tx-dt": 1, "sncl-tu-chu-chi-tx": 2 };
    expect(one(more, v, { "par.them-sncl-tu-bao-dam": 2 })).toMatchObject({ status: "met", value: 1 });
    expect(one(more, v, { "par.them-sncl-tu-bao-dam": 3 })).toMatchObject({ status: "not-met", value: 0 });
    expect(describeCriterion(more)).toBe("tăng ít nhất 1 đơn vị so với năm trước");
    const rise = target("par.them-sncl-mot-phan");
    expect(one(rise, { "sncl-tu-chu-mot-phan": 5 }, { "par.them-sncl-mot-phan": 5 }).status).toBe("not-met");
    expect(one(rise, { "sncl-tu-chu-mot-phan": 6 }, { "par.them-sncl-mot-phan": 5 }).status).toBe("met");
    expect(describeCriterion(rise)).toBe("tăng so với năm trước");
  });
});

// ---------------------------------------------------------------------------------------------
describe("no data and self-assessment: never met by default", () => {
  test("blank, a not-reported marker, an invalid entry, a missing form, a ratio over 0", () => {
    const t = target("par.dung-han-huyen");
    expect(one(t, {})).toMatchObject({ status: "no-data", reason: "blank", value: null, address: addressOf(BCDK, "tl-dung-hen-huyen", "so-lieu") });
    expect(one(t, { "tl-dung-hen-huyen": "-" })).toMatchObject({ status: "no-data", reason: "blank" });
    expect(one(t, { "tl-dung-hen-huyen": "1 2" })).toMatchObject({ status: "no-data", reason: "invalid" });
    expect(evaluateTarget(t, valuesFromFilled(fill(TASKS, {})))).toMatchObject({ status: "no-data", reason: "form-missing", cells: [] });
    expect(one(target("par.xu-ly-van-de-kiem-tra"), { "van-de-phat-hien": 0, "van-de-da-xu-ly": 0 })).toMatchObject({
      status: "no-data",
      reason: "zero-denominator",
    });
    // one part of a ratio missing
    expect(one(target("par.kiem-tra-30"), { "tong-don-vi": 10 })).toMatchObject({ status: "no-data", reason: "blank" });
  });

  test("no row measures it, or the clause has no figure: self-assessment, whatever the sheet holds", () => {
    const full = periodic(Object.fromEntries(BCDK.rows.filter((r) => r.kind === "percent").map((r) => [r.id, 100])));
    expect(evaluateTarget(target("par.sipas-90"), valuesFromFilled(full))).toMatchObject({ status: "self-assessment", reason: "no-metric" });
    expect(evaluateTarget(target("nq30c.huyen.03.sap-xep"), valuesFromFilled(full))).toMatchObject({ status: "self-assessment", reason: "qualitative" });
  });

  test("a commune: each 2023-2025 target it carries out and no row measures says where to find the figure", () => {
    const commune = selectTargets(TARGETS, { level: "xa", programme: "par-sipas-2023-2025", includeAlternatives: true });
    const self = commune.filter((t) => !t.metric);
    expect(self.length).toBeGreaterThan(10);
    for (const t of self) {
      const r = evaluateTarget(t, valuesFromFilled(periodic({})));
      expect({ id: t.id, status: r.status, hint: typeof r.howToAssess }).toEqual({ id: t.id, status: "self-assessment", hint: "string" });
      expect(r.message).toBe(`Cần tự đánh giá: không có dòng nào của các biểu mẫu đo chỉ tiêu này. ${t.howToAssess}`);
    }
    // a measured target has no such hint, met or not
    const measuredHere = evaluateTarget(target("par.dung-han-xa"), valuesFromFilled(periodic({ "tl-dung-hen-xa": 99.5 })));
    expect(measuredHere).toMatchObject({ status: "met", value: 99.5 });
    expect(measuredHere.howToAssess).toBeUndefined();
  });

  test("a commune's own figures measure the commune targets; the district's offices and counts stay district targets", () => {
    const commune = selectTargets(TARGETS, { level: "xa", programme: "par-sipas-2023-2025" }).filter((t) => t.metric).map((t) => t.id);
    expect(commune).toEqual(expect.arrayContaining(["par.dung-han-xa", "par.ho-so-toan-trinh-80", "par.bien-che-hanh-chinh", "par.mot-cua"]));
    for (const id of ["par.dung-han-huyen", "par.kiem-tra-30", "par.lien-thong-cung-cap", "par.giam-sncl", "par.doi-thoai", "par.mot-cua-xa"]) expect(commune).not.toContain(id);
    // every row a commune target reads is a row a commune reports
    for (const id of commune) {
      const m = findTarget(id)!.metric!;
      const rows = m.type === "row" ? [m.row] : m.type === "sum" ? m.rows : [...m.numerator, ...m.denominator];
      for (const row of rows) expect({ id, row, levels: BCDK.rows.find((r) => r.id === row)!.levels ?? BCDK.levels }).toEqual({ id, row, levels: expect.arrayContaining(["xa"]) });
    }
  });

  test("nothing is met on an empty report", () => {
    for (const level of ["tinh", "huyen", "xa"] as const) {
      const results = evaluateTargets(valuesFromFilled([]), TARGETS, { level });
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter((r) => r.status === "met" || r.status === "not-met")).toEqual([]);
    }
    const results = evaluateTargets(periodic({}), TARGETS, { level: "huyen", year: 2025 });
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(["no-data", "self-assessment"]));
  });
});

// ---------------------------------------------------------------------------------------------
describe("multi-threshold and level-specific goals", () => {
  test("goal 13 keeps its work-file thresholds apart by level (80 province, 60 district, 30 commune)", () => {
    const thresholds = (copy: string) =>
      TARGETS.filter((t) => t.id.startsWith(`nq30c.${copy}.13.ho-so-cong-viec`)).map((t) => [t.about ?? copy, t.threshold]);
    expect(thresholds("tinh")).toEqual([
      ["tinh", 80],
      ["huyen", 60],
      ["xa", 30],
    ]);
    expect(thresholds("huyen")).toEqual([
      ["huyen", 60],
      ["xa", 30],
    ]);
  });

  test("targets apply by level: a commune is not checked against the district's figures", () => {
    const ids = (level: "huyen" | "xa") => selectTargets(TARGETS, { level, programme: "par-sipas-2023-2025" }).map((t) => t.id);
    expect(ids("huyen")).toEqual(expect.arrayContaining(["par.so-hoa-huyen", "par.so-hoa-xa", "par.dung-han-huyen"]));
    expect(ids("xa")).toContain("par.so-hoa-xa");
    expect(ids("xa")).not.toContain("par.so-hoa-huyen");
    expect(ids("xa")).not.toContain("par.dung-han-huyen");
    expect(selectTargets(TARGETS, { level: "xa", year: 2020 }).every((t) => t.id.startsWith("nq30c.xa."))).toBe(true);
    expect(selectTargets(TARGETS, { level: "tinh", year: 2020 }).every((t) => t.id.startsWith("nq30c.tinh."))).toBe(true);
  });

  test("goal 8 bundles a measured 90% with clauses without a figure: all are sub-targets, the rating is not suggested", () => {
    const pl7 = form("tk2011-2020.huyen.pl7");
    const results = evaluateTargets(fill(pl7, { "tl-vb-dien-tu": { y2020q1: "95" } }), TARGETS, { level: "huyen", year: 2020 });
    const goal8 = results.filter((r) => r.goal === "8");
    expect(goal8.map((r) => [r.target, r.status])).toEqual([
      ["nq30c.huyen.08.van-ban-dien-tu", "met"],
      ["nq30c.huyen.08.thu-dien-tu", "self-assessment"],
      ["nq30c.huyen.08.du-lieu-dien-tu", "self-assessment"],
      ["nq30c.huyen.08.giao-dich-dien-tu", "self-assessment"],
      ["nq30c.huyen.08.dvc-muc-3-4", "self-assessment"],
    ]);
    expect(goal8[0]).toMatchObject({ column: "y2020q1", columnLabel: "Năm 2020 (Tính đến 31/3)", partial: true });
    const s = suggestRatings(results, form("tk2011-2020.huyen.pl8")).find((x) => x.row === "mt08-van-ban-dien-tu")!;
    expect(s.suggestion).toBeNull();
    expect(s.missing.map((m) => m.target)).toEqual(goal8.slice(1).map((r) => r.target));
  });

  test("the 2020 value is preferred; without it the latest year reported is used", () => {
    const pl1 = form("tk2011-2020.huyen.pl1");
    const t = target("nq30c.huyen.05.hai-long");
    const r1 = evaluateTarget(t, valuesFromFilled(fill(pl1, { "muc-do-hai-long": { y2018: "70", y2019: "85" } })));
    expect(r1).toMatchObject({ status: "met", value: 85, column: "y2019", address: addressOf(pl1, "muc-do-hai-long", "y2019") });
    expect(r1.partial).toBeUndefined();
    const r2 = evaluateTarget(t, valuesFromFilled(fill(pl1, { "muc-do-hai-long": { y2019: "85", y2020q1: "80" } })));
    expect(r2).toMatchObject({ status: "not-met", value: 80, column: "y2020q1", partial: true });
  });

  test("appendix 3.4.2 bundles the district and commune on-time rates: both must hold", () => {
    const rated = fill(TASKS, { "dung-han-huyen-xa": { "ket-qua": "Đạt" } });
    const suggest = (huyen: string, xa: string) => {
      const results = evaluateTargets(periodic({ "tl-dung-hen-huyen": huyen, "tl-dung-hen-xa": xa }), TARGETS, { level: "huyen", year: 2025 });
      return suggestRatings(results, rated, { level: "huyen" }).find((s) => s.row === "dung-han-huyen-xa")!;
    };
    expect(suggest("100", "99,5")).toMatchObject({ suggestion: "Đạt", current: "Đạt", disagrees: false, targets: ["par.dung-han-huyen", "par.dung-han-xa"] });
    const short = suggest("100", "99");
    expect(short).toMatchObject({ suggestion: "Không đạt", current: "Đạt", disagrees: true, address: addressOf(TASKS, "dung-han-huyen-xa", "ket-qua") });
    expect(ratingIssues([short])).toEqual([
      expect.objectContaining({ code: "target_rating_differs", severity: "warning", cell: addressOf(TASKS, "dung-han-huyen-xa", "ket-qua"), value: "Đạt" }),
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
describe("ratings of Phụ lục 8 and commune Phụ lục 3", () => {
  const pl1 = form("tk2011-2020.huyen.pl1");
  const pl7 = form("tk2011-2020.huyen.pl7");

  test("district: goals 2 and 5 are suggested from the satisfaction rate; the user's rating is kept and compared", () => {
    const stats = [
      fill(pl1, { "muc-do-hai-long": { y2019: "84,5" } }),
      fill(pl7, { "tl-vb-dien-tu": { y2019: "70" }, "tl-ho-so-mot-cua-dien-tu": { y2019: "100%" } }),
    ];
    const results = evaluateTargets(stats, TARGETS, { level: "huyen", year: [2020, "yearly"] });
    const pl8 = form("tk2011-2020.huyen.pl8");
    const rated = fill(pl8, { "mt02-hai-long-tthc": { "danh-gia": "Không đạt" }, "mt05-hai-long-hanh-chinh": { "danh-gia": "đạt" } });
    const before = JSON.stringify([...rated.cells.get("mt02-hai-long-tthc")!.entries()]);
    const suggestions = suggestRatings(results, rated);
    expect(suggestions).toHaveLength(16);
    const s = (row: string) => suggestions.find((x) => x.row === row)!;
    expect(s("mt02-hai-long-tthc")).toMatchObject({ suggestion: "Đạt", current: "Không đạt", currentText: "Không đạt", disagrees: true });
    expect(s("mt02-hai-long-tthc").evidence.map((r) => [r.target, r.value, r.address])).toEqual([
      ["nq30c.huyen.02.hai-long", 84.5, addressOf(pl1, "muc-do-hai-long", "y2019")],
    ]);
    expect(s("mt05-hai-long-hanh-chinh")).toMatchObject({ suggestion: "Đạt", current: "Đạt", disagrees: false });
    // goal 11: the one-stop figure is met but the 20% online figure has no row → no suggestion
    expect(s("mt11-ho-so-truc-tuyen")).toMatchObject({ suggestion: null, current: null, disagrees: false });
    expect(s("mt11-ho-so-truc-tuyen").evidence.find((r) => r.target === "nq30c.huyen.11.mot-cua-dien-tu")?.status).toBe("met");
    // goal 13: 70% of documents electronic is short of 90%, but other clauses have no row → still no suggestion
    expect(s("mt13-truc-lien-thong").suggestion).toBeNull();
    expect(s("mt13-truc-lien-thong").evidence.find((r) => r.target === "nq30c.huyen.13.van-ban-dien-tu")?.status).toBe("not-met");
    // nothing was written into the sheet
    expect(JSON.stringify([...rated.cells.get("mt02-hai-long-tthc")!.entries()])).toBe(before);
  });

  test("commune: the commune copy is checked on the commune's own PL1 and rated in its Phụ lục 3", () => {
    const results = evaluateTargets(fill(pl1, { "muc-do-hai-long": { y2020q1: "78" } }), TARGETS, { level: "xa", year: 2020 });
    expect(results.every((r) => r.target.startsWith("nq30c.xa."))).toBe(true);
    const s = suggestRatings(results, form("tk2011-2020.xa.pl3"));
    expect(s.find((x) => x.row === "hai-long-tthc")).toMatchObject({ suggestion: "Không đạt", current: null });
    expect(s.find((x) => x.row === "hai-long-hanh-chinh")?.evidence[0]).toMatchObject({ target: "nq30c.xa.05.hai-long", value: 78, status: "not-met" });
  });

  test("commune without PL1/PL7 (a commune's own review is its Phụ lục 3): those clauses are «cần tự đánh giá», no form is named", () => {
    const results = evaluateTargets(fill(form("tk2011-2020.xa.pl3"), {}), TARGETS, { level: "xa", year: 2020 });
    const measuredElsewhere = results.filter((r) => findTarget(r.target)!.metric);
    expect(measuredElsewhere.map((r) => r.target)).toEqual([
      "nq30c.xa.02.hai-long",
      "nq30c.xa.05.hai-long",
      "nq30c.xa.08.van-ban-dien-tu",
      "nq30c.xa.11.mot-cua-dien-tu",
      "nq30c.xa.13.van-ban-dien-tu",
    ]);
    for (const r of measuredElsewhere) {
      expect(r).toMatchObject({ status: "self-assessment", reason: "form-not-filled", value: null, cells: [] });
      expect(r.form).toBeUndefined();
      expect(r.message).toBe("Cần tự đánh giá: các phụ lục đơn vị đã điền không có dòng nào đo chỉ tiêu này.");
    }
    expect(results.some((r) => r.status === "no-data")).toBe(false);
    // the district's copy is not optional: a district without its PL1 is told the appendix is missing
    const district = evaluateTargets(fill(form("tk2011-2020.huyen.pl8"), {}), TARGETS, { level: "huyen", year: 2020 });
    expect(district.find((r) => r.target === "nq30c.huyen.02.hai-long")).toMatchObject({ status: "no-data", reason: "form-missing" });
  });

  test("every goal of a rating sheet is listed with the unit's own rating, why there is no suggestion, and what to read first", () => {
    const stats = fill(pl7, { "tl-vb-dien-tu": { y2019: "70" } });
    const results = evaluateTargets(stats, TARGETS, { level: "huyen", year: [2020, "yearly"] });
    const pl8 = form("tk2011-2020.huyen.pl8");
    const rated = fill(pl8, { "mt01-tthc-gon-nhe": { "danh-gia": "Không đạt" }, "mt13-truc-lien-thong": { "danh-gia": "Đạt" }, "mt03-sap-xep-bo-may": { "danh-gia": "ok" } });
    const s = suggestRatings(results, rated);
    const row = (id: string) => s.find((x) => x.row === id)!;
    // goal 13: 70% of documents is short of 90% — the goal cannot be fully met, though other clauses have no figure
    expect(row("mt13-truc-lien-thong")).toMatchObject({ suggestion: null, short: true, attention: true, current: "Đạt" });
    expect(row("mt13-truc-lien-thong").why).toBe(
      "Chưa gợi ý được: 1 tiêu chí chưa đạt (70%, chỉ tiêu từ 90% trở lên); 3/4 tiêu chí không đo được bằng số liệu của các phụ lục (cần tự đánh giá).",
    );
    // goal 1: rated Không đạt by the unit
    expect(row("mt01-tthc-gon-nhe")).toMatchObject({ current: "Không đạt", short: false, attention: true });
    // goal 2: no PL1 in the workbook — no data, said with the message of the result
    expect(row("mt02-hai-long-tthc").why).toMatch(/^Chưa gợi ý được: 1 tiêu chí chưa có số liệu \(Chưa có số liệu: không có Phụ lục 1 «/);
    // goal 3: a word that is not a rating is kept as typed
    expect(row("mt03-sap-xep-bo-may")).toMatchObject({ current: null, currentText: "ok", attention: false });
    // goal 8 reads the same 70%: short too; the three come first, in form order
    expect(attentionFirst(s).slice(0, 4).map((x) => [x.row, x.attention])).toEqual([
      ["mt01-tthc-gon-nhe", true],
      ["mt08-van-ban-dien-tu", true],
      ["mt13-truc-lien-thong", true],
      ["mt02-hai-long-tthc", false],
    ]);
    expect(countRatings(s)).toEqual({ rows: 16, dat: 1, khongDat: 1, unrated: 14, suggestedDat: 0, suggestedKhongDat: 0, attention: 3 });
  });

  test("the task form at commune level: rows rated without a figure are listed too; rows for the district only are not", () => {
    const s = suggestRatings([], TASKS, { level: "xa" });
    const applies = TASKS.rows.filter((r) => r.kind === "status" && (!r.levels || r.levels.includes("xa")));
    expect(s.map((x) => x.row)).toEqual(applies.map((r) => r.id));
    expect(applies.length).toBeLessThan(TASKS.rows.filter((r) => r.kind === "status").length);
    const without = s.find((x) => x.targets.length === 0)!;
    expect(without).toMatchObject({ suggestion: null, why: "Mục này không có chỉ tiêu định lượng: đơn vị tự đánh giá.", attention: false });
    // a form of another level gives nothing
    expect(suggestRatings([], form("tk2011-2020.xa.pl3"), { level: "huyen" })).toEqual([]);
  });

  test("a rollup's row: the units' own ratings name who did not rate it Đạt", () => {
    const units = [
      { unit: "UBND xã A", rating: "Đạt" as const },
      { unit: "UBND xã B", rating: "Không đạt" as const },
      { unit: "UBND xã C", rating: null },
      { unit: "UBND xã D", rating: null, text: "đang làm" },
    ];
    expect(unitRatingsText(units)).toBe("Đạt: 1/4 — Không đạt: UBND xã B; chưa ghi: UBND xã C; ghi khác: UBND xã D («đang làm»)");
    const pl3 = form("tk2011-2020.xa.pl3");
    const s = suggestRatings([], pl3, { units: new Map([[pl3.rows[0].id, units.slice(0, 1)], [pl3.rows[1].id, units]]) });
    expect(s[0]).toMatchObject({ attention: false, units: units.slice(0, 1) });
    expect(s[1]).toMatchObject({ attention: true, units });
  });

  test("province: the province copy reads the province's own appendices", () => {
    const results = evaluateTargets(fill(form("tk2011-2020.tinh.pl7"), { "tl-van-ban-dien-tu": { y2020q1: "92" } }), TARGETS, {
      level: "tinh",
      year: 2020,
    });
    expect(results.find((r) => r.target === "nq30c.tinh.13.van-ban-dien-tu")).toMatchObject({ status: "met", value: 92, form: "tk2011-2020.tinh.pl7" });
    expect(results.find((r) => r.target === "nq30c.tinh.05.hai-long")).toMatchObject({ status: "no-data", reason: "form-missing" });
  });
});

// ---------------------------------------------------------------------------------------------
describe("rollup values and issues", () => {
  /** What a rollup of three districts would list (consolidated values of the periodic form). */
  const ROLLUP = [
    { form: BCDK.id, row: "nv-de-ra", column: "so-lieu", value: 90, address: "D9", sheet: "Tổng hợp" },
    { form: BCDK.id, row: "nv-hoan-thanh", column: "so-lieu", value: 90, address: "D10", sheet: "Tổng hợp" },
    { form: BCDK.id, row: "tong-don-vi", column: "so-lieu", value: 33, address: "D12", sheet: "Tổng hợp" },
    { form: BCDK.id, row: "don-vi-da-kiem-tra", column: "so-lieu", value: 9, address: "D13", sheet: "Tổng hợp" },
    { form: BCDK.id, row: "doi-thoai", column: "so-lieu", value: "2/3 đơn vị", address: "D23", sheet: "Tổng hợp" },
    { form: BCDK.id, row: "tl-dung-hen-huyen", column: "so-lieu", value: 99.4, address: "D48", sheet: "Tổng hợp" },
    { form: BCDK.id, row: "tl-dung-hen-xa", column: "so-lieu", value: 98.7, address: "D49", sheet: "Tổng hợp" },
    { form: BCDK.id, row: "tthc-lien-thong-cung-cap", column: "so-lieu", value: 478 },
    { form: BCDK.id, row: "tthc-lien-thong-cac-cap", column: "so-lieu", value: 15 },
    { form: BCDK.id, row: "bien-che-giao", column: "so-lieu", value: 240 },
    { form: BCDK.id, row: "bien-che-co-mat", column: "so-lieu", value: 251 },
  ];
  const statuses = (values: TargetValues) =>
    Object.fromEntries(
      evaluateTargets(values, TARGETS, { level: "huyen", year: 2025 })
        .filter((r) => r.status === "met" || r.status === "not-met" || r.status === "no-data")
        .map((r) => [r.target, r.status]),
    );

  test("a rollup list is evaluated target by target", () => {
    expect(statuses(valuesFromList(ROLLUP, "Tổng hợp"))).toEqual({
      "nq76.2025.dvc-muc-3-4": "no-data",
      "par.hoan-thanh-ke-hoach": "met", // 90 / 90
      "par.kiem-tra-30": "not-met", // 9 / 33 = 27,27%
      "par.xu-ly-van-de-kiem-tra": "no-data",
      "par.doi-thoai": "no-data", // "2/3 đơn vị" is a text, not a number
      "par.nhiem-vu-tinh-giao": "no-data",
      "par.mot-cua": "no-data",
      "par.lien-thong-cung-cap": "met",
      "par.lien-thong-cac-cap": "met",
      "par.dung-han-huyen": "met", // 99,4 > 99
      "par.dung-han-xa": "not-met", // 98,7
      "par.giam-sncl": "no-data",
      "par.bien-che-hanh-chinh": "not-met", // 251 / 240
      "par.nguoi-lam-viec-sncl": "no-data",
      "par.them-sncl-tu-bao-dam": "no-data",
      "par.them-sncl-mot-phan": "no-data",
      "par.he-thong-bao-cao": "no-data",
      "par.ho-so-toan-trinh-80": "no-data",
    });
    const r = evaluateTargets(valuesFromList(ROLLUP), TARGETS, { level: "huyen", year: 2025 }).find((x) => x.target === "par.kiem-tra-30")!;
    expect(r).toMatchObject({ value: 27.2727272727, sheet: "Tổng hợp", address: "D13" });
    // the rollup JSON names columns by their printed header
    const byHeader = valuesFromList(ROLLUP.map((v) => ({ ...v, column: "Số liệu" })));
    expect(statuses(byHeader)).toEqual(statuses(valuesFromList(ROLLUP)));
  });

  test("the same values give the same results from a sheet and from a list", () => {
    const values = { "nv-de-ra": 30, "nv-hoan-thanh": 24, "tl-dung-hen-huyen": 100, "tthc-lien-thong-cac-cap": 9 };
    const fromSheet = evaluateTargets(periodic(values), TARGETS, { level: "huyen", year: 2025 });
    const list = Object.entries(values).map(([row, value]) => ({ form: BCDK.id, row, column: "so-lieu", value, address: addressOf(BCDK, row, "so-lieu"), sheet: "PL" }));
    const fromList = evaluateTargets(valuesFromList(list), TARGETS, { level: "huyen", year: 2025 });
    // a list only holds the values reported, so blank cells have no address there
    const pick = (rs: TargetResult[]) => rs.map((r) => [r.target, r.status, r.reason, r.value, r.value === null ? "" : r.address]);
    expect(pick(fromList)).toEqual(pick(fromSheet));
  });

  test("targets short of their figure become warnings at their cells, in Vietnamese", () => {
    const results = evaluateTargets(valuesFromList(ROLLUP), TARGETS, { level: "huyen", year: 2025 });
    const issues = targetIssues(results);
    expect(issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ["target_not_met", "Tổng hợp", "D13"],
      ["target_not_met", "Tổng hợp", "D49"],
      ["target_not_met", "", ""],
    ]);
    expect(issues[0].message).toContain("Ô Tổng hợp!D13");
    expect(issues[0].message).toContain("27,27%");
    expect(issues[0].message).toContain("từ 30% trở lên");
    expect(issues[0].message).toContain("Kế hoạch, mục III.1.c");
    const baseline = targetIssues(evaluateTargets(periodic({ "sncl-nn-dam-bao": 47, "sncl-tu-chu-chi-tx-dt": 0, "sncl-tu-chu-chi-tx": 0, "sncl-tu-chu-mot-phan": 0 }), [target("par.giam-sncl")], { level: "huyen" }));
    expect(baseline).toEqual([expect.objectContaining({ code: "target_needs_baseline", cell: addressOf(BCDK, "sncl-tu-chu-chi-tx-dt", "so-lieu") })]);
    expect(baseline[0].message).toContain("năm 2021");
    for (const i of [...issues, ...baseline]) expect(i.message).not.toMatch(/undefined|null|NaN|\[object/);
  });

  test("the new issue codes have Vietnamese messages that name the place", () => {
    const p = { sheet: "PL", cell: "D13", value: "27,27%", label: "Số phòng chuyên môn", column: "Số liệu", expected: "từ 30% trở lên", detail: "Kế hoạch, mục III.1.c" };
    expect(MESSAGES.target_not_met(p)).toContain("PL!D13");
    expect(MESSAGES.target_needs_baseline({ ...p, value: "năm 2021" })).toContain("năm 2021");
    expect(MESSAGES.target_rating_differs({ ...p, value: "Đạt", expected: "Không đạt" })).toContain("giữ nguyên");
  });
});

// ---------------------------------------------------------------------------------------------
describe("seed 003 (Kbang, Q1 2021) against the 2025 targets of a district", () => {
  const values: FillValues = {};
  for (const v of SEED003_VALUES) values[v.rowId] = { "so-lieu": v.value, ...(v.note ? { "ghi-chu": v.note } : {}) };
  const filled = fill(BCDK, values, { sheet: "Phụ lục", unit: "Kbang" });
  const results = evaluateTargets(filled, TARGETS, { level: "huyen", year: 2025, baselines: { "par.giam-sncl": 52 } });
  const at = (row: string) => addressOf(BCDK, row, "so-lieu");

  test("measured targets, one by one", () => {
    const measured = results.filter((r) => r.status !== "self-assessment").map((r) => [r.target, r.status, r.value, r.address]);
    expect(measured).toEqual([
      ["nq76.2025.dvc-muc-3-4", "not-met", 17.2484599589, at("tthc-md34-dvc")], // 84 / 487, unverified target
      ["par.hoan-thanh-ke-hoach", "not-met", 80, at("nv-hoan-thanh")], // 24 / 30
      ["par.kiem-tra-30", "not-met", 0, at("don-vi-da-kiem-tra")], // 0 / 11
      ["par.xu-ly-van-de-kiem-tra", "no-data", null, at("van-de-da-xu-ly")], // 0 / 0
      ["par.doi-thoai", "met", 1, at("doi-thoai")],
      ["par.nhiem-vu-tinh-giao", "not-met", 0, at("nv-giao-dung-han")], // (0 + 0) / 1
      ["par.mot-cua", "met", 100, at("tthc-mot-cua")], // 487 / 487
      ["par.lien-thong-cung-cap", "met", 478, at("tthc-lien-thong-cung-cap")],
      ["par.lien-thong-cac-cap", "not-met", 9, at("tthc-lien-thong-cac-cap")],
      ["par.dung-han-huyen", "met", 100, at("tl-dung-hen-huyen")],
      ["par.dung-han-xa", "met", 100, at("tl-dung-hen-xa")],
      ["par.giam-sncl", "not-met", -9.61538461538, at("sncl-tu-chu-chi-tx-dt")], // 47 against 52 in 2021
      ["par.bien-che-hanh-chinh", "met", 91.0256410256, at("bien-che-co-mat")], // 71 / 78
      ["par.nguoi-lam-viec-sncl", "met", 89.8698884758, at("nlv-co-mat")], // 967 / 1076
      ["par.them-sncl-tu-bao-dam", "no-data", null, at("sncl-tu-chu-chi-tx-dt")], // no baseline for last year
      ["par.them-sncl-mot-phan", "no-data", null, at("sncl-tu-chu-mot-phan")],
      ["par.he-thong-bao-cao", "not-met", 1, at("he-thong-bao-cao")], // "Đang làm"
      ["par.ho-so-toan-trinh-80", "not-met", 21.88, at("tl-hs-md4")], // "21.88"
    ]);
    const r = (id: string) => results.find((x) => x.target === id)!;
    expect(r("nq76.2025.dvc-muc-3-4").verified).toBe(false);
    expect(r("par.xu-ly-van-de-kiem-tra").reason).toBe("zero-denominator");
    expect(r("par.them-sncl-tu-bao-dam").reason).toBe("no-baseline");
    expect(r("par.giam-sncl")).toMatchObject({ measured: 47, baseline: 52, valueText: "giảm 9,62% so với năm 2021" });
    expect(r("par.dung-han-huyen")).toMatchObject({ sheet: "Phụ lục", label: "Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận được giải quyết đúng hẹn" });
  });

  test("everything else is listed as needing self-assessment, not hidden", () => {
    const self = results.filter((r) => r.status === "self-assessment").map((r) => r.target);
    expect(self).toEqual([
      "nq76.2025.thanh-toan-truc-tuyen",
      "par.par-index-top-5",
      "par.par-index-tang",
      "par.bao-cao-khac-phuc",
      "par.sang-kien-huyen",
      "par.sang-kien-moi-don-vi",
      "par.xu-ly-kien-nghi-doi-thoai",
      "par.xu-ly-tdthpl",
      "par.cong-khai-tthc",
      "par.mot-cua-huyen",
      "par.mot-cua-xa",
      "par.nganh-doc",
      "par.xin-loi-tre-hen",
      "par.chat-luong-tot",
      "par.pakn-xu-ly",
      "par.pakn-cong-khai",
      "par.kiem-soat-tthc",
      "par.cong-khai-tien-do",
      "par.co-cau-lanh-dao",
      "par.phan-cap-xu-ly",
      "par.vi-tri-viec-lam",
      "par.ky-luat-ky-cuong",
      "par.dao-tao-boi-duong",
      "par.chuan-can-bo-xa",
      "par.chuan-cong-chuc-xa",
      "par.giai-ngan",
      "par.su-dung-kinh-phi",
      "par.kien-nghi-thanh-tra",
      "par.quy-che-tai-san",
      "par.sap-xep-nha-dat",
      "par.them-sncl-70-100",
      "par.them-sncl-30-70",
      "par.them-sncl-10-30",
      "par.sncl-nguon-tai-chinh",
      "par.giam-chi-sncl",
      "par.tu-chu-bien-che-kinh-phi",
      "par.lgsp",
      "par.ndxp",
      "par.ho-so-cong-viec-50",
      "par.van-ban-dien-tu",
      "par.so-hoa-huyen",
      "par.so-hoa-xa",
      "par.dvc-toan-trinh",
      "par.ho-so-truc-tuyen-80",
      "par.thanh-toan-truc-tuyen-1",
      "par.thanh-toan-truc-tuyen-2",
      "par.thanh-toan-truc-tuyen-3",
      "par.sipas-90",
      "par.khao-sat-dai-bieu-80",
      "par.thu-hut-dau-tu",
      "par.thu-ngan-sach-doanh-nghiep",
      "par.chi-tieu-kt-xh",
    ]);
    // the alternatives and the 2030 / 2020 targets are not among them
    expect(results.map((r) => r.target)).not.toContain("par.so-hoa-30");
    expect(results.map((r) => r.target)).not.toContain("nq76.2030.dvc-muc-3-4");
    expect(results.length).toBe(70);
  });

  test("summary by reform area", () => {
    const byArea = Object.fromEntries(summariseByArea(results).map((s) => [s.area, s.counts]));
    expect(byArea["Cải cách TTHC"]).toEqual({ met: 4, "not-met": 2, "no-data": 0, "self-assessment": 11 });
    expect(byArea["Chỉ đạo điều hành"]).toEqual({ met: 1, "not-met": 3, "no-data": 1, "self-assessment": 6 });
  });

  test("suggested ratings of the 2023-2025 task form", () => {
    const s = suggestRatings(results, TASKS, { level: "huyen" });
    const pick = Object.fromEntries(s.filter((x) => x.suggestion).map((x) => [x.stt, x.suggestion]));
    expect(pick).toEqual({
      "1.1.": "Không đạt",
      "1.3.1": "Không đạt",
      "1.7.": "Không đạt",
      "3.3.3": "Đạt",
      "3.3.4": "Không đạt",
      "3.4.1": "Đạt",
      "3.4.2": "Đạt",
      "4.1.3": "Không đạt",
      "4.2.1": "Đạt",
      "4.2.2": "Đạt",
      "7.2.3": "Không đạt",
    });
    // 3.3.1 has the body's measured 100% but also the appendix's per-level figures without a row
    expect(s.find((x) => x.row === "mot-cua-tiep-nhan")).toMatchObject({ suggestion: null });
  });
});
