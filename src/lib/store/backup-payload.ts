/**
 * What a backup holds once decrypted: JSON, with each badge's bytes in base64. Decoding checks
 * every field, so a restore writes only rows the store itself could have written.
 */
import { TsumikiError } from '../errors.ts';
import { CONTAINERS, CREDENTIAL_FORMATS, type JsonValue } from '../model/credential.ts';
import { CHECK_IDS, VERDICTS, type Check } from '../model/verification.ts';
import { fromBase64, fromUtf8, toBase64, utf8 } from '../util/bytes.ts';
import { normalizeTags, searchKey } from './normalize.ts';
import { isAllowedSetting } from './settings.ts';
import type { PreparedBadge } from './badges.ts';
import type { BadgeReport, BadgeSummary, MetaRow, OriginalRow, StoredBadge } from './types.ts';

export const PAYLOAD_FORMAT = 'tsumiki-wallet';
export const PAYLOAD_VERSION = 1;

/**
 * Most badges a backup may hold. Each is verified again on restore (class 8), so the work grows with
 * the count; a learner's wallet holds tens to hundreds. Checked before any entry is read.
 */
export const MAX_BACKUP_BADGES = 20_000;
/** Most settings rows a backup may hold (a language and the pathways). */
export const MAX_BACKUP_SETTINGS = 1_000;

export interface WalletSnapshot {
  readonly badges: readonly PreparedBadge[];
  readonly settings: readonly MetaRow[];
}

/** A decoded backup: badges as the file describes them, the allowed settings, and how many others were dropped. */
export interface DecodedSnapshot extends WalletSnapshot {
  readonly ignoredSettings: number;
}

function tooMany(what: 'badges' | 'settings', count: number, limit: number): TsumikiError {
  return new TsumikiError('BACKUP_TOO_MANY_ENTRIES', `the backup holds ${count} ${what}; at most ${limit} are restored`, {
    data: { what, count, limit },
  });
}

/** Errors: BACKUP_TOO_MANY_ENTRIES (a file restore would refuse). */
export function encodePayload(snapshot: WalletSnapshot, exportedAt: string, schemaVersion: number): Uint8Array {
  if (snapshot.badges.length > MAX_BACKUP_BADGES) throw tooMany('badges', snapshot.badges.length, MAX_BACKUP_BADGES);
  if (snapshot.settings.length > MAX_BACKUP_SETTINGS) throw tooMany('settings', snapshot.settings.length, MAX_BACKUP_SETTINGS);
  const badges = snapshot.badges.map(({ badge, original }) => ({
    ...badge,
    bytes: toBase64(original.bytes),
    ...(original.credentialBytes === undefined ? {} : { credentialBytes: toBase64(original.credentialBytes) }),
    ...(original.imageDataUri === undefined ? {} : { imageDataUri: original.imageDataUri }),
  }));
  const payload = {
    format: PAYLOAD_FORMAT,
    version: PAYLOAD_VERSION,
    exportedAt,
    schemaVersion,
    badges,
    settings: snapshot.settings,
  };
  return utf8(JSON.stringify(payload));
}

/** Thrown by the readers below; turned into BACKUP_DAMAGED with the path of the bad field. */
class Bad extends Error {
  constructor(readonly path: string) {
    super(path);
  }
}

type Obj = Readonly<Record<string, unknown>>;

function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Bad(path);
  // A non-null, non-array object from JSON.parse: a plain record of JSON values.
  return v as Obj;
}

function str(o: Obj, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new Bad(`${path}.${key}`);
  return v;
}

function strOrNull(o: Obj, key: string, path: string): string | null {
  return o[key] === null ? null : str(o, key, path);
}

function oneOf<T extends string>(o: Obj, key: string, allowed: readonly T[], path: string): T {
  const v = str(o, key, path);
  const found = allowed.find((a) => a === v);
  if (found === undefined) throw new Bad(`${path}.${key}`);
  return found;
}

function bytes(o: Obj, key: string, path: string): Uint8Array {
  const b = fromBase64(str(o, key, path));
  if (b === null || b.length === 0) throw new Bad(`${path}.${key}`);
  return b;
}

function strings(v: unknown, path: string): string[] {
  if (!Array.isArray(v) || v.some((t) => typeof t !== 'string')) throw new Bad(path);
  return v.map(String);
}

const OUTCOMES = ['passed', 'failed', 'not-checked'] as const;

