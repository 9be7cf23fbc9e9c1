/**
 * Untrusted text, made honest for display: characters that change how text reads without being
 * seen (bidirectional overrides, zero-width joiners, other format controls) are shown as visible
 * `⟨U+202E⟩` marks, and a name that mixes scripts in a way look-alike spoofing does (Latin with
 * Cyrillic or Greek letters) is flagged. Japanese legitimately mixes Han, Hiragana, Katakana and
 * Latin, so only the classic Latin/Cyrillic/Greek confusion is flagged.
 */

export interface RevealedText {
  /** The text with every invisible control replaced by a visible mark. */
  readonly text: string;
  /** The code points that were replaced (e.g. `U+202E`), in order, without repeats. */
  readonly hidden: readonly string[];
  /** Latin letters mixed with Cyrillic or Greek ones inside one word. */
  readonly mixedScripts: boolean;
}

// Bidi embeddings, overrides and isolates; zero-width and invisible format characters; BOM; soft hyphen;
// interlinear annotation marks; tags. Ordinary spaces and line breaks are kept.
const INVISIBLE = /[\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]/g;

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`; // why: a matched character has a code point

export function revealText(input: string): RevealedText {
  const hidden: string[] = [];
  const text = input.replace(INVISIBLE, (ch) => {
    const cp = codePoint(ch);
    if (!hidden.includes(cp)) hidden.push(cp);
    return `⟨${cp}⟩`;
  });
  const mixedScripts = input.split(/[\s\p{P}]+/u).some((word) => /\p{Script=Latin}/u.test(word) && /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(word));
  return { text, hidden, mixedScripts };
}
