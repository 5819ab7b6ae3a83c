/**
 * "Chèn phụ lục": pick one form or a whole family from the catalogue, give the unit and period,
 * insert. New sheets never overwrite or rename existing ones; the result names what was created.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  SearchBox,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { FORMS, type Level } from "../../catalog";
import type { Backend, InsertOutcome } from "../backend";
import { PaneError } from "../backend";
import { formLine, groupForms, LEVEL_NAMES, type FamilyGroup } from "../catalog-view";
import { CreatedSheets } from "./CreatedSheets";
import { Help } from "./Help";
import { Notes, NotReady } from "./Notes";
import { asPaneError, Problem } from "./Problem";
import { useDownload } from "./useDownload";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: "12px" },
  filters: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "flex-end" },
  search: { flexGrow: 1, minWidth: "180px" },
  level: { width: "120px" },
  list: { display: "flex", flexDirection: "column", gap: "12px" },
  doc: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  family: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "4px 8px 8px",
    margin: 0,
    minWidth: 0,
  },
  familyHead: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: "4px" },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: "0 4px" },
  forms: { listStyleType: "none", padding: 0, margin: 0 },
  formLabel: { display: "flex", flexDirection: "column" },
  formId: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, wordBreak: "break-all" },
  empty: { color: tokens.colorNeutralForeground3 },
  meta: { display: "flex", flexDirection: "column", gap: "8px" },
  bar: {
    position: "sticky",
    bottom: 0,
    display: "flex",
    flexWrap: "wrap",
    gap: "8px",
    alignItems: "center",
    justifyContent: "space-between",
    padding: "8px 0",
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    zIndex: 1,
  },
});

export function InsertView({ backend }: { backend: Backend }) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [level, setLevel] = useState<Level | "">("");
  const [selected, setSelected] = useState<string[]>([]);
  const [unit, setUnit] = useState("");
  const [period, setPeriod] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InsertOutcome>();
  const [error, setError] = useState<PaneError>();
  const download = useDownload(backend);
  const availability = backend.capabilities().insert;

  const groups = useMemo(() => groupForms(FORMS, query, level), [query, level]);
  const shown = groups.reduce((n, d) => n + d.families.reduce((m, f) => m + f.forms.length, 0), 0);
  const isSelected = (id: string) => selected.includes(id);

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? (s.includes(id) ? s : [...s, id]) : s.filter((x) => x !== id)));
  const toggleFamily = (family: FamilyGroup, on: boolean) =>
    setSelected((s) => {
      const ids = family.forms.map((f) => f.id);
      return on ? [...s, ...ids.filter((id) => !s.includes(id))] : s.filter((id) => !ids.includes(id));
    });

  async function insert() {
    setError(undefined);
    setResult(undefined);
    if (!selected.length) {
      setError(new PaneError("Chưa chọn phụ lục nào.", "Hãy đánh dấu ít nhất một phụ lục (hoặc «Chọn cả nhóm») rồi bấm «Chèn»."));
      return;
    }
    // Catalogue order, whatever order the boxes were ticked in.
    const ids = FORMS.map((f) => f.id).filter(isSelected);
    setBusy(true);
    try {
      setResult(await backend.insertForms({ formIds: ids, unit, period }));
    } catch (e) {
      setError(asPaneError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.view} aria-labelledby="insert-heading">
      <h2 id="insert-heading" className={styles.doc}>
        Chèn phụ lục
      </h2>
      <Help step="Chèn phụ lục">
        <ol>
          <li>Tìm phụ lục theo tên, số hoặc từ khoá (gõ có dấu hay không dấu đều được, ví dụ «phu luc 3»).</li>
          <li>Đánh dấu một hay nhiều phụ lục; «Chọn cả nhóm» lấy mọi phụ lục của một văn bản ở một cấp.</li>
          <li>Ghi đơn vị báo cáo và kỳ báo cáo (có thể sửa sau trong trang tính), rồi bấm «Chèn».</li>
        </ol>
        <p>
          Mỗi phụ lục thành một trang tính mới; trang đã có không bị ghi đè hay đổi tên. Chỉ nhập số liệu vào ô nền vàng nhạt;
          dòng tổng tự cộng.
          {backend.kind === "standalone" ? " Ngoài Excel, bấm «Tải về (.xlsx)» để lưu sổ làm việc về máy." : ""}
        </p>
      </Help>

      <NotReady availability={availability} />

      <div className={styles.filters} role="search">
        <Field label="Tìm phụ lục" className={styles.search}>
          <SearchBox
            value={query}
            onChange={(_, d) => setQuery(d.value)}
            placeholder="Ví dụ: phụ lục 3, thủ tục, cấp xã"
          />
        </Field>
        <Field label="Cấp" className={styles.level}>
          <Select value={level} onChange={(_, d) => setLevel(d.value as Level | "")}>
            <option value="">Tất cả</option>
            {(Object.keys(LEVEL_NAMES) as Level[]).map((l) => (
              <option key={l} value={l}>
                {LEVEL_NAMES[l]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Text size={200} aria-live="polite">
        {query || level ? `Tìm thấy ${shown} phụ lục.` : `${FORMS.length} phụ lục trong danh mục.`}
      </Text>

      <div className={styles.list}>
        {groups.length === 0 ? (
          <Text className={styles.empty}>Không có phụ lục nào khớp. Hãy thử từ khoá khác, ví dụ «phụ lục 1» hoặc «thống kê».</Text>
        ) : null}
        {groups.map((doc) => (
          <div key={doc.title}>
            <h3 className={styles.doc}>{doc.title}</h3>
            {doc.families.map((family) => {
              const count = family.forms.filter((f) => isSelected(f.id)).length;
              const state = count === 0 ? false : count === family.forms.length ? true : "mixed";
              const groupName = `${doc.title} — ${family.levelLabel}`;
              return (
                <fieldset key={family.family} className={styles.family}>
                  <legend className={styles.legend}>{family.levelLabel}</legend>
                  {family.forms.length > 1 ? (
                    <div className={styles.familyHead}>
                      <Checkbox
                        checked={state}
                        onChange={(_, d) => toggleFamily(family, d.checked === true)}
                        label="Chọn cả nhóm"
                        input={{ "aria-label": `Chọn cả nhóm: ${groupName} (${family.forms.length} phụ lục)` }}
                      />
                    </div>
                  ) : null}
                  <ul className={styles.forms}>
                    {family.forms.map((form) => (
                      <li key={form.id}>
                        <Checkbox
                          checked={isSelected(form.id)}
                          onChange={(_, d) => toggle(form.id, d.checked === true)}
                          input={{ "data-form-id": form.id } as Record<string, string>}
                          label={
                            <span className={styles.formLabel}>
                              <span>{formLine(form)}</span>
                              <span className={styles.formId}>{form.id}</span>
                            </span>
                          }
                        />
                      </li>
                    ))}
                  </ul>
                </fieldset>
              );
            })}
          </div>
        ))}
      </div>

      <div className={styles.meta}>
        <Field label="Đơn vị báo cáo" hint="Ví dụ: UBND huyện Tuy Phước">
          <Input value={unit} onChange={(_, d) => setUnit(d.value)} autoComplete="organization" />
        </Field>
        <Field label="Kỳ báo cáo" hint="Ví dụ: Năm 2020; Quý I năm 2025">
          <Input value={period} onChange={(_, d) => setPeriod(d.value)} />
        </Field>
      </div>

      {error ? <Problem error={error} /> : null}
      {result ? (
        <CreatedSheets intent="success" title={`Đã chèn ${result.sheets.length} trang tính.`} sheets={result.sheets} download={download} />
      ) : null}
      {result ? <Notes title="Excel này chưa áp dụng được hết:" notes={result.degraded} /> : null}
      {download?.error ? <Problem error={download.error} /> : null}

      <div className={styles.bar}>
        <Text size={200} aria-live="polite">
          {selected.length ? `Đã chọn ${selected.length} phụ lục` : "Chưa chọn phụ lục"}
        </Text>
        <div>
          {selected.length ? (
            <Button appearance="subtle" size="small" onClick={() => setSelected([])}>
              Bỏ chọn
            </Button>
          ) : null}
          <Button appearance="primary" onClick={insert} disabled={busy || !availability.ready}>
            {busy ? <Spinner size="tiny" label="Đang chèn…" /> : "Chèn"}
          </Button>
        </div>
      </div>
    </section>
  );
}