function report(v: unknown, path: string): BadgeReport {
  const r = obj(v, path);
  const verdict = oneOf(r, 'verdict', VERDICTS, path);
  const checks = r['checks'];
  if (!Array.isArray(checks)) throw new Bad(`${path}.checks`);
  checks.forEach((c: unknown, i) => {
    const o = obj(c, `${path}.checks[${i}]`);
    oneOf(o, 'id', CHECK_IDS, `${path}.checks[${i}]`);
    oneOf(o, 'outcome', OUTCOMES, `${path}.checks[${i}]`);
    str(o, 'code', `${path}.checks[${i}]`);
  });
  // Each entry was shape-checked above; the report is stored as exported (it is our own JSON).
  return { ...r, verdict, checks: checks as Check[] };
}

function summary(v: unknown, path: string): BadgeSummary {
  const s = obj(v, path);
  return {
    title: str(s, 'title', path),
    issuerName: str(s, 'issuerName', path),
    issuerId: str(s, 'issuerId', path),
    issuedAt: strOrNull(s, 'issuedAt', path),
    expiresAt: strOrNull(s, 'expiresAt', path),
    searchText: searchKey(str(s, 'searchText', path)),
  };
}

function badge(v: unknown, path: string): PreparedBadge {
  const b = obj(v, path);
  const id = str(b, 'id', path);
  if (!/^[0-9a-f]{64}$/u.test(id)) throw new Bad(`${path}.id`);
  const container = oneOf(b, 'container', CONTAINERS, path);
  const imageDataUri = b['imageDataUri'] === undefined ? undefined : str(b, 'imageDataUri', path);
  const original: OriginalRow = {
    id,
    bytes: bytes(b, 'bytes', path),
    ...(b['credentialBytes'] === undefined ? {} : { credentialBytes: bytes(b, 'credentialBytes', path) }),
    ...(imageDataUri === undefined ? {} : { imageDataUri }),
  };
  const stored: StoredBadge = {
    id,
    credentialId: strOrNull(b, 'credentialId', path),
    format: oneOf(b, 'format', CREDENTIAL_FORMATS, path),
    container,
    mime: str(b, 'mime', path),
    summary: summary(b['summary'], `${path}.summary`),
    hasImage: container === 'png' || container === 'svg' || imageDataUri !== undefined,
    report: report(b['report'], `${path}.report`),
    verifiedAt: str(b, 'verifiedAt', path),
    tags: normalizeTags(strings(b['tags'], `${path}.tags`)),
    note: str(b, 'note', path),
    addedAt: str(b, 'addedAt', path),
  };
  return { badge: stored, original };
}

/**
 * Parses and checks a decrypted payload; settings outside the allow-list (./settings.ts) are dropped
 * and counted. Errors: BACKUP_DAMAGED with `data.reason: 'payload'` and the path;
 * BACKUP_TOO_MANY_ENTRIES (before any entry is read).
 */
export function decodePayload(plaintext: Uint8Array): DecodedSnapshot {
  try {
    const text = fromUtf8(plaintext);
    if (text === null) throw new Bad('$');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Bad('$');
    }
    const root = obj(json, '$');
    if (root['format'] !== PAYLOAD_FORMAT) throw new Bad('$.format');
    if (root['version'] !== PAYLOAD_VERSION) throw new Bad('$.version');
    const list = root['badges'];
    if (!Array.isArray(list)) throw new Bad('$.badges');
    const rawSettings = root['settings'] ?? [];
    if (!Array.isArray(rawSettings)) throw new Bad('$.settings');
    if (list.length > MAX_BACKUP_BADGES) throw tooMany('badges', list.length, MAX_BACKUP_BADGES);
    if (rawSettings.length > MAX_BACKUP_SETTINGS) throw tooMany('settings', rawSettings.length, MAX_BACKUP_SETTINGS);
    const badges = list.map((b: unknown, i) => badge(b, `$.badges[${i}]`));
    const rows = rawSettings.map((m: unknown, i): MetaRow => {
      const o = obj(m, `$.settings[${i}]`);
      // Any JSON value is a well-formed setting value (JSON.parse produced it); the allow-list decides which are kept.
      return { key: str(o, 'key', `$.settings[${i}]`), value: (o['value'] ?? null) as JsonValue };
    });
    const settings = rows.filter(isAllowedSetting);
    return { badges, settings, ignoredSettings: rows.length - settings.length };
  } catch (e) {
    if (e instanceof Bad) {
      throw new TsumikiError('BACKUP_DAMAGED', `backup content is not valid at ${e.path}`, {
        data: { reason: 'payload', path: e.path },
      });
    }
    throw e;
  }
}
