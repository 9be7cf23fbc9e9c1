/** Text normalisation the store applies on write and on query, so both sides agree. */

/**
 * Search key: NFKC folds full-width Latin and half-width katakana to their usual forms, then lower
 * case and single spaces. `ＯＰＥＮ　Ｂａｄｇｅ` and `open badge` give the same key.
 */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The words of a search: every one must occur in the badge's search text. */
export function searchWords(text: string): string[] {
  const key = searchKey(text);
  return key === '' ? [] : key.split(' ');
}

/** Tags as kept: NFC, trimmed, no empty ones, no repeats (first spelling wins), in the order given. */
export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.normalize('NFC').trim().replace(/\s+/gu, ' ');
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
