import { beforeAll, describe, expect, test } from 'vitest';
import { addBadges } from '../../../src/lib/store/badges.ts';
import type { WalletDb } from '../../../src/lib/store/db.ts';
import { isExpired } from '../../../src/lib/store/query.ts';
import { searchKey } from '../../../src/lib/store/normalize.ts';
import type { BadgeQuery, BadgeSort, StoredBadge } from '../../../src/lib/store/types.ts';
import { VERDICTS } from '../../../src/lib/model/verification.ts';
import { newBadge, NOW, openTest, rng, type BadgeSpec } from './helpers.ts';
import { listBadges } from '../../support/store.ts';

const ISSUERS = [
  'Keio University',
  'Tokyo Tech',
  'JMOOC',
  '放送大学',
  'Ｏｐｅｎ Ｌａｂ',
  'Credly Demo',
  'Acme Academy',
  'Zeta 2 School',
  'Zeta 10 School',
  'Moodle Test',
  'Université de Lyon',
  'Nagoya City',
];
const WORDS = ['Data', 'Science', 'Python', 'Cloud', 'Ethics', 'データ分析', '機械学習', 'Security', 'Design', 'Leadership'];
const TAGS = ['data', 'ai', '学習', 'work', 'cloud'];
const N = 1000;

function specs(): BadgeSpec[] {
  const r = rng(20250601);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T; // index < length
  const date = (from: number, to: number) => new Date(from + Math.floor(r() * (to - from))).toISOString();
  return Array.from({ length: N }, (_, n) => {
    const issuer = Math.floor(r() * ISSUERS.length);
    const expiry = r();
    return {
      n,
      title: `${pick(WORDS)} ${pick(WORDS)} ${n}`,
      issuerName: ISSUERS[issuer],
      issuerId: `https://issuer-${issuer}.example`,
      issuedAt: r() < 0.05 ? null : date(Date.UTC(2018, 0, 1), Date.UTC(2025, 11, 31)),
      expiresAt: expiry < 0.6 ? null : date(Date.UTC(2024, 0, 1), Date.UTC(2027, 0, 1)),
      verdict: pick(VERDICTS),
      tags: TAGS.filter(() => r() < 0.3),
      extraText: r() < 0.5 ? 'EQF level 6 — ECTS 5 単位' : 'mode online',
    };
  });
}

let db: WalletDb;
let all: StoredBadge[];

beforeAll(async () => {
  db = await openTest();
  const results = await addBadges(db, specs().map(newBadge));
  expect(results.every((r) => r.status === 'added')).toBe(true);
  all = await db.badges.toArray();
  expect(all).toHaveLength(N);
});

/** The obvious implementation, to compare against. */
function reference(q: BadgeQuery): Set<string> {
  const words = searchKey(q.text ?? '').split(' ').filter((w) => w !== '');
  return new Set(
    all
      .filter((b) => q.issuerId === undefined || b.summary.issuerId === q.issuerId)
      .filter((b) => q.verdict === undefined || b.report.verdict === q.verdict)
      .filter((b) => (q.tags ?? []).every((t) => b.tags.includes(t)))
      .filter((b) => {
        if (q.expired === undefined) return true;
        const exp = b.summary.expiresAt === null ? null : Date.parse(b.summary.expiresAt);
        return (exp !== null && exp <= q.now.getTime()) === q.expired;
      })
      .filter((b) => words.every((w) => b.summary.searchText.includes(w)))
      .map((b) => b.id),
  );
}

const QUERIES: BadgeQuery[] = [
  { now: NOW },
  { text: 'data', now: NOW },
  { text: 'DATA   science', now: NOW },
  { text: 'ｄａｔａ', now: NOW },
  { text: 'データ', now: NOW },
  { text: '放送', now: NOW },
  { text: 'open lab', now: NOW },
  { text: 'ects 5', now: NOW },
  { text: '単位 python', now: NOW },
  { text: 'no-such-word', now: NOW },
  { issuerId: 'https://issuer-3.example', now: NOW },
  { verdict: 'failed', now: NOW },
  { verdict: 'verified', issuerId: 'https://issuer-0.example', now: NOW },
  { tags: ['ai'], now: NOW },
  { tags: ['ai', '学習'], now: NOW },
  { expired: true, now: NOW },
  { expired: false, now: NOW },
  { expired: true, now: new Date('2030-01-01T00:00:00Z') },
  { text: 'cloud', tags: ['work'], verdict: 'incomplete', expired: false, now: NOW },
];

