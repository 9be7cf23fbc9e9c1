/** The UI catalogs: the same keys in both languages, nothing empty, the same placeholders. */
import { expect, test } from 'vitest';
import { en } from '../../src/ui/i18n/en.ts';
import { ja } from '../../src/ui/i18n/ja.ts';
import { verificationText } from '../../src/lib/i18n/verification.ts';
import { VERDICTS } from '../../src/lib/model/verification.ts';

/** `{name}` and the argument of `{name, plural, …}` (src/lib/i18n/message.ts), each once. */
const placeholders = (s: string) => [...new Set([...s.replace(/\b(?:zero|one|two|few|many|other|=\d+)\s*\{[^{}]*\}/g, '').matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]))].sort();

test('every key exists in both languages', () => {
  expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
});

test.each(Object.keys(en))('%s: non-empty, same placeholders', (key) => {
  const k = key as keyof typeof en; // why: keys come from the catalog itself
  expect(en[k].trim()).not.toBe('');
  expect(ja[k].trim()).not.toBe('');
  expect(placeholders(ja[k])).toEqual(placeholders(en[k]));
});

test('the Japanese catalog is Japanese', () => {
  const japanese = Object.values(ja).filter((s) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(s));
  expect(japanese.length).toBeGreaterThan(Object.keys(ja).length * 0.9);
});

test('verdict words exist in both languages (the wallet shows them on every card)', () => {
  for (const v of VERDICTS) {
    expect(verificationText.en.verdict[v]).toBeTruthy();
    expect(verificationText.ja.verdict[v]).toBeTruthy();
  }
});
