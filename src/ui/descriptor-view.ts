/**
 * How the descriptor panel orders what a credential says (pure, unit-tested). The credential's own
 * text is never translated: where it says a thing in several languages, the user's comes first and
 * the others follow, marked with their language.
 */
import type { DescriptorCandidate, HoursReading, Range } from '../lib/descriptors/index.ts';
import type { Lang } from '../lib/i18n/lang.ts';
/** The language a text is written in, as far as its script tells: `mixed` for bilingual text. */
export type TextLang = Lang | 'mixed' | null;

const JAPANESE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]/gu;
const LATIN = /[A-Za-z\u00c0-\u024f]/gu;

export function textLang(text: string): TextLang {
  const ja = text.match(JAPANESE)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (ja === 0 && latin === 0) return null;
  if (ja === 0) return 'en';
  return ja >= latin ? 'ja' : 'mixed';
}

/** A candidate's language: its value's, or, when the value does not tell, its label's. */
export function candidateLang(c: DescriptorCandidate): TextLang {
  const own = textLang(c.value);
  if (own === 'ja' || own === 'en') return own;
  const label = c.label === undefined ? null : textLang(c.label);
  return label === 'ja' || label === 'en' ? label : own;
}

const score = (l: TextLang, lang: Lang): number => (l === lang ? 0 : l === 'mixed' || l === null ? 1 : 2);

export interface Ordered {
  readonly primary: DescriptorCandidate;
  readonly primaryLang: TextLang;
  /** The same descriptor as written in other languages (at most 2). */
  readonly others: readonly { readonly value: string; readonly lang: TextLang }[];
}

/** The value to show first (the user's language, then bilingual text, then any) and its other-language versions. */
export function orderByLanguage(candidates: readonly DescriptorCandidate[], lang: Lang): Ordered | null {
  const ranked = candidates.map((c, i) => ({ c, i, l: candidateLang(c) })).sort((a, b) => score(a.l, lang) - score(b.l, lang) || a.i - b.i);
  const first = ranked[0];
  if (first === undefined) return null;
  const others: { value: string; lang: TextLang }[] = [];
  for (const r of ranked.slice(1)) {
    if (others.length >= 2) break;
    if ((r.l === 'en' || r.l === 'ja') && r.l !== first.l && r.c.value !== first.c.value && !others.some((o) => o.lang === r.l)) others.push({ value: r.c.value, lang: r.l });
  }
  return { primary: first.c, primaryLang: first.l, others };
}

/** BCP 47 for a `lang` attribute, only when the script is clear. */
export function langAttr(l: TextLang): string | undefined {
  return l === 'en' || l === 'ja' ? l : undefined;
}

/** `25–30`, in Japanese `25〜30` (JA-GLOSSARY §2.2). */
export function rangeText(r: Range, locale: string): string {
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return r.min === r.max ? f.format(r.min) : `${f.format(r.min)}${locale.startsWith('ja') ? '〜' : '–'}${f.format(r.max)}`;
}

/** The wording an amount was read from, every distinct one, the user's language first. */
export function originals(readings: readonly HoursReading[], lang: Lang): { readonly text: string; readonly lang: TextLang }[] {
  const seen = new Set<string>();
  const out: { text: string; lang: TextLang; i: number }[] = [];
  readings.forEach((r, i) => {
    const text = r.original.trim();
    if (text === '' || seen.has(text)) return;
    seen.add(text);
    out.push({ text, lang: textLang(text), i });
  });
  return out.sort((a, b) => score(a.lang, lang) - score(b.lang, lang) || a.i - b.i).map(({ text, lang: l }) => ({ text, lang: l }));
}
