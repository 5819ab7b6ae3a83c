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
}

export type SetSupported = (minor: number) => boolean;

export function detectFeatures(isSupported: SetSupported): ExcelFeatures {
  return {
    dataValidation: isSupported(8),
    conditionalFormats: isSupported(6),
    indent: isSupported(9),
    pageLayout: isSupported(9),
    changeTriggerSource: isSupported(14),
  };
}

/** Detection against the real host. */
export function hostFeatures(): ExcelFeatures {
  return detectFeatures((minor) => Office.context.requirements.isSetSupported("ExcelApi", `1.${minor}`));
}

export const ALL_FEATURES: ExcelFeatures = detectFeatures(() => true);
