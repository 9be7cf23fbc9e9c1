import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { revealText } from '../../../src/lib/text/reveal.ts';

describe('revealText', () => {
  it('shows a right-to-left override instead of letting it reorder the name', () => {
    const r = revealText('Tokyo Univ\u202Eytisrevinu\u202C');
    expect(r.text).toBe('Tokyo Univ⟨U+202E⟩ytisrevinu⟨U+202C⟩');
    expect(r.hidden).toEqual(['U+202E', 'U+202C']);
  });

  it('shows zero-width characters and isolates', () => {
    expect(revealText('Goo\u200Bgle').text).toBe('Goo⟨U+200B⟩gle');
    expect(revealText('\u2067abc\u2069').hidden).toEqual(['U+2067', 'U+2069']);
  });

  it('flags Latin mixed with Cyrillic look-alikes in one word', () => {
    expect(revealText('Hаrvard University').mixedScripts).toBe(true); // Cyrillic а
    expect(revealText('Harvard University').mixedScripts).toBe(false);
  });

  it('leaves Japanese, English and mixed Japanese/English names alone', () => {
    for (const name of ['東京大学', 'JV-Campus オンライン講座', 'データサイエンス入門（マイクロクレデンシャル）', 'Université de Montréal']) {
      const r = revealText(name);
      expect(r.text).toBe(name);
      expect(r.hidden).toEqual([]);
      expect(r.mixedScripts).toBe(false);
    }
  });

  it('never loses visible text: removing the marks gives back the input without its invisible characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const { text } = revealText(s);
        expect(text.replace(/⟨U\+[0-9A-F]{4,5}⟩/g, '')).toBe(s.replace(/[\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]/g, ''));
        expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
      }),
    );
  });
});
