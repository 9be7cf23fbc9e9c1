/**
 * Properties of the descriptor decoder:
 * - the labelled-text parser never throws and never loses text: every input character other than
 *   label / whitespace / Markdown syntax (and one separator between run-on values) is inside a
 *   descriptor value or in `unplaced`, and every value is the input text at its offsets;
 * - well-formed labelled text (Guideline run-on, one per line, Markdown, 【】) reads back exactly;
 * - extraction never throws on any JSON and only ever shows text that was in the input;
 * - credit → hours is monotonic in the amount, for every unit and for parsed text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESCRIPTORS, DESCRIPTOR_IDS, type DescriptorId } from '../../src/lib/descriptors/catalog.ts';
import { mainQuantity, toHours, type KnownUnit } from '../../src/lib/descriptors/credit.ts';
import { extractDescriptors } from '../../src/lib/descriptors/extract.ts';
import { toDescriptorsJson } from '../../src/lib/descriptors/inspect-json.ts';
import { SEPARATORS, parseLabelledText, type LabelledText } from '../../src/lib/descriptors/labelled-text.ts';
import type { JsonObject } from '../../src/lib/model/credential.ts';

const ALL_LABELS = DESCRIPTORS.flatMap((d) => [...d.labels.en, ...d.labels.ja]);
/** What may surround a label: Markdown, list and bracket syntax, colons, list numbers. */
const LABEL_SYNTAX = /^[\s#*_\-+>•・■□●○◆◇▪▸▶►※◎〇【[［〔《〈<「『】\]］〕》〉>」』:：()（）\d.．、]*$/u;

const labelish = fc.constantFrom(...ALL_LABELS, ...ALL_LABELS.map((l) => l.toLowerCase()));
const syntax = fc.constantFrom(':', '：', ' : ', '**', '**:', ':**', '【', '】', '[', ']', '## ', '### ', '- ', '* ', '1. ', '■', '・', '\n', '\r\n', '\n\n', ' ', '\t', '\u3000', '(ECTS)', '（時間）', '(', ')', ';', '、', '|', '#');
const free = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('データ', '日本語', 'https://x.example/a:b', '10:30', 'Level', '２単位', '😀', '\u{1F600}x'),
);
/** A label with the syntax issuers put around it, and some text after. */
const piece = fc
  .tuple(
    fc.constantFrom('', '\n', ' ', '. ', '\n## ', '\n### ', '\n- **', '\n■【', '【', '\n**', '\n1. ', '\n#', '\n【'),
    labelish,
    fc.constantFrom(':', '：', ' : ', '**:', ':**', '】', '', '\n', ' (ECTS):', '（時間）：', '】：', '**\n'),
    free,
  )
  .map((p) => p.join(''));
const labelledText = fc
  .array(fc.oneof({ weight: 5, arbitrary: piece }, { weight: 2, arbitrary: labelish }, { weight: 3, arbitrary: syntax }, { weight: 3, arbitrary: free }), { maxLength: 40 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(labelledText, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 }));

/** Asserts the no-loss property of one parse; returns nothing, throws on a violation. */
function assertNothingLost(text: string, r: LabelledText): void {
  const covered = new Uint8Array(text.length);
  const claim = (a: number, b: number): void => {
    for (let i = a; i < b; i++) {
      expect(covered[i], `offset ${i} claimed twice`).toBe(0);
      covered[i] = 1;
    }
  };
  for (const s of r.segments) {
    expect(s.start).toBeLessThanOrEqual(s.labelEnd);
    expect(s.labelEnd).toBeLessThanOrEqual(s.valueStart);
    expect(s.valueStart).toBeLessThanOrEqual(s.valueEnd);
    expect(s.valueEnd).toBeLessThanOrEqual(s.end);
    expect(text.slice(s.valueStart, s.valueEnd)).toBe(s.value);
    let syntaxOnly = text.slice(s.start, s.labelEnd).replace(s.label, '');
    if (s.qualifier !== null) syntaxOnly = syntaxOnly.replace(s.qualifier, '');
    expect(syntaxOnly).toMatch(LABEL_SYNTAX);
    expect(text.slice(s.labelEnd, s.valueStart).trim()).toBe('');
    const tail = text.slice(s.valueEnd, s.end).replace(/\s/gu, '');
    expect(tail === '' || (tail.length === 1 && SEPARATORS.includes(tail))).toBe(true);
    claim(s.start, s.end);
  }
  for (const u of r.unplaced) {
    expect(text.slice(u.start, u.end)).toBe(u.text);
    claim(u.start, u.end);
  }
  for (let i = 0; i < text.length; i++) {
    if (covered[i] === 0) expect(text[i], `offset ${i} of ${JSON.stringify(text)} is lost`).toMatch(/\s/u);
  }
}

