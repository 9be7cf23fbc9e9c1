/** Hand-built badge facts and pathways for the stack tests. */
import type { HoursReading } from '../../../src/lib/descriptors/index.ts';
import { toHours, ruleFor, type KnownUnit } from '../../../src/lib/descriptors/credit.ts';
import type { BadgeTrust, StackBadge } from '../../../src/lib/stack/facts.ts';
import { parsePathway } from '../../../src/lib/stack/validate.ts';
import type { Pathway } from '../../../src/lib/stack/pathway.ts';

export const NOW = '2026-06-01T00:00:00Z';
export const UNI = 'https://uni.example.jp/issuer';
export const MOOC = 'did:key:z6MkMOOC';

export const VERIFIED: BadgeTrust = { verdict: 'verified', verifiedIgnoringExpiry: true, problem: null, expiredAtCheck: false, failures: [], checkedAt: NOW };
export const INCOMPLETE: BadgeTrust = { ...VERIFIED, verdict: 'incomplete', verifiedIgnoringExpiry: false };
export const EXPIRED: BadgeTrust = { ...VERIFIED, verdict: 'failed', expiredAtCheck: true, failures: ['EXPIRED'] };
export const REVOKED: BadgeTrust = { ...VERIFIED, verdict: 'failed', verifiedIgnoringExpiry: false, problem: 'revoked', failures: ['REVOKED'] };
export const FORGED: BadgeTrust = { ...VERIFIED, verdict: 'failed', verifiedIgnoringExpiry: false, problem: 'invalid', failures: ['SIGNATURE_MISMATCH'] };

export function reading(amount: number | [number, number], unit: KnownUnit | 'unknown', text?: string): HoursReading {
  const a = typeof amount === 'number' ? { min: amount, max: amount } : { min: amount[0], max: amount[1] };
  const hours = unit === 'unknown' ? null : toHours(a, unit);
  return {
    amount: a,
    unit,
    hours,
    rule: unit === 'unknown' ? null : ruleFor(unit),
    text: text ?? `${typeof amount === 'number' ? amount : amount.join('–')} ${unit}`,
    original: text ?? String(amount),
    source: 'test',
    unitSource: null,
  };
}

/** A verified badge for `achievementId` from UNI, issued 2025-01-01, with overrides. */
export function badge(key: string, over: Partial<StackBadge> = {}): StackBadge {
  return {
    key,
    file: `${key}.json`,
    path: null,
    credentialId: `urn:uuid:${key}`,
    achievementId: `https://uni.example.jp/achievements/${key}`,
    equivalentIds: [],
    titles: [{ text: `Course ${key}`, lang: 'en', source: 'achievement.name' }],
    issuer: { id: UNI, names: ['Example University'] },
    achievementType: 'MicroCredential',
    microCredential: true,
    alignments: [],
    issuedAt: '2025-01-01T00:00:00.000Z',
    expiresAt: null,
    levels: [],
    credit: null,
    effort: null,
    trust: VERIFIED,
    ...over,
  };
}

export const ach = (key: string) => `https://uni.example.jp/achievements/${key}`;

/** Parse a pathway written in test code; fails the test on errors. */
export function pathway(doc: Record<string, unknown>): Pathway {
  const r = parsePathway({ pathwayVersion: 1, id: 'urn:test', title: { en: 'Test' }, awardedBy: { name: { en: 'Uni' } }, ...doc } as never); // why: test documents are JSON built in code
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pathway;
}

export const node = (kind: string, rest: Record<string, unknown>) => ({ kind, ...rest });
export const achievement = (id: string, key: string, rest: Record<string, unknown> = {}) => ({ kind: 'achievement', id, match: { achievementId: ach(key) }, ...rest });
