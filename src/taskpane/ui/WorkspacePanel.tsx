/**
 * Standalone mode's workbook: open a file, download everything as .xlsx, look at a sheet, select
 * a cell (Kiểm tra selects the cell of an issue here) and type into it.
 */
import { Button, Field, Input, Select, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { memo, useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { a1, columnLetters, parseA1, type Grid, type MergeRange } from "../../core/grid";
import type { Backend, PaneError } from "../backend";
import { displayText, EditRefused, type Workspace, type WorkspaceSheet } from "../workspace";
import { asPaneError, Problem } from "./Problem";
import { useDownload } from "./useDownload";
import { ACCEPTED_FILES, ACCEPTED_FORMATS } from "../accepted-files";

/** Rows of a sheet rendered at once (a window around the selection beyond that). */
const MAX_ROWS = 400;
const MAX_COLS = 60;

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  h2: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  fileInput: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  preview: { display: "flex", flexDirection: "column", gap: "8px" },
  scroller: {
    overflow: "auto",
    maxHeight: "60vh",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  table: { borderCollapse: "collapse", fontSize: "12px", fontFamily: "'Times New Roman', serif", tableLayout: "fixed" },
  th: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    fontFamily: tokens.fontFamilyBase,
    fontSize: "11px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "0 2px",
    zIndex: 1,
  },
  corner: { left: 0, zIndex: 2 },
  rowHead: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    fontFamily: tokens.fontFamilyBase,
    fontSize: "11px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "0 4px",
    textAlign: "right",
  },
  td: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    verticalAlign: "top",
    whiteSpace: "pre-wrap",
    wordBreak: "break-word",
    color: tokens.colorNeutralForeground1,
    cursor: "cell",
  },
  input: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", backgroundColor: tokens.colorBrandBackground2 },
  editor: { display: "flex", gap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  editorField: { flexGrow: 1, minWidth: "160px" },
});

interface Props {
  backend: Backend;
  workspace: Workspace;
}

export function WorkspacePanel({ backend, workspace }: Props) {
  const styles = useStyles();
  const state = useSyncExternalStore(workspace.subscribe, workspace.getState);
  const download = useDownload(backend);
  const fileInput = useRef<HTMLInputElement>(null);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<PaneError>();
  const [opened, setOpened] = useState<string>();

  async function open(files: FileList | null) {
    if (!files?.length || !backend.openFile) return;
    setOpening(true);
    setError(undefined);
    setOpened(undefined);
    const names: string[] = [];
    try {
      for (const file of Array.from(files)) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        names.push(...(await backend.openFile({ name: file.name, bytes })));
      }
      setOpened(`Đã mở ${files.length} tệp: ${names.length} trang tính.`);
    } catch (e) {
      setError(asPaneError(e));
    } finally {
      setOpening(false);
      if (fileInput.current) fileInput.current.value = "";
    }
  }

  // The preview (up to hundreds of rows of cells) follows the workspace a step behind, rendered in
  // slices React can interrupt: the sheets a rollup of 170 units adds held the page for 60-90 ms
  // when they were rendered with the rest of the panel. The selection does not wait: the editor
  // under the preview must be the clicked cell's before the user types into it.
  const preview = useDeferredValue(state);
  const active = preview.sheets.find((s) => s.name === preview.active) ?? preview.sheets[0];

  return (
    <section className={styles.panel} aria-labelledby="workspace-heading">
      <h2 id="workspace-heading" className={styles.h2}>
        Bảng tính trong trình duyệt
      </h2>
      <Text className={styles.muted}>
        {state.sheets.length
          ? `${state.sheets.length} trang tính${state.files.length ? ` · đã mở: ${state.files.join(", ")}` : ""}`
          : `Chưa có trang tính. Chèn một phụ lục hoặc mở tệp ${ACCEPTED_FORMATS}.`}
      </Text>
      <div className={styles.row}>
        <input
          ref={fileInput}
          id="workspace-file"
          className={styles.fileInput}
          type="file"
          multiple
          accept={ACCEPTED_FILES}
          onChange={(e) => void open(e.currentTarget.files)}
          tabIndex={-1}
          aria-hidden="true"
        />
        <Button onClick={() => fileInput.current?.click()} disabled={opening}>
          {opening ? "Đang mở…" : "Mở tệp…"}
        </Button>
        {download ? (
          <Button appearance="primary" onClick={download.run} disabled={download.busy || state.sheets.length === 0}>
            {download.busy ? "Đang tạo tệp…" : "Tải về (.xlsx)"}
          </Button>
        ) : null}
      </div>
      {opened ? (
        <Text size={200} role="status">
          {opened}
        </Text>
      ) : null}
      {download?.saved && !download.busy ? (
        <Text size={200} role="status">
          Đã tạo tệp «{download.saved}» (xem thư mục Tải xuống của trình duyệt).
        </Text>
      ) : null}
      {error ? <Problem error={error} /> : null}
      {download?.error ? <Problem error={download.error} /> : null}
      {active ? <SheetPreview workspace={workspace} sheets={preview.sheets} sheet={active} selection={state.selection?.sheet === active.name ? state.selection.cell : undefined} /> : null}
    </section>
  );
}

