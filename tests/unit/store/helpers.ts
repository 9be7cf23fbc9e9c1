/** Shared test helpers: an isolated fake IndexedDB per test and generated badges. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openWallet, type OpenWalletOptions } from '../../../src/lib/store/db.ts';
import type { Rederive } from '../../../src/lib/store/backup.ts';
import type { NewBadge } from '../../../src/lib/store/types.ts';
import type { Check, Verdict } from '../../../src/lib/model/verification.ts';

export const NOW = new Date('2025-06-01T00:00:00Z');

/** A fresh, empty IndexedDB (nothing shared between tests). */
export function freshIdb(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function openTest(extra: Partial<OpenWalletOptions> = {}) {
  return openWallet({ ...freshIdb(), now: () => NOW, ...extra });
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export function credentialJson(n: number, issuer = `https://issuer${n % 7}.example`): string {
  return JSON.stringify({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: `urn:uuid:badge-${n}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, name: `Issuer ${n % 7}` },
    name: `Badge ${n}`,
  });
}

export interface BadgeSpec {
  n: number;
  title?: string;
  issuerName?: string;
  issuerId?: string;
  issuedAt?: string | null;
  expiresAt?: string | null;
  verdict?: Verdict;
  tags?: string[];
  extraText?: string;
  bytes?: Uint8Array;
  credentialBytes?: Uint8Array;
  container?: NewBadge['container'];
  credentialId?: string | null;
}

function proofCheck(verdict: Verdict): Check {
  return verdict === 'failed'
    ? { id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH' }
    : { id: 'proof', outcome: 'passed', code: 'PROOF_VALID' };
}

export function newBadge(spec: BadgeSpec): NewBadge {
  const title = spec.title ?? `Badge ${spec.n}`;
  const issuerName = spec.issuerName ?? `Issuer ${spec.n % 7}`;
  const issuerId = spec.issuerId ?? `https://issuer${spec.n % 7}.example`;
  const verdict = spec.verdict ?? 'verified';
  return {
    bytes: spec.bytes ?? utf8(credentialJson(spec.n, issuerId)),
    ...(spec.credentialBytes === undefined ? {} : { credentialBytes: spec.credentialBytes }),
    container: spec.container ?? 'json',
    mime: spec.container === 'png' ? 'image/png' : 'application/json',
    format: 'ob3-di',
    credentialId: spec.credentialId === undefined ? `urn:uuid:badge-${spec.n}` : spec.credentialId,
    summary: {
      title,
      issuerName,
      issuerId,
      issuedAt: spec.issuedAt === undefined ? '2024-01-01T00:00:00Z' : spec.issuedAt,
      expiresAt: spec.expiresAt ?? null,
      searchText: `${title} ${issuerName} ${spec.extraText ?? ''}`,
    },
    report: { verdict, checks: [proofCheck(verdict)] },
    verifiedAt: NOW.toISOString(),
    ...(spec.tags === undefined ? {} : { tags: spec.tags }),
  };
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing case can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A restore that takes each badge as the backup file describes it. Only for tests of the file format
 * and the store's transaction: the app reads every badge again from its bytes (src/lib/wallet/restore.ts).
 */
export const asClaimed: Rederive = async (original, claimed) => ({
  container: claimed.container,
  mime: claimed.mime,
  format: claimed.format,
  credentialId: claimed.credentialId,
  summary: claimed.summary,
  report: claimed.report,
  verifiedAt: claimed.verifiedAt,
  ...(original.imageDataUri === undefined ? {} : { imageDataUri: original.imageDataUri }),
});
