/** Every number that decides recognition, in one place (see the rules in ./index.ts). */
export const RECOGNITION = {
  weights: { rows: 0.55, title: 0.2, header: 0.15, appendix: 0.05, subtitle: 0.05 },
  /** Below this total score no form is recognised. */
  minScore: 0.45,
  /** Below this row score no form is recognised, whatever the title says. */
  minRowScore: 0.3,
  /** A runner-up this close to the best makes the sheet ambiguous. */
  ambiguityMargin: 0.05,
  /** Fuzzy row labels: word-Dice (+0.15 for the same STT) at least this, and unique. */
  fuzzyMin: 0.75,
  fuzzyMargin: 0.05,
  /** A fuzzy match counts this much in the row score. */
  fuzzyWeight: 0.7,
  /** Fuzzy column headers: word-Dice at least this, numbers included, and unique. */
  headerFuzzyMin: 0.6,
  headerScanRows: 100,
  /** Forms (best first by exact matching) whose labels are also compared by similarity. */
  refineTop: 5,
  headerDepth: 3,
  /** Rows searched for the title, unit and period when no header is found. */
  topScanRows: 30,
} as const;

/** The most a form's score can rise when similar labels are matched on top of exact ones. */
export const MAX_FUZZY_GAIN =
  (RECOGNITION.weights.rows * RECOGNITION.fuzzyWeight) /
  (RECOGNITION.weights.rows + RECOGNITION.weights.title + RECOGNITION.weights.header + RECOGNITION.weights.appendix);
