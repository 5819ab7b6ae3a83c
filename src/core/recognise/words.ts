/** Word similarity of labels and titles: words as integer bags, compared by Dice. */
/** Words as small integers, so that comparing two labels is a merge of two sorted arrays. */
const WORD_IDS = new Map<string, number>();

/** A multiset of words: sorted word ids. */
export type Bag = Int32Array;

export function bagOf(words: readonly string[]): Bag {
  const ids = new Int32Array(words.length);
  words.forEach((w, i) => {
    let id = WORD_IDS.get(w);
    if (id === undefined) {
      id = WORD_IDS.size;
      WORD_IDS.set(w, id);
    }
    ids[i] = id;
  });
  return ids.sort();
}

/** Dice coefficient over word multisets: 2·|A∩B| / (|A|+|B|). */
export function diceBags(a: Bag, b: Bag): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}

export function dice(a: readonly string[], b: readonly string[]): number {
  return diceBags(bagOf(a), bagOf(b));
}

export function numbersOf(words: readonly string[]): string[] {
  return words.filter((w) => /\d/.test(w));
}