/** Where merged areas start and which cells they cover. */
function mergeMaps(merges: readonly MergeRange[] | undefined) {
  const start = new Map<string, MergeRange>();
  const covered = new Map<string, MergeRange>();
  for (const m of merges ?? []) {
    start.set(`${m.top}:${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.set(`${r}:${c}`, m);
  }
  return { start, covered };
}

function gridSize(grid: Grid): { rows: number; cols: number } {
  let cols = 0;
  for (const row of grid.cells) if (row && row.length > cols) cols = row.length;
  for (const m of grid.merges ?? []) cols = Math.max(cols, m.right + 1);
  const rows = Math.max(grid.cells.length, ...(grid.merges ?? []).map((m) => m.bottom + 1));
  return { rows, cols };
}

/** Memoised: rendered again only when the deferred workspace it shows has changed. */
const SheetPreview = memo(function SheetPreview({ workspace, sheets, sheet, selection }: { workspace: Workspace; sheets: readonly WorkspaceSheet[]; sheet: WorkspaceSheet; selection?: string }) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  // What the editor shows: the selected cell's value until the user types (keyed by the cell,
  // so a new selection shows its own value at once).
  const selKey = `${sheet.name}!${selection ?? ""}`;
  const [typed, setTyped] = useState<{ key: string; text: string; error?: string }>();
  const grid = sheet.grid;
  const layout = sheet.layout;
  const size = useMemo(() => gridSize(grid), [grid]);
  // The template's marker column is hidden, as in Excel.
  const cols = Math.min(layout ? layout.markerCell.col : size.cols, MAX_COLS);
  const merges = useMemo(() => mergeMaps(grid.merges), [grid]);
  const sel = selection ? parseA1(selection) : undefined;
  const anchor = sel ? (merges.covered.get(`${sel.row}:${sel.col}`) ?? { top: sel.row, left: sel.col }) : undefined;
  const selectedKey = anchor ? `${anchor.top}:${anchor.left}` : undefined;
  const firstRow = sel && sel.row >= MAX_ROWS ? Math.max(0, sel.row - Math.floor(MAX_ROWS / 2)) : 0;
  const lastRow = Math.min(size.rows, firstRow + MAX_ROWS);
  const inputCells = useMemo(() => {
    const set = new Set<string>();
    if (layout) for (const c of layout.cells) if (c.style === "input" || c.style === "inputText" || c.style === "metaInput") set.add(`${c.row}:${c.col}`);
    return set;
  }, [layout]);
  const selectedCellText = sel ? displayText(grid.cells[sel.row]?.[sel.col]) : "";
  const current = typed?.key === selKey ? typed : undefined;
  const draft = current ? current.text : sel ? (grid.cells[sel.row]?.[sel.col]?.value?.toString() ?? "") : "";
  const editError = current?.error;
  const setDraft = (text: string) => setTyped({ key: selKey, text });

  useEffect(() => {
    if (!selectedKey) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-cell="${selectedKey}"]`);
    el?.scrollIntoView({ block: "center", inline: "center" });
  }, [selectedKey, sheet.name]);

  const move = (dr: number, dc: number) => {
    const from = sel ?? { row: 0, col: 0 };
    const row = Math.max(0, Math.min(size.rows - 1, from.row + dr));
    const col = Math.max(0, Math.min(cols - 1, from.col + dc));
    workspace.select(sheet.name, a1(row, col));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      move(m[0], m[1]);
    } else if (e.key === "Enter" && sel) {
      e.preventDefault();
      document.getElementById("workspace-cell-editor")?.focus();
    }
  };

  function save() {
    if (!sel) return;
    try {
      workspace.setCell(sheet.name, a1(sel.row, sel.col), draft);
      setTyped(undefined);
    } catch (e) {
      setTyped({ key: selKey, text: draft, error: e instanceof EditRefused ? e.message : asPaneError(e).title });
    }
  }

  const widthOf = (c: number) => Math.max(40, Math.round((layout?.widths[c] ?? 10) * 7));
  const body = [];
  for (let r = firstRow; r < lastRow; r++) {
    const cells = [];
    for (let c = 0; c < cols; c++) {
      const key = `${r}:${c}`;
      if (merges.covered.has(key)) continue;
      const merge = merges.start.get(key);
      const raw = grid.cells[r]?.[c];
      const isSelected = key === selectedKey;
      cells.push(
        <td
          key={c}
          data-cell={key}
          id={`wcell-${key.replace(":", "-")}`}
          role="gridcell"
          aria-selected={isSelected}
          rowSpan={merge ? merge.bottom - merge.top + 1 : undefined}
          colSpan={merge ? Math.min(merge.right, cols - 1) - merge.left + 1 : undefined}
          className={mergeClasses(styles.td, inputCells.has(key) && styles.input, isSelected && styles.selected)}
          style={typeof raw?.value === "number" ? { textAlign: "right" } : undefined}
          onClick={() => workspace.select(sheet.name, a1(r, c))}
        >
          {displayText(raw)}
        </td>,
      );
    }
    body.push(
      <tr key={r} role="row" aria-rowindex={r + 2}>
        <th scope="row" role="rowheader" className={styles.rowHead}>
          {r + 1}
        </th>
        {cells}
      </tr>,
    );
  }

  return (
    <div className={styles.preview}>
      <div className={styles.row}>
        <Field label="Trang tính">
          <Select value={sheet.name} onChange={(_, d) => workspace.activate(d.value)}>
            {sheets.map((s) => (
              <option key={s.key} value={s.name}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="subtle" size="small" onClick={() => workspace.remove(sheet.name)}>
          Bỏ trang này
        </Button>
      </div>
      <div className={styles.editor}>
        <Field
          className={styles.editorField}
          label={sel ? `Ô ${a1(sel.row, sel.col)}` : "Ô đang chọn"}
          hint={sel ? (workspace.editable(sheet.name, a1(sel.row, sel.col)) ? `Đang có: ${selectedCellText || "(trống)"}` : "Ô này không nhận số liệu.") : "Bấm vào một ô của bảng để xem và sửa."}
          validationMessage={editError}
        >
          <Input
            id="workspace-cell-editor"
            value={draft}
            disabled={!sel}
            onChange={(_, d) => setDraft(d.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                save();
              }
            }}
          />
        </Field>
        <Button onClick={save} disabled={!sel}>
          Ghi vào ô
        </Button>
      </div>
      <div
        ref={scroller}
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={`Nội dung trang «${sheet.name}» (dùng phím mũi tên để chọn ô, Enter để sửa)`}
        onKeyDown={onKeyDown}
      >
        <table
          className={styles.table}
          style={{ width: 32 + Array.from({ length: cols }, (_, c) => widthOf(c)).reduce((a, b) => a + b, 0) }}
          role="grid"
          aria-label={`Trang tính «${sheet.name}»`}
          aria-rowcount={size.rows + 1}
        >
          <colgroup>
            <col style={{ width: 32 }} />
            {Array.from({ length: cols }, (_, c) => (
              <col key={c} style={{ width: widthOf(c) }} />
            ))}
          </colgroup>
          <thead>
            <tr role="row" aria-rowindex={1}>
              <th className={mergeClasses(styles.th, styles.corner)} role="columnheader">
                <span className={styles.fileInput}>Dòng</span>
              </th>
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} className={styles.th} scope="col" role="columnheader">
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
      {lastRow < size.rows || firstRow > 0 ? (
        <Text className={styles.muted}>
          Đang hiện dòng {firstRow + 1}–{lastRow} trên {size.rows} dòng.
        </Text>
      ) : null}
    </div>
  );
});
