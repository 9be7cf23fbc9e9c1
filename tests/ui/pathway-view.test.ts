/** The pathway views over the demo wallet: percentages, what's missing, reasons in words, what a badge counts toward. */
import { beforeAll, expect, test } from 'vitest';
import { parsePathway, progress, type Pathway, type StackBadge } from '../../src/lib/stack/index.ts';
import type { StoredBadge } from '../../src/lib/store/types.ts';
import { badgeIdOf, creditLine, missingView, nodeLabel, nodesById, requirementHints, towardOf, type Lookup } from '../../src/ui/pathway-view.ts';
import { BadgeFactsCache } from '../../src/lib/wallet/badge-facts.ts';
import type { PathwayResult } from '../../src/ui/state/Pathways.svelte.ts';
import { demoText, demoWallet } from './demo-wallet.ts';

const NOW = new Date('2026-03-01T00:00:00Z');
let rows: StoredBadge[];
let ids: Map<string, string>;
let facts: readonly StackBadge[];
let cert: Pathway;
let masters: Pathway;

const look = (lang: 'en' | 'ja'): Lookup => ({
  lang,
  date: (iso) => iso.slice(0, 10),
  verdict: (code) => `<${code}>`,
  badgeTitle: (key) => rows.find((r) => r.id === badgeIdOf(key))?.summary.title ?? key,
  issuerName: (id) => facts.find((f) => f.issuer.id === id)?.issuer.names[0] ?? null,
});
const parse = (name: string): Pathway => {
  const p = parsePathway(demoText(`pathways/${name}`));
  if (!p.ok) throw new Error(name);
  return p.pathway;
};
const result = (pathway: Pathway, list = facts): PathwayResult => ({
  item: { stored: { key: `pathway:${pathway.id}`, id: pathway.id, doc: {}, addedAt: NOW.toISOString(), source: { kind: 'demo' } }, pathway, errors: [] },
  pathway,
  progress: progress(pathway, list, { now: NOW }),
});

beforeAll(async () => {
  const w = await demoWallet();
  rows = w.rows;
  ids = w.ids;
  facts = await new BadgeFactsCache(w.db).of(rows);
  cert = parse('data-science-certificate.json');
  masters = parse('masters-prior-learning.json');
});

test('the demo certificate is at 75 %, the master’s recognition at 80 %', () => {
  expect(result(cert).progress.percent).toBe(75);
  expect(result(masters).progress.percent).toBe(80);
});

test('what is missing, in both languages, with the badges that could help', () => {
  const [stats] = missingView(result(cert).progress, look('en'));
  expect(stats).toMatchObject({ requirement: 'statistics', label: 'Statistics for Data Science', need: 'earn this', near: [] });
  const [credits] = missingView(result(masters).progress, look('ja'));
  expect(credits?.label).toBe('既修得単位の認定（最大10 ECTS単位）');
  expect(credits?.need).toBe('あと4ECTS単位');
  // The pool recognises every badge; none is held back by something the learner can change.
  expect(credits?.near).toEqual([]);
  // What the pool asks: the awarding university (by name), micro-credentials, the last five years.
  expect(requirementHints(masters, 'prior-learning', 'en', () => null).map((h) => `${h.key}=${h.value}`)).toEqual([
    'where.issuer=Tsumiki Demo University, Graduate School of Data Science (did:key:z6MkqYSbD64yiqbUZQF4wfhZ8gRRWZBfrSFWmRnPbFQD6wEx)',
    'where.years=5',
    'where.type=Micro-credential',
  ]);
  expect(requirementHints(cert, 'statistics', 'en', () => null).map((h) => h.key)).toEqual(['match.id', 'where.years']);
});

test('a reason names the issuer, not its key', () => {
  const python = ids.get('02-python-basics.json') ?? '';
  const [, masterLine] = towardOf([result(cert), result(masters)], python, look('ja'));
  expect(masterLine?.lines.find((l) => l.outcome === 'not-counted')?.reasons[0]).toBe('対象外の発行者です（デモ・オープンラーニング Demo Open Learning (MOOC)）');
});

test('requirement labels and credit lines', () => {
  const nodes = nodesById(result(masters).progress.root);
  expect(nodeLabel(nodes.get('admission'), 'en')).toBe('all of');
  expect(creditLine(nodes.get('prior-learning')!, 'en')).toBe('6 / 10 ECTS credits (cap 10)');
  expect(creditLine(nodes.get('preparation')!, 'ja')).toBe('64 / 40 時間');
});

test('a badge counts toward both pathways; an expired one does not count, and says why', () => {
  const python = ids.get('02-python-basics.json') ?? '';
  const toward = towardOf([result(cert), result(masters)], python, look('en'));
  expect(toward.map((w) => [w.title, w.status])).toEqual([
    ['Certificate in Data Science (4 micro-credentials)', 'counted'],
    ['Master of Data Science: recognition of prior micro-credentials', 'counted'],
  ]);
  expect(toward[1]?.lines.find((l) => l.outcome === 'counted')).toMatchObject({ label: 'Preparatory online study (at least 40 hours)', amount: '20 hours' });
  const expired = towardOf([result(cert), result(masters)], ids.get('05-patient-safety.json') ?? '', look('en'));
  expect(expired.map((w) => w.status)).toEqual(['not-counted']);
  expect(expired[0]?.lines[0]?.reasons[0]).toBe('expired (2025-03-31)');
});

test('an unverified badge would count if verified; the verdict is in words', () => {
  const ethics = ids.get('06-ai-ethics.jwt') ?? '';
  const unverified = facts.map((f) => (f.key === ethics ? { ...f, trust: { ...f.trust, verdict: 'incomplete' as const, verifiedIgnoringExpiry: false } } : f));
  const r = result(cert, unverified);
  expect(r.progress.percent).toBe(50);
  expect(r.progress.ifVerified?.percent).toBe(75);
  const [w] = towardOf([r], ethics, look('en'));
  expect(w?.status).toBe('would-count-if-verified');
  expect(w?.lines[0]?.reasons).toEqual(['not verified (<incomplete>)']);
  const missing = missingView(r.progress, look('en'));
  expect(missing.find((m) => m.requirement === 'ai-ethics')?.near[0]).toMatchObject({ id: ethics, outcome: 'would-count-if-verified' });
});
