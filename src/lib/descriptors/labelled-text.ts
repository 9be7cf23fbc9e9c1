/**
 * The tolerant parser for descriptors written as labelled text (Guideline 1.1 puts eleven of them
 * into a badge's `criteria`): `Learning outcomes : … Language : …`, Japanese labels, `:` or `：`,
 * Markdown (`## Label`, `- **Label**: …`, `**Label:**`), Japanese brackets (`【学修成果】…`), labels
 * on their own line, in any order, some missing, some inside running text.
 *
 * Nothing is dropped: every character of the input is in a label, in a value, in `unplaced`, or is
 * whitespace / Markdown syntax / one separator (`;` `、` …) between run-on labelled values. The
 * property test in tests/property/descriptors.test.ts checks exactly that.
 */
import { LANGS } from '../i18n/lang.ts';
import { DESCRIPTORS, type DescriptorId } from './catalog.ts';
import { Lines } from './lines.ts';

export type LabelForm = 'colon' | 'bracket' | 'heading';

export interface LabelledSegment {
  readonly id: DescriptorId;
  /** The label as written (no Markdown, colon or brackets), e.g. `Learning outcomes`, `学修成果`. */
  readonly label: string;
  /** Text in parentheses right after the label, e.g. `ECTS` in `Credit (ECTS): 2`. */
  readonly qualifier: string | null;
  /** The value as written (Markdown kept), without surrounding whitespace. May be empty. */
  readonly value: string;
  readonly form: LabelForm;
  /** Offsets into the input: [start, labelEnd) is label syntax, [valueStart, valueEnd) the value. */
  readonly start: number;
  readonly labelEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  /** Where the next label (or unknown heading, or the end) begins. */
  readonly end: number;
}

export interface UnplacedText {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** True for the text before the first label. */
  readonly preamble: boolean;
  /** An unknown Markdown heading that started this text, if any (`Requirements` in `## Requirements`). */
  readonly heading: string | null;
}

export interface LabelledText {
  readonly segments: readonly LabelledSegment[];
  readonly unplaced: readonly UnplacedText[];
}

/** Longer texts are parsed up to here; the rest is returned as unplaced text. */
export const MAX_PARSE_LENGTH = 200_000;
/** Characters that may separate run-on labelled values (`Language: English; Level: 3`). */
export const SEPARATORS = ';；|｜,，、';

interface Alias {
  readonly id: DescriptorId;
  readonly label: string;
  readonly latin: boolean;
  /** May be recognised in the middle of a line (Guideline labels and Japanese labels). */
  readonly inline: boolean;
  readonly sticky: RegExp;
}

const SPACE = '[ \\t\\u00a0\\u3000]';

