/**
 * The UI language and its words: the UI catalog plus the core's verification words. English is
 * built in; Japanese loads when first chosen, so the first paint carries one language only.
 */
import type { Lang } from '../../lib/i18n/lang.ts';
import { verdictEn } from '../../lib/i18n/verification-en.ts';
import { headlineLabelEn } from '../../lib/i18n/headline-en.ts';
import { en, type MessageKey } from '../i18n/en.ts';
import { formatMessage } from '../../lib/i18n/message.ts';
import { formatDate } from '../../lib/i18n/values.ts';

export type { MessageKey };

interface Words {
  readonly ui: Readonly<Record<MessageKey, string>>;
  readonly v: { readonly verdict: typeof verdictEn; readonly headline: typeof headlineLabelEn };
}

const WORDS: Partial<Record<Lang, Words>> = { en: { ui: en, v: { verdict: verdictEn, headline: headlineLabelEn } } };

/** Makes a language's words available (a no-op once loaded). */
export async function loadLang(lang: Lang): Promise<void> {
  if (WORDS[lang]) return;
  const [{ ja }, v, h] = await Promise.all([import('../i18n/ja.ts'), import('../../lib/i18n/verification-ja.ts'), import('../../lib/i18n/headline-ja.ts')]);
  WORDS.ja = { ui: ja, v: { verdict: v.verdictJa, headline: h.headlineLabelJa } };
}

/** `{name}` and `{count, plural, one {…} other {…}}` (src/lib/i18n/message.ts). */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}, locale = 'en'): string {
  return formatMessage(template, params, locale);
}

export class I18n {
  lang = $state<Lang>('en');
  #words = $state.raw<Words>(WORDS.en as Words); // why: English is always present

  /** `lang` must have been loaded with `loadLang`; English is used otherwise. */
  constructor(lang: Lang) {
    this.#set(lang);
  }

  #set(lang: Lang): void {
    const words = WORDS[lang];
    this.lang = words ? lang : 'en';
    this.#words = words ?? (WORDS.en as Words); // why: English is always present
  }

  async use(lang: Lang): Promise<void> {
    await loadLang(lang);
    this.#set(lang);
  }

  /** Words for verdicts and headlines (check and error words: `words.ts`, loaded with the screens that need them). */
  get v(): Words['v'] {
    return this.#words.v;
  }

  get locale(): string {
    return this.lang === 'ja' ? 'ja-JP' : 'en';
  }

  t = (key: MessageKey, params?: Readonly<Record<string, string | number>>): string => fill(this.#words.ui[key], params, this.locale);

  /**
   * A date as found in a credential, in the UI language (`2025年12月12日`, `December 12, 2025`): a
   * date-time in the user's own time zone, a bare date as that calendar day (src/lib/i18n/values.ts);
   * the raw text when it is not a date.
   */
  date = (iso: string | null | undefined, withTime = false): string => {
    if (iso === null || iso === undefined) return '';
    const words = formatDate(iso, this.lang, { time: withTime });
    if (words !== null) return words;
    const t = Date.parse(iso);
    if (Number.isNaN(t)) return iso;
    return new Intl.DateTimeFormat(this.locale, withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' }).format(t);
  };

  /** Between a label and its value: `: ` / `：` (JA-GLOSSARY §2.4: each language its own marks). */
  get colon(): string {
    return this.lang === 'ja' ? '：' : ': ';
  }

  /** Between a fact and why: ` — ` / `：` (no em dash in Japanese). */
  get dash(): string {
    return this.lang === 'ja' ? '：' : ' — ';
  }

  /** Between a sentence and the next note: ` — ` / `。` */
  get stop(): string {
    return this.lang === 'ja' ? '。' : ' — ';
  }

  bytes = (n: number): string => {
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let v = n;
    let i = 0;
    while (v >= 1000 && i < units.length - 1) {
      v /= 1000;
      i++;
    }
    return `${new Intl.NumberFormat(this.locale, { maximumFractionDigits: v < 10 && i > 0 ? 1 : 0 }).format(v)} ${units[i]}`;
  };

}

/** The language to start with: the saved choice, else the browser's. */
export function initialLang(saved: unknown, navigatorLanguage: string | undefined): Lang {
  if (saved === 'en' || saved === 'ja') return saved;
  return navigatorLanguage?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
