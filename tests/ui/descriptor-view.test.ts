/** The descriptor panel's ordering: the user's language first, other languages after, nothing translated. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { extractDescriptors } from '../../src/lib/descriptors/index.ts';
import { parseInput } from '../../src/lib/formats/parse.ts';
import { langAttr, orderByLanguage, originals, rangeText, textLang } from '../../src/ui/descriptor-view.ts';

const report = (f: string) => {
  const o = parseInput(new Uint8Array(readFileSync(new URL(`../../public/demo/${f}`, import.meta.url))));
  if (o.kind !== 'credentials' || !o.input.credentials[0]) throw new Error(f);
  return extractDescriptors(o.input.credentials[0].credential);
};

test.each([
  ['Write small Python programs', 'en'],
  ['関数と繰り返しを使った小さな Python プログラムを書ける', 'ja'],
  ['1 単位 (45 時間)', 'ja'],
  ['Python プログラミング基礎 / Python Programming Fundamentals', 'mixed'],
  ['45', null],
])('textLang(%s) = %s', (text, lang) => {
  expect(textLang(text)).toBe(lang);
});

test('learning outcomes: Japanese first for a Japanese user, English first for an English one, the other one after', () => {
  const entry = report('02-python-basics.json').descriptors.learningOutcomes;
  const ja = orderByLanguage(entry?.candidates ?? [], 'ja');
  expect(ja?.primary.value).toContain('関数と繰り返し');
  expect(ja?.primaryLang).toBe('ja');
  expect(ja?.others).toEqual([{ value: expect.stringContaining('Write small Python programs'), lang: 'en' }]);
  const en = orderByLanguage(entry?.candidates ?? [], 'en');
  expect(en?.primary.value).toContain('Write small Python programs');
  expect(en?.others[0]?.value).toContain('関数と繰り返し');
});

test('a bilingual value stays one value; no candidates gives null', () => {
  const title = report('02-python-basics.json').descriptors.title;
  const o = orderByLanguage(title?.candidates ?? [], 'ja');
  expect(o?.primary.value).toBe('Python プログラミング基礎 / Python Programming Fundamentals');
  expect(o?.others).toEqual([]);
  expect(langAttr(o?.primaryLang ?? null)).toBeUndefined();
  expect(orderByLanguage([], 'en')).toBeNull();
});

test('the wording credit was read from, each once, the user’s language first', () => {
  const r = report('01-data-literacy.png');
  expect(originals(r.readings.credit, 'ja').map((o) => o.text)).toEqual(['1 単位 (45 時間)', '1', '1 credit (45 hours)']);
  expect(originals(r.readings.credit, 'en')[0]?.text).toBe('1 credit (45 hours)');
  expect(rangeText({ min: 25, max: 30 }, 'en')).toBe('25–30');
  expect(rangeText({ min: 1.5, max: 1.5 }, 'ja-JP')).toBe('1.5');
});
