/**
 * Trust lists and pins, kept in `meta` beside the other settings.
 *
 *   trust:<id>   { text, source, addedAt, enabled, demo? }  a trust list exactly as it was given
 *                (its text is verified again every time it is loaded: signed data is never rewritten
 *                and a stored "it verified" is never believed)
 *   pin:<id>     { name, note, pinnedAt }                    "I know this issuer", by issuer id
 */
import type { JsonObject, JsonValue } from '../model/credential.ts';
import type { WalletDb } from './db.ts';
import { guarded, writeTransaction } from './errors.ts';
import type { MetaRow } from './types.ts';

export const TRUST_PREFIX = 'trust:';
export const PIN_PREFIX = 'pin:';
/** Largest trust list kept (a registry of a few thousand issuers is well under this). */
export const MAX_TRUST_TEXT = 4 * 1024 * 1024;
const MAX_KEY = 500;
const MAX_NOTE = 2000;

export interface StoredTrustList {
  /** The list's text exactly as it was given. */
  readonly text: string;
  /** Where it came from: a file name or a URL. */
  readonly source: string;
  readonly addedAt: string;
  readonly enabled: boolean;
  /** The list shipped with the demo badges. */
  readonly demo?: boolean;
}

export interface StoredPin {
  readonly issuerId: string;
  /** The name the issuer gave itself when it was pinned (a claim the user vouched for). */
  readonly name: string | null;
  readonly note: string;
  readonly pinnedAt: string;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));

export function trustListOfValue(value: JsonValue | undefined): StoredTrustList | null {
  if (!isObject(value)) return null;
  const { text, source, addedAt, enabled, demo } = value;
  if (typeof text !== 'string' || text.length > MAX_TRUST_TEXT || typeof source !== 'string' || source.length > MAX_KEY || !isDate(addedAt) || typeof enabled !== 'boolean') return null;
  return { text, source, addedAt, enabled, ...(demo === true ? { demo: true } : {}) };
}

export function pinOfRow(row: MetaRow): StoredPin | null {
  const issuerId = row.key.slice(PIN_PREFIX.length);
  const v = row.value;
  if (!isObject(v) || issuerId.length === 0 || issuerId.length > MAX_KEY) return null;
  const { name, note, pinnedAt } = v;
  if ((name !== null && typeof name !== 'string') || typeof note !== 'string' || note.length > MAX_NOTE || !isDate(pinnedAt)) return null;
  return { issuerId, name: typeof name === 'string' ? name.slice(0, MAX_KEY) : null, note, pinnedAt };
}

/** True for a `trust:` or `pin:` row of the right shape (the backup allow-list). */
export function isTrustSetting(row: MetaRow): boolean {
  if (row.key.startsWith(TRUST_PREFIX)) return row.key.length - TRUST_PREFIX.length > 0 && row.key.length <= MAX_KEY + TRUST_PREFIX.length && trustListOfValue(row.value) !== null;
  if (row.key.startsWith(PIN_PREFIX)) return pinOfRow(row) !== null;
  return false;
}

export function listTrustLists(db: WalletDb): Promise<Array<{ id: string; stored: StoredTrustList }>> {
  return guarded('read', async () => {
    const rows = await db.meta.where('key').startsWith(TRUST_PREFIX).toArray();
    return rows.flatMap((r) => {
      const stored = trustListOfValue(r.value);
      return stored ? [{ id: r.key.slice(TRUST_PREFIX.length), stored }] : [];
    });
  });
}

export function putTrustList(db: WalletDb, id: string, stored: StoredTrustList): Promise<void> {
  return writeTransaction(db, 'update', [db.meta], async () => {
    await db.meta.put({ key: TRUST_PREFIX + id, value: { ...stored } });
  });
}

export function setTrustListEnabled(db: WalletDb, id: string, enabled: boolean): Promise<void> {
  return writeTransaction(db, 'update', [db.meta], async () => {
    const row = await db.meta.get(TRUST_PREFIX + id);
    const stored = trustListOfValue(row?.value);
    if (stored) await db.meta.put({ key: TRUST_PREFIX + id, value: { ...stored, enabled } });
  });
}

export function removeTrustList(db: WalletDb, id: string): Promise<void> {
  return writeTransaction(db, 'update', [db.meta], async () => {
    await db.meta.delete(TRUST_PREFIX + id);
  });
}

export function listPins(db: WalletDb): Promise<StoredPin[]> {
  return guarded('read', async () => (await db.meta.where('key').startsWith(PIN_PREFIX).toArray()).flatMap((r) => pinOfRow(r) ?? []));
}

export function putPin(db: WalletDb, pin: StoredPin): Promise<void> {
  return writeTransaction(db, 'update', [db.meta], async () => {
    await db.meta.put({ key: PIN_PREFIX + pin.issuerId, value: { name: pin.name, note: pin.note.slice(0, MAX_NOTE), pinnedAt: pin.pinnedAt } });
  });
}

export function removePin(db: WalletDb, issuerId: string): Promise<void> {
  return writeTransaction(db, 'update', [db.meta], async () => {
    await db.meta.delete(PIN_PREFIX + issuerId);
  });
}
