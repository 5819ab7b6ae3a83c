/**
 * What the running Excel supports beyond the manifest's floor (ExcelApi 1.7), detected once at
 * start-up. Passed to every Office.js operation so that each degrades the same way, and so
 * tests can play an older Excel against the stand-in.
 */
export interface ExcelFeatures {
  /** ExcelApi 1.8: native data validation on input cells. */
  dataValidation: boolean;
  /** ExcelApi 1.6: conditional formats (red totals that do not add up). */
  conditionalFormats: boolean;
  /** ExcelApi 1.9: indentLevel on cell format. */
  indent: boolean;
  /** ExcelApi 1.9: page layout (landscape, print titles, fit to width). */
  pageLayout: boolean;
  /** ExcelApi 1.14: change events tell whether the change came from this add-in. */
  changeTriggerSource: boolean;
  /** ExcelApi 1.13: the merged areas of a range (a group header merged over its sub-columns). */
  mergedAreas: boolean;
}

export type SetSupported = (minor: number) => boolean;

export function detectFeatures(isSupported: SetSupported): ExcelFeatures {
  return {
    dataValidation: isSupported(8),
    conditionalFormats: isSupported(6),
    indent: isSupported(9),
    pageLayout: isSupported(9),
    changeTriggerSource: isSupported(14),
    mergedAreas: isSupported(13),
  };
}

/** Detection against the real host. */
export function hostFeatures(): ExcelFeatures {
  return detectFeatures((minor) => Office.context.requirements.isSetSupported("ExcelApi", `1.${minor}`));
}

export const ALL_FEATURES: ExcelFeatures = detectFeatures(() => true);

/** What the host says about itself (Office.context), for «Kiểm tra môi trường». */
export interface HostInfo {
  /** Office.context.diagnostics.version, e.g. "16.0.18227.20002". */
  version?: string;
  /** Office.context.diagnostics.platform: "PC", "Mac", "OfficeOnline"… */
  platform?: string;
  /** Highest ExcelApi 1.x supported (minor number; 0 when unknown). */
  apiMinor: number;
  /** Office.context.displayLanguage and contentLanguage, e.g. "vi-VN". */
  displayLanguage?: string;
  contentLanguage?: string;
}

/** The highest ExcelApi 1.x a host supports (1.1 … 1.30 asked; 0 when even 1.1 is missing). */
export function highestExcelApi(isSupported: SetSupported): number {
  let minor = 0;
  for (let m = 1; m <= 30; m++) if (isSupported(m)) minor = m;
  return minor;
}

/** What the real host says about itself; anything it does not tell stays undefined. */
export function hostInfo(): HostInfo {
  const context = Office.context as Partial<typeof Office.context> | undefined;
  const read = <T>(get: () => T): T | undefined => {
    try {
      return get();
    } catch {
      return undefined;
    }
  };
  return {
    version: read(() => context?.diagnostics?.version),
    platform: read(() => String(context?.diagnostics?.platform ?? "")) || undefined,
    apiMinor: highestExcelApi((minor) => !!read(() => Office.context.requirements.isSetSupported("ExcelApi", `1.${minor}`))),
    displayLanguage: read(() => context?.displayLanguage),
    contentLanguage: read(() => context?.contentLanguage),
  };
}
