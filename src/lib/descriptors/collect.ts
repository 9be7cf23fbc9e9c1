/**
 * Candidate values for each descriptor, gathered from every place an issuer may have put it, each
 * with where it was read. The best candidate (lowest rank, then first found) becomes the value.
 */
import type { JsonValue } from '../model/credential.ts';
import { DESCRIPTOR_IDS, type DescriptorId } from './catalog.ts';
import type { KnownUnit } from './credit.ts';
import { textOf } from './json.ts';
import { parseLabelledText } from './labelled-text.ts';

/** What kind of place a value came from. */
export const ORIGINS = ['field', 'labelled-text', 'extension', 'alignment', 'result', 'endorsement', 'related'] as const;
export type Origin = (typeof ORIGINS)[number];

export interface DescriptorCandidate {
  /** The text as written (numbers as JSON writes them). */
  readonly value: string;
  /** Where it was read, e.g. `achievement.criteria.narrative#Learning outcomes`, `issuer.address.addressCountry`. */
  readonly source: string;
  readonly origin: Origin;
  /** For labelled text: the label as written and a parenthesised qualifier after it. */
  readonly label?: string;
  readonly qualifier?: string | null;
  /** Longer text that goes with the value (an alignment's `targetDescription`). */
  readonly detail?: string;
  /** A unit the field itself implies (EU `ECTS` → ects, `timeInvestment` → hours). */
  readonly unit?: KnownUnit;
  /** For the learner: the identifier's type as written (`emailAddress`, OB 2.0 `email`), so a hash can be named. */
  readonly identityType?: string;
}

export interface UnplacedEntry {
  readonly text: string;
  readonly source: string;
  /** An unknown heading that introduced this text, if any. */
  readonly heading: string | null;
}

/** Ranks: lower wins. Native identity fields first, then what the issuer labelled, then derived data. */
export const RANK = {
  field: 10,
  criteriaLabel: 20,
  descriptionLabel: 25,
  extension: 30,
  structured: 40,
  fallback: 50,
} as const satisfies Record<string, number>;

export class Collector {
  readonly #found = new Map<DescriptorId, { rank: number; seq: number; c: DescriptorCandidate }[]>();
  readonly unplaced: UnplacedEntry[] = [];
  #seq = 0;

  add(id: DescriptorId, rank: number, c: DescriptorCandidate): void {
    if (c.value.trim() === '') return;
    const list = this.#found.get(id) ?? [];
    if (list.some((x) => x.c.source === c.source && x.c.value === c.value)) return;
    list.push({ rank, seq: this.#seq++, c });
    this.#found.set(id, list);
  }

  /** A plain text field (string, number, language map) if it has text. */
  addText(id: DescriptorId, rank: number, v: JsonValue | undefined, source: string, origin: Origin = 'field'): void {
    const t = textOf(v);
    if (t !== null) this.add(id, rank, { value: t, source, origin });
  }

  /**
   * Labelled text (criteria narrative, description): each labelled value becomes a candidate with
   * source `<path>#<label>`. Text before the first label (all of it, when there are no labels) is
   * returned as `preamble` and, when `preambleUnplaced`, also kept as unplaced text; other
   * unlabelled text (after an unknown heading) always goes to `unplaced`.
   */
  addLabelled(text: string, path: string, rank: number, preambleUnplaced: boolean): { preamble: string | null; labelled: boolean } {
    const parsed = parseLabelledText(text);
    for (const s of parsed.segments) {
      this.add(s.id, rank, {
        value: s.value,
        source: `${path}#${s.label}`,
        origin: 'labelled-text',
        label: s.label,
        qualifier: s.qualifier,
      });
    }
    let preamble: string | null = null;
    for (const u of parsed.unplaced) {
      if (u.preamble) preamble = u.text;
      if (!u.preamble || preambleUnplaced) this.unplaced.push({ text: u.text, source: path, heading: u.heading });
    }
    return { preamble, labelled: parsed.segments.length > 0 };
  }

  candidates(id: DescriptorId): DescriptorCandidate[] {
    return [...(this.#found.get(id) ?? [])].sort((a, b) => a.rank - b.rank || a.seq - b.seq).map((x) => x.c);
  }

  all(): Record<DescriptorId, DescriptorCandidate[]> {
    const out: Partial<Record<DescriptorId, DescriptorCandidate[]>> = {};
    for (const id of DESCRIPTOR_IDS) out[id] = this.candidates(id);
    return out as Record<DescriptorId, DescriptorCandidate[]>; // why: the loop above filled every id
  }
}
