/** Message templates with plurals (issue 14): no "1 badges", no "1 QR codes". */
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../src/lib/i18n/message.ts';
import { en } from '../../../src/ui/i18n/en.ts';
import { ja } from '../../../src/ui/i18n/ja.ts';

describe('formatMessage', () => {
  const badges = '{shown} of {total, plural, one {# badge} other {# badges}}';
  it('picks the English form for the number', () => {
    expect(formatMessage(badges, { shown: 1, total: 1 }, 'en')).toBe('1 of 1 badge');
    expect(formatMessage(badges, { shown: 0, total: 0 }, 'en')).toBe('0 of 0 badges');
    expect(formatMessage(badges, { shown: 2, total: 1200 }, 'en')).toBe('2 of 1,200 badges');
    expect(formatMessage('{n, plural, =0 {none} one {one} other {#}}', { n: 0 }, 'en')).toBe('none');
  });

  it('Japanese has one form: other', () => {
    expect(formatMessage('{n, plural, other {#件}}', { n: 1 }, 'ja-JP')).toBe('1件');
  });

  it('plain placeholders, unknown ones kept, unbalanced braces left as written', () => {
    expect(formatMessage('{a} and {b}', { a: 'x' })).toBe('x and {b}');
    expect(formatMessage('{count, plural, one {# x} other {# xs}}', {})).toBe('{count, plural, one {# x} other {# xs}}');
    expect(formatMessage('oops {a', { a: 1 })).toBe('oops {a');
  });
});

describe('no hard-coded English plural after a number', () => {
  const NOUN = /\{(count|total|n|value)\} (?:[a-z-]+ )?(badges|credentials|issuers|files|codes|frames|years|items|fields|requirements)\b/;
  it('every English count with a noun goes through a plural form', () => {
    const bad = Object.entries(en).filter(([k, v]) => !k.startsWith('share.') && !k.startsWith('verify.f') && !k.startsWith('verify.result') && NOUN.test(v));
    expect(bad).toEqual([]);
  });

  it('each plural message renders 1 and 2 without a dangling brace, in both languages', () => {
    for (const table of [en, ja]) {
      for (const [k, v] of Object.entries(table)) {
        if (!v.includes(', plural,')) continue;
        for (const n of [1, 2]) {
          const out = formatMessage(v, { count: n, total: n, value: n, shown: n, done: n, name: 'X', n }, 'en');
          expect(out, k).not.toMatch(/plural|[{}]/);
        }
      }
    }
    expect(formatMessage(en['wallet.count'], { shown: 1, total: 1 }, 'en')).toBe('1 of 1 badge');
    expect(formatMessage(en['settings.cleared'], { count: 1 }, 'en')).toBe('1 badge removed');
  });
});
