/**
 * The backend outside Excel: the same steps on an in-memory workspace of sheets (workspace.ts)
 * that the user fills from files and downloads as .xlsx. Serves units whose Excel cannot load
 * add-ins (older perpetual Office, LibreOffice users) and closed networks where office.js cannot
 * be loaded at all.
 */
import type { Level } from "../catalog";
import { foldForSearch } from "../core/search";
import {
  PaneError,
  type Backend,
  type Capabilities,
  type CheckReport,
  type InputFile,
  type InsertOutcome,
  type InsertRequest,
  type RollupOutcome,
  type RollupProgress,
  type RollupRequest,
  type SourceSheets,
  type TargetsOutcome,
} from "./backend";
import { toFileError } from "./errors";
import { resolveForms } from "./excel-backend";
import { Workspace } from "./workspace";

const wiring = () => import(/* webpackChunkName: "core" */ "./core-wiring");

/** "UBND huyện Tuy Phước" → "cchc-ubnd-huyen-tuy-phuoc.xlsx". */
export function downloadName(unit: string | undefined): string {
  const slug = foldForSearch(unit ?? "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug ? `cchc-${slug}.xlsx` : "cchc-phu-luc.xlsx";
}

export class StandaloneBackend implements Backend {
  readonly kind = "standalone" as const;
  readonly hostLabel = "Chế độ trình duyệt";
  readonly workspace = new Workspace();
  /** Unit of the last insert, for the download's file name. */
  private lastUnit: string | undefined;

  capabilities(): Capabilities {
    return { insert: { ready: true }, check: { ready: true }, rollup: { ready: true }, targets: { ready: true } };
  }

  async insertForms(request: InsertRequest): Promise<InsertOutcome> {
    const forms = resolveForms(request.formIds);
    const unit = request.unit?.trim() || undefined;
    const period = request.period?.trim() || undefined;
    if (unit) this.lastUnit = unit;
    const sheets = this.workspace.addTemplates(forms, { unit, period });
    return { sheets, degraded: [] };
  }

  async check(): Promise<CheckReport> {
    const { checkGrids } = await wiring();
    return checkGrids(this.grids());
  }

  private grids() {
    return this.workspace.getState().sheets.map((s) => s.grid);
  }

  async select(sheet: string, cell: string): Promise<void> {
    if (!this.workspace.select(sheet, cell)) {
      throw new PaneError(`Không còn trang «${sheet}» trong bảng tính.`, "Hãy bấm «Kiểm tra» lại để cập nhật danh sách.");
    }
  }

  async rollup(request: RollupRequest, onProgress?: (p: RollupProgress) => void, signal?: AbortSignal): Promise<RollupOutcome> {
    const w = await wiring();
    const chosen = request.sheets ?? [];
    const grids = chosen.map((c) => {
      const sheet = this.workspace.sheet(c.name);
      if (!sheet) throw new PaneError(`Không còn trang «${c.name}» trong bảng tính.`, "Hãy bấm «Làm mới» để cập nhật danh sách trang tính rồi chọn lại.");
      return sheet.grid;
    });
    const fromSheets = w.sheetSources(grids, chosen);
    const fromFiles = await w.readFiles(request.files, onProgress, signal, request.budget);
    if (signal?.aborted) throw w.cancelled();
    const sources = [...fromSheets, ...fromFiles];
    w.checkSources(sources);
    // A rebuild replaces the previous rollup's sheets (those carrying its marker) and no other.
    const replaced = w.rollupSheetNames(this.grids());
    const result = await w.consolidateSources(sources, request, this.workspace.sheetNames.filter((n) => !replaced.includes(n)));
    if (request.unit?.trim()) this.lastUnit = request.unit.trim();
    const written = this.workspace.addLayouts(
      result.sheets.map((s) => ({ name: s.name, layout: s.layout, kind: s.kind, ...(s.formId ? { formId: s.formId } : {}) })),
      replaced,
    );
    return w.rollupOutcome(result, written, replaced, []);
  }

  async sourceSheets(): Promise<SourceSheets> {
    const { sourceSheetsOf } = await wiring();
    return sourceSheetsOf(this.grids());
  }

  async targets(level?: Level): Promise<TargetsOutcome> {
    const { targetsOf } = await wiring();
    return targetsOf(this.grids(), level);
  }

  // ---- files (standalone only) ----------------------------------------------------------------

  /** Opens a workbook file: its sheets are appended to the workspace. Returns the sheet names. */
  async openFile(file: InputFile): Promise<string[]> {
    let grids;
    try {
      const { readFileGrids } = await import(/* webpackChunkName: "workspace-io" */ "./workspace-io");
      grids = await readFileGrids(file.name, file.bytes);
    } catch (error) {
      throw toFileError(error, `mở tệp «${file.name}»`);
    }
    return this.workspace.addFile(file.name, grids);
  }

  /** The workspace as .xlsx bytes, and a file name for it. */
  async download(): Promise<{ bytes: Uint8Array; fileName: string }> {
    try {
      const { workspaceToXlsx } = await import(/* webpackChunkName: "workspace-io" */ "./workspace-io");
      const bytes = await workspaceToXlsx(this.workspace.getState().sheets);
      return { bytes, fileName: downloadName(this.lastUnit) };
    } catch (error) {
      throw toFileError(error, "tạo tệp .xlsx để tải về");
    }
  }
}