describe('labelled-text parser', () => {
  it('never throws and never loses text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        assertNothingLost(text, parseLabelledText(text));
      }),
      { numRuns: 2000 },
    );
  });

  const valueChars = fc.constantFrom(...'abcdefgxyz0123456789 あいうえおかきくけこ'.split(''));
  const value = fc.array(valueChars, { minLength: 1, maxLength: 20 }).map((cs) => `v${cs.join('')}`.trim());
  const entry = fc.record({ def: fc.constantFrom(...DESCRIPTORS), pick: fc.nat(), lang: fc.constantFrom('en', 'ja'), value });
  type Entry = { def: (typeof DESCRIPTORS)[number]; pick: number; lang: 'en' | 'ja'; value: string };
  const anyLabel = (e: Entry): string => {
    const list = e.def.labels[e.lang];
    return list[e.pick % list.length] ?? e.def.name.en;
  };
  /** Labels allowed in the middle of a line: the Guideline's English label, any Japanese label. */
  const inlineLabel = (e: Entry): string => (e.lang === 'en' ? (e.def.labels.en[0] ?? '') : anyLabel(e));
  const styles: Record<string, (es: readonly Entry[]) => string> = {
    runOn: (es) => es.map((e) => `${inlineLabel(e)} : ${e.value}`).join(' '),
    lines: (es) => es.map((e) => `${anyLabel(e)}${e.lang === 'ja' ? '：' : ':'} ${e.value}`).join('\n'),
    headings: (es) => es.map((e) => `## ${anyLabel(e)}\n${e.value}`).join('\n\n'),
    boldList: (es) => es.map((e) => `- **${anyLabel(e)}:** ${e.value}`).join('\n'),
    brackets: (es) => es.map((e) => `■【${anyLabel(e)}】${e.value}`).join('\n'),
    lowerCaseLines: (es) => es.map((e) => `${anyLabel(e).toLowerCase()}: ${e.value}`).join('\r\n'),
  };

  it.each(Object.keys(styles))('reads well-formed labelled text back exactly (%s)', (style) => {
    const write = styles[style];
    if (write === undefined) throw new Error(style);
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 17 }), (es) => {
        const text = write(es);
        const r = parseLabelledText(text);
        expect(r.segments.map((s): [DescriptorId, string] => [s.id, s.value])).toEqual(es.map((e) => [e.def.id, e.value]));
        expect(r.unplaced).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('extractDescriptors on any input', () => {
  const credentialLike = fc.record(
    {
      type: fc.oneof(fc.constant(['VerifiableCredential', 'OpenBadgeCredential']), fc.constant('Assertion'), fc.jsonValue()),
      issuer: fc.oneof(fc.string(), fc.record({ name: fc.jsonValue(), address: fc.jsonValue() }), fc.jsonValue()),
      validFrom: fc.jsonValue(),
      credentialSubject: fc.oneof(
        fc.record({ id: fc.jsonValue(), achievement: fc.record({ name: fc.jsonValue(), description: anyText, criteria: fc.record({ narrative: anyText }), alignment: fc.jsonValue(), creditsAvailable: fc.jsonValue(), ECTS: fc.jsonValue() }, { requiredKeys: [] }) }, { requiredKeys: [] }),
        fc.jsonValue(),
      ),
      badge: fc.oneof(fc.record({ name: fc.jsonValue(), criteria: fc.oneof(anyText, fc.record({ narrative: anyText })), issuer: fc.jsonValue() }, { requiredKeys: [] }), fc.jsonValue()),
      recipient: fc.jsonValue(),
    },
    { requiredKeys: [] },
  );

  it('never throws, always gives all 17 ids, and shows only text that was in the input', () => {
    fc.assert(
      fc.property(fc.oneof(credentialLike, fc.jsonValue()), (input) => {
        const json = JSON.stringify(input) ?? '';
        const r = extractDescriptors(input as JsonObject); // why: the property is exactly that any JSON value is survived
        const j = toDescriptorsJson(r);
        expect(Object.keys(j.descriptors)).toEqual([...DESCRIPTOR_IDS]);
        for (const id of DESCRIPTOR_IDS) {
          for (const c of r.descriptors[id]?.candidates ?? []) {
            if (c.origin === 'labelled-text') expect(json).toContain(JSON.stringify(c.value).slice(1, -1));
          }
        }
        for (const u of r.unplaced) expect(json).toContain(JSON.stringify(u.text).slice(1, -1));
        expect(j.framework.mandatoryPresent + j.framework.missing.length).toBe(11);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('credit → hours', () => {
  const units: readonly KnownUnit[] = ['ects', 'ucts', 'jp-tani', 'us-semester', 'hours'];
  const amount = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });

  it('is monotonic in the amount, for every unit', () => {
    fc.assert(
      fc.property(amount, amount, fc.constantFrom(...units), (x, y, unit) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const ha = toHours(a, unit);
        const hb = toHours(b, unit);
        expect(ha).not.toBeNull();
        expect(hb).not.toBeNull();
        if (ha === null || hb === null) return;
        expect(ha.min).toBeLessThanOrEqual(hb.min);
        expect(ha.max).toBeLessThanOrEqual(hb.max);
        expect(ha.min).toBeLessThanOrEqual(ha.max);
      }),
    );
  });

  it('is monotonic for amounts read from text, ASCII or full-width digits', () => {
    const words = ['ECTS', 'credits (ECTS)', 'UCTS', '単位', 'semester credits', 'hours', '時間', 'h'];
    const fullWidth = (s: string): string => s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), fc.constantFrom(...words), fc.boolean(), (x, y, word, wide) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const write = (n: number): string => {
          const s = n % 10 === 0 ? String(n / 10) : (n / 10).toFixed(1);
          return `${wide ? fullWidth(s) : s} ${word}`;
        };
        const qa = mainQuantity(write(a));
        const qb = mainQuantity(write(b));
        expect(qa?.amount.min).toBe(a / 10);
        expect(qb?.amount.min).toBe(b / 10);
        if (qa === null || qb === null) return;
        const ha = toHours(qa.amount, qa.unit);
        const hb = toHours(qb.amount, qb.unit);
        expect(ha).not.toBeNull();
        if (ha === null || hb === null) return;
        expect(ha.min).toBeLessThanOrEqual(hb.min);
        expect(ha.max).toBeLessThanOrEqual(hb.max);
      }),
    );
  });
});
