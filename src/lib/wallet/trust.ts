/**
 * The trust lists a wallet uses: the lists the user added (each verified again from its stored
 * text every time they are loaded, and used only while valid), plus the user's pins as a list of
 * their own. A list that no longer verifies or has run out is left out and reported, never used.
 */
import type { WalletDb } from '../store/db.ts';
import { listPins, listTrustLists, putPin, putTrustList, type StoredPin } from '../store/trust.ts';
import { readTrustList, type TrustListErrorCode } from '../trust/lists.ts';
import type { TrustList, TrustSet } from '../trust/model.ts';
import type { VerifyEnv } from '../verify/env.ts';

export interface LoadedTrustList {
  readonly id: string;
  readonly source: string;
  readonly addedAt: string;
  readonly enabled: boolean;
  readonly demo: boolean;
  /** The list as read and verified now, or why it cannot be used. */
  readonly list?: TrustList;
  readonly problem?: { readonly code: TrustListErrorCode; readonly message: string };
}

/** Verified lists are kept in memory by their text, so loading them for every badge costs nothing. */
const verified = new Map<string, Promise<Awaited<ReturnType<typeof readTrustList>>>>();
const MAX_REMEMBERED = 32;

function readRemembered(text: string, source: string, env: VerifyEnv) {
  // The verdict on a list depends on the clock (its validity): remember it for the day only.
  const key = `${env.now.toISOString().slice(0, 10)}\n${source}\n${text}`;
  let hit = verified.get(key);
  if (!hit) {
    hit = readTrustList(new TextEncoder().encode(text), source, env);
    if (verified.size >= MAX_REMEMBERED) verified.delete(verified.keys().next().value as string); // why: not empty when full
    verified.set(key, hit);
  }
  return hit;
}

/** The pins as a trust list of the user's own. */
export function pinsList(pins: readonly StoredPin[]): TrustList {
  return {
    kind: 'pins',
    id: 'pins',
    publisher: { id: null, name: null },
    signed: false,
    asOf: null,
    validFrom: null,
    validUntil: null,
    entries: pins.map((p) => ({ id: p.issuerId, names: p.name ? [p.name] : [], namesByLang: {}, recognizedFor: [], note: p.note, pinnedAt: p.pinnedAt })),
  };
}

/** Every stored list, read and verified in `env` (its clock; the network only if `env` allows it). */
export async function loadTrustLists(db: WalletDb, env: VerifyEnv): Promise<LoadedTrustList[]> {
  const rows = await listTrustLists(db);
  return Promise.all(
    rows.map(async ({ id, stored }) => {
      const got = await readRemembered(stored.text, stored.source, env);
      const base = { id, source: stored.source, addedAt: stored.addedAt, enabled: stored.enabled, demo: stored.demo === true };
      return got.ok ? { ...base, list: stored.demo ? { ...got.list, demo: true } : got.list } : { ...base, problem: { code: got.code, message: got.message } };
    }),
  );
}

/** The trust set a verification uses: enabled lists that verify, and the pins. */
export async function trustSetOf(db: WalletDb, env: VerifyEnv, lang?: string): Promise<TrustSet> {
  const [lists, pins] = await Promise.all([loadTrustLists(db, env), listPins(db)]);
  const usable = lists.flatMap((l) => (l.enabled && l.list ? [l.list] : []));
  return { lists: pins.length > 0 ? [...usable, pinsList(pins)] : usable, ...(lang ? { lang } : {}) };
}

/**
 * Add a list from its bytes: it is verified first, and stored only when it can be used (a coded
 * refusal otherwise, and nothing stored).
 */
export async function addTrustList(db: WalletDb, bytes: Uint8Array, source: string, env: VerifyEnv, options: { demo?: boolean } = {}): Promise<{ ok: true; id: string; list: TrustList } | { ok: false; code: TrustListErrorCode | 'TRUST_LIST_TOO_LARGE'; message: string }> {
  if (bytes.byteLength > 4 * 1024 * 1024) return { ok: false, code: 'TRUST_LIST_TOO_LARGE', message: `${bytes.byteLength} bytes` };
  const got = await readTrustList(bytes, source, env);
  if (!got.ok) return got;
  const text = new TextDecoder().decode(bytes);
  await putTrustList(db, got.list.id, { text, source, addedAt: env.now.toISOString(), enabled: true, ...(options.demo ? { demo: true } : {}) });
  return { ok: true, id: got.list.id, list: got.list };
}

/** "I know this issuer": pin it with the name it gives itself and a note. */
export function pinIssuer(db: WalletDb, issuerId: string, name: string | null, note: string, now: Date): Promise<void> {
  return putPin(db, { issuerId, name, note, pinnedAt: now.toISOString() });
}
