/** A catalogue form's texts as recognition compares them: folded keys, word bags, header keys. */
import type { Form, Row } from "../../catalog/schema";
import { compactKey, foldVietnamese, foldedWords, normaliseStt, splitLeadingStt } from "../normalize";
import { bagOf, type Bag } from "./words";

export interface FormRowKeys {
  row: Row;
  index: number;
  keys: string[];
  words: string[];
  bag: Bag;
  joined: string;
  stt: string;
}

export interface FormKeys {
  form: Form;
  rows: FormRowKeys[];
  /** folded label (and label without a leading item number) → form row indexes, in form order */
  byKey: Map<string, number[]>;
  titleBag: Bag;
  appendixWords: string[];
  subtitleBags: Bag[];
  labelHeader: string;
  sttHeaders: Set<string>;
  columnKeys: string[];
  columnWords: string[][];
  groupKeys: (string | undefined)[];
  /** every compact header text of this form (labels, groups, STT synonyms) */
  headerTargets: Set<string>;
}

const STT_SYNONYMS = ["stt", "tt", "sott", "sothutu"];

const formKeysCache = new WeakMap<Form, FormKeys>();

export function keysOf(form: Form): FormKeys {
  const cached = formKeysCache.get(form);
  if (cached) return cached;
  const byKey = new Map<string, number[]>();
  const rows = form.rows.map((row, index): FormRowKeys => {
    const keys = [foldVietnamese(row.label)];
    const split = splitLeadingStt(row.label);
    if (split) keys.push(foldVietnamese(split.rest));
    const unique = [...new Set(keys.filter((k) => k !== ""))];
    for (const k of unique) {
      const list = byKey.get(k) ?? [];
      list.push(index);
      byKey.set(k, list);
    }
    const words = foldedWords(split ? split.rest : row.label);
    return { row, index, keys: unique, words, bag: bagOf(words), joined: words.join(" "), stt: normaliseStt(row.stt) };
  });
  const sttHeaders = new Set(STT_SYNONYMS);
  if (form.sttHeader) sttHeaders.add(compactKey(form.sttHeader));
  const columnKeys = form.columns.map((c) => compactKey(c.label));
  const groupKeys = form.columns.map((c) => (c.group ? compactKey(c.group) : undefined));
  const labelHeader = compactKey(form.labelHeader);
  const headerTargets = new Set<string>([labelHeader, ...sttHeaders, ...columnKeys]);
  for (const g of groupKeys) if (g) headerTargets.add(g);
  const noDigits = (text: string) => foldedWords(text).filter((w) => !/^\d+$/.test(w));
  const keys: FormKeys = {
    form,
    rows,
    byKey,
    titleBag: bagOf(foldedWords(form.title)),
    appendixWords: foldedWords(form.appendix),
    subtitleBags: [...form.subtitles, ...(form.attachedTo ? [form.attachedTo] : [])]
      .map(noDigits)
      .filter((w) => w.length > 0)
      .map(bagOf),
    labelHeader,
    sttHeaders,
    columnKeys,
    columnWords: form.columns.map((c) => foldedWords(c.label)),
    groupKeys,
    headerTargets,
  };
  formKeysCache.set(form, keys);
  return keys;
}