function aliasPattern(label: string): string {
  let out = '';
  for (const ch of label) {
    if (ch === ' ') out += `${SPACE}+`;
    else if (ch === '/' || ch === '／') out += `${SPACE}*[/／]${SPACE}*`;
    else if (ch === '・') out += `${SPACE}*[・･/／]${SPACE}*`;
    else if (ch === '(' || ch === '（') out += `${SPACE}*[(（]`;
    else if (ch === ')' || ch === '）') out += '[)）]';
    else if (ch === '-') out += '[-‐‑–]?';
    else out += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

const ALIASES: readonly Alias[] = DESCRIPTORS.flatMap((d) =>
  LANGS.flatMap((lang) =>
    d.labels[lang].map((label, i) => ({ id: d.id, label, latin: lang === 'en', inline: lang === 'ja' || i === 0 })),
  ),
)
  .sort((a, b) => b.label.length - a.label.length)
  .map((a) => ({ id: a.id, label: a.label, latin: a.latin, inline: a.inline, sticky: new RegExp(aliasPattern(a.label), 'iuy') }));

const FINDER = new RegExp(ALIASES.map((a) => a.sticky.source).join('|'), 'giu');
/** Aliases by their first character, lower-cased: only these are tried where the finder stopped. */
const BY_FIRST = new Map<string, Alias[]>();
for (const a of ALIASES) {
  const first = a.label.charAt(0).toLowerCase();
  BY_FIRST.set(first, [...(BY_FIRST.get(first) ?? []), a]);
}
/** A line prefix longer than this is never only Markdown syntax. */
const MAX_PREFIX = 64;

const BOUNDARY = /[\s\p{P}\p{S}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const OPEN_BRACKETS = '【[［〔《〈<「『';
const CLOSE_BRACKETS = '】]］〕》〉>」』';
/** Only Markdown/list syntax between the line start and a label. */
const MD_PREFIX_ONLY =
  /^[ \t\u00a0\u3000]*(?:(?:#{1,6}|>|[-*+•・■□●○◆◇▪▸▶►※◎〇]|\d{1,3}[.)．、]|[（(]\d{1,3}[)）])[ \t\u00a0\u3000]*)*$/u;
const QUALIFIER = new RegExp(`${SPACE}*[(（]([^()（）\\n]{0,60})[)）]`, 'uy');
const COLON = new RegExp(`(?:\\*{1,2}|_{1,2})?${SPACE}*[:：](?:\\*{1,2}|_{1,2})?`, 'uy');
const HEADING_REST = new RegExp(`^(?:\\*{1,2}|_{1,2})?${SPACE}*[:：]?(?:\\*{1,2}|_{1,2})?${SPACE}*#*${SPACE}*\\r?$`, 'u');
const BRACKET_CLOSE_REST = new RegExp(`${SPACE}*([${CLOSE_BRACKETS.replace(']', '\\]')}])(?:${SPACE}*[:：])?`, 'uy');
const SENTENCE_END = /[.!?。．！？;；]/u;
/** Lines that are Markdown headings, bold-only lines or start with a 【bracketed】 title, but are not known labels. */
const UNKNOWN_HEADING =
  /^[ \t]*(?:#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*\r?$|(\*\*|__)([^*_\n]{1,80})\2[ \t]*[:：]?[ \t]*\r?$|[■□●◆・]?[ \t]*【([^】\n]{1,40})】)/gmu;

interface Hit {
  readonly id: DescriptorId;
  readonly start: number;
  readonly labelStart: number;
  readonly labelEnd: number; // end of the label text itself
  readonly syntaxEnd: number; // end of qualifier, brackets, colon (or of the heading line)
  readonly qualifier: string | null;
  readonly form: LabelForm;
  /** Heading rank: 1–6 for `#` headings, 7 for a label alone on its line, 8 for `Label: value`. */
  readonly level: number;
}

function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Classifies a label match at [s, e); `floor` is where the previous label's syntax ended. */
function classify(lines: Lines, s: number, e: number, alias: Alias, floor: number): Hit | null {
  const { text } = lines;
  const lineStart = lines.startOf(s);
  const lineEnd = lines.endOf(e);
  const lo = Math.max(lineStart, floor);
  // Opening emphasis and an opening bracket right before the label.
  let p = s;
  while (p > lo && p > s - 2 && (text[p - 1] === '*' || text[p - 1] === '_')) p--;
  const bracketOpen = p > lo && OPEN_BRACKETS.includes(text[p - 1] ?? '') ? p - 1 : null;
  const left = bracketOpen ?? p;
  const before = text[left - 1];
  if (before !== undefined && !BOUNDARY.test(before)) return null;
  const after = text[e];
  if (alias.latin && after !== undefined && WORD_CHAR.test(after)) return null;
  const prefix = left - lineStart <= MAX_PREFIX ? text.slice(lineStart, left) : null;
  const atLineStart = prefix !== null && lineStart >= floor && MD_PREFIX_ONLY.test(prefix);
  const start = atLineStart ? lineStart : left;
  const hashes = atLineStart ? (/#{1,6}/.exec(prefix ?? '')?.[0].length ?? 0) : 0;

  const q = stickyAt(QUALIFIER, text, e);
  const afterQ = q === null ? e : e + q[0].length;
  const qualifier = q === null ? null : (q[1] ?? '').trim() || null;
  const base = { id: alias.id, start, labelStart: s, labelEnd: e, qualifier, level: hashes === 0 ? 8 : hashes };

  if (bracketOpen !== null) {
    const close = stickyAt(BRACKET_CLOSE_REST, text, afterQ);
    const opener = OPEN_BRACKETS.indexOf(text[bracketOpen] ?? '');
    if (close !== null && CLOSE_BRACKETS.indexOf(close[1] ?? '') === opener) {
      return { ...base, syntaxEnd: afterQ + close[0].length, form: 'bracket' };
    }
    return null;
  }
  const colon = stickyAt(COLON, text, afterQ);
  if (colon !== null) {
    if (!atLineStart) {
      let i = left;
      while (i > lineStart && /\s/u.test(text[i - 1] ?? '')) i--;
      const prev = i > lineStart ? (text[i - 1] ?? '') : '';
      const afterSentence = prev !== '' && SENTENCE_END.test(prev);
      if (!alias.inline && !afterSentence) return null;
      const first = text[s] ?? '';
      if (alias.latin && first !== first.toUpperCase()) return null;
    }
    return { ...base, syntaxEnd: afterQ + colon[0].length, form: 'colon' };
  }
  if (atLineStart && HEADING_REST.test(text.slice(afterQ, lineEnd))) {
    return { ...base, syntaxEnd: lineEnd, form: 'heading', level: hashes === 0 ? 7 : hashes };
  }
  return null;
}

function findHits(text: string): Hit[] {
  const hits: Hit[] = [];
  const lines = new Lines(text);
  const finder = new RegExp(FINDER.source, FINDER.flags);
  let m: RegExpExecArray | null;
  while ((m = finder.exec(text)) !== null) {
    const s = m.index;
    let hit: Hit | null = null;
    for (const alias of BY_FIRST.get(text.charAt(s).toLowerCase()) ?? []) {
      const am = stickyAt(alias.sticky, text, s);
      if (am === null || am[0].length === 0) continue;
      hit = classify(lines, s, s + am[0].length, alias, hits.at(-1)?.syntaxEnd ?? 0);
      if (hit !== null) break;
    }
    if (hit !== null) {
      hits.push(hit);
      finder.lastIndex = Math.max(hit.syntaxEnd, s + 1);
    } else {
      finder.lastIndex = s + ((text.codePointAt(s) ?? 0) > 0xffff ? 2 : 1);
    }
  }
  return hits;
}

/**
 * Unknown headings after the first label end the labelled value before them when they are of the
 * same or higher rank (`## Requirements` after `## Learning outcomes`, any heading or `【…】` line
 * after `Label: value`); lower-rank sub-headings (`### Skills` under `## Learning outcomes`) stay in it.
 */
function findBreaks(text: string, hits: readonly Hit[]): { start: number; heading: string }[] {
  if (hits.length === 0) return [];
  const out: { start: number; heading: string }[] = [];
  const re = new RegExp(UNKNOWN_HEADING.source, UNKNOWN_HEADING.flags);
  let m: RegExpExecArray | null;
  let h = -1; // index of the last hit starting before the heading
  while ((m = re.exec(text)) !== null) {
    const at = m.index;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    while (h + 1 < hits.length && (hits[h + 1]?.start ?? Infinity) <= at) h++;
    const last = hits[h];
    if (last === undefined || at < last.syntaxEnd) continue;
    const level = m[1] !== undefined ? (/#+/.exec(m[0])?.[0].length ?? 7) : m[4] !== undefined ? 8 : 7;
    if (level <= last.level) out.push({ start: at, heading: (m[1] ?? m[3] ?? m[4] ?? '').trim() });
  }
  return out;
}

function trimRange(text: string, a: number, b: number): [number, number] {
  while (a < b && /\s/u.test(text[a] ?? '')) a++;
  while (b > a && /\s/u.test(text[b - 1] ?? '')) b--;
  return [a, b];
}

export function parseLabelledText(input: string): LabelledText {
  const text = input.length > MAX_PARSE_LENGTH ? input.slice(0, MAX_PARSE_LENGTH) : input;
  const hits = findHits(text);
  const breaks = findBreaks(text, hits);
  type Boundary = { start: number; hit: Hit | null; heading: string | null };
  const bounds: Boundary[] = [
    ...hits.map((h) => ({ start: h.start, hit: h, heading: null })),
    ...breaks.map((b) => ({ start: b.start, hit: null, heading: b.heading })),
  ].sort((a, b) => a.start - b.start);

  const segments: LabelledSegment[] = [];
  const unplaced: UnplacedText[] = [];
  const pushUnplaced = (a: number, b: number, preamble: boolean, heading: string | null): void => {
    const [s, e] = trimRange(text, a, b);
    if (s < e) unplaced.push({ text: text.slice(s, e), start: s, end: e, preamble, heading });
  };

  pushUnplaced(0, bounds[0]?.start ?? text.length, true, null);
  bounds.forEach((bound, i) => {
    const next = bounds[i + 1];
    const end = next?.start ?? text.length;
    const h = bound.hit;
    if (h === null) {
      pushUnplaced(bound.start, end, false, bound.heading);
      return;
    }
    let [vs, ve] = trimRange(text, h.syntaxEnd, end);
    if (next !== undefined && ve > vs && SEPARATORS.includes(text[ve - 1] ?? '')) [vs, ve] = trimRange(text, vs, ve - 1);
    segments.push({
      id: h.id,
      label: text.slice(h.labelStart, h.labelEnd),
      qualifier: h.qualifier,
      value: text.slice(vs, ve),
      form: h.form,
      start: h.start,
      labelEnd: h.syntaxEnd,
      valueStart: vs,
      valueEnd: ve,
      end,
    });
  });
  if (text.length < input.length) {
    unplaced.push({ text: input.slice(text.length), start: text.length, end: input.length, preamble: false, heading: null });
  }
  return { segments, unplaced };
}
