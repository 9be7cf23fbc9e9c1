/**
 * Pathway progress speed: 20 pathways (the two demo pathways and 18 generated ones: certificates,
 * electives, credit pools with conditions, recognition of prior learning with caps) over 1,000
 * badge facts from 600 achievements of 6 issuers, with unverified, expired and revoked badges and
 * re-issues. Seeded: every run measures the same work.
 *
 * pathway.progress.20x1000_ms          median time for all 20, on fresh badge objects (normalisation included);
 *                                      it reuses the parsed pathways and their compiled plans (cached per
 *                                      pathway object) and the badges' field values, not the badge objects
 * pathway.progress.20x1000.warm_ms     the same with the badges' normalised facts already cached
 * pathway.progress.inexact             pathways whose search stopped at its limit (should be 0)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toHours, ruleFor, type KnownUnit } from '../../src/lib/descriptors/credit.ts';
import type { BadgeTrust, StackBadge } from '../../src/lib/stack/facts.ts';
import type { Pathway } from '../../src/lib/stack/pathway.ts';
import { progress } from '../../src/lib/stack/progress.ts';
import { parsePathway } from '../../src/lib/stack/validate.ts';
import { median, sample } from './stats.ts';

const NOW = '2026-06-01T00:00:00Z';
const ISSUERS = ['https://a.example.jp', 'https://b.example.jp', 'did:key:z6MkC', 'https://d.example.eu', 'https://e.example.au', 'did:web:f.example'];
const UNITS: readonly (KnownUnit | null)[] = ['ects', 'jp-tani', 'ucts', 'hours', null, 'ects'];
const LEVELS = ['EQF 5', 'EQF 6', 'EQF 7', 'Intermediate', '中級', 'Beginner'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const VERIFIED: BadgeTrust = { verdict: 'verified', verifiedIgnoringExpiry: true, problem: null, expiredAtCheck: false, failures: [], checkedAt: NOW };

function badges(n: number): StackBadge[] {
  const r = rng(42);
  return Array.from({ length: n }, (_, i) => {
    const a = i < 600 ? i : Math.floor(r() * 600); // 400 re-issues / second copies
    const issuer = ISSUERS[a % ISSUERS.length] ?? 'https://a.example.jp';
    const unit = UNITS[a % UNITS.length] ?? null;
    const amount = 1 + (a % 5);
    const roll = r();
    const trust: BadgeTrust =
      roll < 0.1 ? { ...VERIFIED, verdict: 'incomplete', verifiedIgnoringExpiry: false } : roll < 0.14 ? { ...VERIFIED, verdict: 'failed', expiredAtCheck: true, failures: ['EXPIRED'] } : roll < 0.16 ? { ...VERIFIED, verdict: 'failed', verifiedIgnoringExpiry: false, problem: 'revoked', failures: ['REVOKED'] } : VERIFIED;
    return {
      key: `badge-${i}.json`,
      file: `badge-${i}.json`,
      path: null,
      credentialId: `urn:uuid:${i}`,
      achievementId: `${issuer}/achievements/${a}`,
      equivalentIds: [],
      titles: [{ text: `講座 ${a} / Course ${a}`, lang: 'ja', source: 'achievement.name' }],
      issuer: { id: issuer, names: [`Issuer ${a % ISSUERS.length}`] },
      achievementType: a % 3 === 0 ? 'Course' : 'MicroCredential',
      microCredential: a % 3 !== 0,
      alignments: a % 4 === 0 ? [{ targetCode: `CODE-${a % 40}`, targetUrl: null, targetName: 'skill', targetFramework: 'ESCO' }] : [],
      issuedAt: new Date(Date.UTC(2018 + Math.floor(r() * 8), Math.floor(r() * 12), 1)).toISOString(),
      expiresAt: null,
      levels: [{ text: LEVELS[Math.floor(r() * LEVELS.length)] ?? 'EQF 5', source: 'criteria' }],
      credit: unit === null ? null : { amount: { min: amount, max: amount }, unit, hours: toHours(amount, unit), rule: ruleFor(unit), text: `${amount} ${unit}`, original: `${amount} ${unit}`, source: 'criteria', unitSource: null },
      effort: { amount: { min: amount * 20, max: amount * 20 }, unit: 'hours', hours: { min: amount * 20, max: amount * 20 }, rule: 'HOURS', text: `${amount * 20} h`, original: `${amount * 20} h`, source: 'criteria', unitSource: null },
      trust,
    };
  });
}

function parse(doc: unknown): Pathway {
  const p = parsePathway(doc as never); // why: generated JSON documents
  if (!p.ok) throw new Error(`bench pathway: ${JSON.stringify(p.errors)}`);
  return p.pathway;
}

function pathways(): Pathway[] {
  const r = rng(7);
  const ach = (a: number) => ({ achievementId: `${ISSUERS[a % ISSUERS.length]}/achievements/${a}` });
  const some = (k: number) => Array.from({ length: k }, () => Math.floor(r() * 600));
  const out: Pathway[] = [];
  const demo = fileURLToPath(new URL('../../public/demo/pathways/', import.meta.url));
  for (const f of ['data-science-certificate.json', 'masters-prior-learning.json']) out.push(parse(JSON.parse(readFileSync(demo + f, 'utf8'))));
  for (let i = 0; i < 18; i++) {
    const issuer = ISSUERS[i % ISSUERS.length] ?? 'https://a.example.jp';
    const core = some(4 + (i % 5)).map((a, j) => ({ kind: 'achievement', id: `core-${j}`, match: j % 3 === 2 ? { title: `Course ${a}`, issuer: { id: ISSUERS[a % ISSUERS.length] } } : [ach(a), { alignment: { targetCode: `CODE-${a % 40}` } }] }));
    const electives = { kind: 'atLeast', id: 'electives', n: 2 + (i % 3), of: some(6).map((a, j) => ({ kind: 'achievement', id: `el-${j}`, match: ach(a) })) };
    const pool = { kind: 'credits', id: 'credit', min: 6 + (i % 10), unit: (['ECTS', '単位', 'UCTS', 'hours'] as const)[i % 4], where: { earnedWithinYears: 5, ...(i % 2 ? { level: { framework: 'EQF', min: 5 } } : {}) } };
    const rpl = { kind: 'credits', id: 'total', min: 20, unit: 'ECTS', of: [{ kind: 'credits', id: 'home', min: 0, unit: 'ECTS', where: { issuer: { id: issuer } } }, { kind: 'credits', id: 'rpl', min: 0, cap: 10, unit: 'ECTS', where: { microCredential: true } }] };
    const requirement = { kind: 'allOf', id: 'root', of: i % 3 === 0 ? [...core, electives, pool] : i % 3 === 1 ? [...core, rpl] : [electives, pool, rpl] };
    out.push(parse({ pathwayVersion: 1, id: `urn:bench:${i}`, title: { en: `Pathway ${i}` }, awardedBy: { id: issuer, name: { en: 'Bench' } }, requirement }));
  }
  return out;
}

export async function pathwayFigures(): Promise<Record<string, number>> {
  const base = badges(1000);
  const all = pathways();
  let inexact = 0;
  const once = (list: readonly StackBadge[]) => {
    inexact = 0;
    for (const p of all) if (!progress(p, list, { now: NOW }).exact) inexact++;
  };
  const fresh = await sample(15, 3, () => once(base.map((b) => ({ ...b }))));
  const warm = await sample(30, 3, () => once(base));
  return {
    'pathway.progress.20x1000_ms': median(fresh),
    'pathway.progress.20x1000.warm_ms': median(warm),
    'pathway.progress.inexact': inexact,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(JSON.stringify(await pathwayFigures(), null, 2) + '\n');