describe(`search and filter over ${N} badges`, () => {
  test.each(QUERIES.map((q) => [JSON.stringify(q), q] as const))('%s', async (_, q) => {
    const got = await listBadges(db, q);
    const want = reference(q);
    expect(new Set(got.map((b) => b.id))).toEqual(want);
    expect(got).toHaveLength(want.size);
  });

  test('the queries are not trivial: most select a proper, non-empty subset', () => {
    const sizes = QUERIES.map((q) => reference(q).size);
    expect(sizes.filter((s) => s > 0 && s < N).length).toBeGreaterThanOrEqual(QUERIES.length - 3);
  });

  test('expired means an expiry date at or before now', () => {
    const b = all.find((x) => x.summary.expiresAt !== null);
    expect(b).toBeDefined();
    if (b === undefined) return;
    const at = new Date(Date.parse(b.summary.expiresAt ?? ''));
    expect(isExpired(b, at)).toBe(true);
    expect(isExpired(b, new Date(at.getTime() - 1))).toBe(false);
  });
});

describe(`sort over ${N} badges`, () => {
  const issued = (b: StoredBadge) => (b.summary.issuedAt === null ? null : Date.parse(b.summary.issuedAt));
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const inOrder: Record<BadgeSort, (a: StoredBadge, b: StoredBadge) => boolean> = {
    // A badge without a date may only be followed by another without one.
    'issued-desc': (a, b) => issued(b) === null || (issued(a) ?? -Infinity) >= (issued(b) ?? -Infinity),
    'issued-asc': (a, b) => issued(b) === null || (issued(a) ?? Infinity) <= (issued(b) ?? Infinity),
    'added-desc': (a, b) => a.addedAt >= b.addedAt,
    title: (a, b) => collator.compare(a.summary.title, b.summary.title) <= 0,
    issuer: (a, b) => collator.compare(a.summary.issuerName, b.summary.issuerName) <= 0,
  };

  // Object.keys loses the key type; the keys of a Record<BadgeSort, …> are exactly the sorts.
  test.each(Object.keys(inOrder) as BadgeSort[])('%s', async (sort) => {
    const got = await listBadges(db, { now: NOW, sort, locale: 'en' });
    expect(got).toHaveLength(N);
    for (let i = 1; i < got.length; i++) {
      const [a, b] = [got[i - 1], got[i]];
      if (a === undefined || b === undefined) throw new Error('unreachable');
      expect(inOrder[sort](a, b), `${sort} at ${i}: ${a.summary.title} / ${b.summary.title}`).toBe(true);
    }
  });

  test('badges without an issue date come last either way; numbers sort numerically', async () => {
    for (const sort of ['issued-desc', 'issued-asc'] as const) {
      const got = await listBadges(db, { now: NOW, sort });
      const firstNull = got.findIndex((b) => b.summary.issuedAt === null);
      expect(firstNull).toBeGreaterThan(0);
      expect(got.slice(firstNull).every((b) => b.summary.issuedAt === null)).toBe(true);
    }
    const issuers = (await listBadges(db, { now: NOW, sort: 'issuer', locale: 'en' })).map((b) => b.summary.issuerName);
    expect(issuers.indexOf('Zeta 2 School')).toBeLessThan(issuers.indexOf('Zeta 10 School'));
  });

  test('sorting is deterministic (ties broken by title, then id)', async () => {
    const a = await listBadges(db, { now: NOW, sort: 'issuer' });
    const b = await listBadges(db, { now: NOW, sort: 'issuer' });
    expect(a.map((x) => x.id)).toEqual(b.map((x) => x.id));
  });
});
