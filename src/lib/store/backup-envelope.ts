/**
 * The encrypted backup file, self-describing:
 *
 *   <header: one line of JSON> "\n" <AES-GCM ciphertext + 16-byte tag> <SHA-256 of everything before: 32 bytes>
 *
 * header = {format:'tsumiki-backup', version:1, kdf:{name:'PBKDF2', hash:'SHA-256', iterations, salt},
 *           cipher:{name:'AES-GCM', iv}, check}
 *
 * PBKDF2-SHA-256 (600,000 iterations by default, OWASP 2023) gives 64 bytes: the first 32 are the
 * AES-256-GCM key, the SHA-256 of the last 32 is `check`. The header is the cipher's additional
 * data, so it cannot be altered unnoticed. The trailing digest tells a damaged file (any flipped
 * byte, truncation) from a wrong passphrase (`check` differs) BEFORE decryption; `check` lets an
 * attacker test a guess no faster than the GCM tag already would (one full PBKDF2 per guess).
 */
import { TsumikiError } from '../errors.ts';
import { bytesEqual, concat, fromBase64, fromUtf8, own, sha256, toBase64, utf8 } from '../util/bytes.ts';

export const BACKUP_FORMAT = 'tsumiki-backup';
export const BACKUP_VERSION = 1;
/** OWASP Password Storage Cheat Sheet (2023) for PBKDF2-HMAC-SHA256. */
export const DEFAULT_ITERATIONS = 600_000;
/**
 * The iteration counts a file may ask for, checked in the header before any key is derived. More is
 * refused rather than left to freeze the app (10,000,000 took ~20 s to derive before the refusal
 * came); fewer would let a forged file invite a cheap guessing attack on a passphrase typed into it.
 * 2,000,000 is over three times OWASP's 2023 figure: room for a future default, a few seconds at most.
 */
export const MIN_ITERATIONS = 100_000;
export const MAX_ITERATIONS = 2_000_000;
const HEADER_MAX = 4096;
const DIGEST_LEN = 32;
const TAG_LEN = 16;

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  readonly kdf: {
    readonly name: 'PBKDF2';
    readonly hash: 'SHA-256';
    readonly iterations: number;
    readonly salt: string;
  };
  readonly cipher: { readonly name: 'AES-GCM'; readonly iv: string };
  readonly check: string;
}

function damaged(reason: string, data: Record<string, unknown> = {}, cause?: unknown): TsumikiError {
  return new TsumikiError('BACKUP_DAMAGED', `backup file is damaged or not a Tsumiki backup (${reason})`, {
    cause,
    data: { reason, ...data },
  });
}

function iterationsRefused(iterations: number): TsumikiError {
  return new TsumikiError(
    'BACKUP_ITERATIONS_REFUSED',
    `the backup asks for ${iterations} PBKDF2 iterations; ${MIN_ITERATIONS} to ${MAX_ITERATIONS} are accepted`,
    { data: { iterations, min: MIN_ITERATIONS, max: MAX_ITERATIONS } },
  );
}

const inRange = (iterations: number): boolean => iterations >= MIN_ITERATIONS && iterations <= MAX_ITERATIONS;

function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  if (passphrase === '') {
    throw new TsumikiError('INPUT_EMPTY', 'a backup needs a passphrase', { data: { field: 'passphrase' } });
  }
  // NFC: the same passphrase typed through different IMEs or keyboards gives the same bytes.
  return utf8(passphrase.normalize('NFC'));
}

async function deriveKeys(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<{ key: CryptoKey; check: Uint8Array }> {
  const base = await crypto.subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 512),
  );
  const usages: KeyUsage[] = ['encrypt', 'decrypt'];
  const key = await crypto.subtle.importKey('raw', bits.slice(0, 32), { name: 'AES-GCM' }, false, usages);
  return { key, check: await sha256(bits.slice(32)) };
}

/**
 * Encrypts `plaintext` with a key derived from the passphrase. Errors: INPUT_EMPTY (no passphrase),
 * BACKUP_ITERATIONS_REFUSED (a count a restore would refuse).
 */
export async function seal(
  plaintext: Uint8Array,
  passphrase: string,
  iterations: number = DEFAULT_ITERATIONS,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!Number.isInteger(iterations) || !inRange(iterations)) throw iterationsRefused(iterations);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const { key, check } = await deriveKeys(passphrase, salt, iterations);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    check: toBase64(check),
  };
  const headerBytes = utf8(JSON.stringify(header));
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: headerBytes, tagLength: 128 },
      key,
      own(plaintext),
    ),
  );
  const body = concat(headerBytes, utf8('\n'), ciphertext);
  return concat(body, await sha256(body));
}

function field(o: unknown, key: string): unknown {
  return typeof o === 'object' && o !== null && !Array.isArray(o) ? Reflect.get(o, key) : undefined;
}

function b64Field(o: unknown, key: string, min: number, max: number): Uint8Array<ArrayBuffer> {
  const v = field(o, key);
  const bytes = typeof v === 'string' ? fromBase64(v) : null;
  if (bytes === null || bytes.length < min || bytes.length > max) throw damaged('header', { field: key });
  return bytes;
}

interface ParsedHeader {
  readonly header: BackupHeader;
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly check: Uint8Array<ArrayBuffer>;
  /** The header's exact bytes: the cipher's additional data. */
  readonly headerBytes: Uint8Array<ArrayBuffer>;
  /** Where the ciphertext starts. */
  readonly rest: number;
}

/**
 * Reads and checks the header. Errors: BACKUP_DAMAGED (`data.reason`: header, not-a-backup,
 * unsupported-version), BACKUP_ITERATIONS_REFUSED (a count outside MIN_ITERATIONS..MAX_ITERATIONS).
 */
export function readHeader(file: Uint8Array): ParsedHeader {
  const nl = file.subarray(0, HEADER_MAX).indexOf(0x0a);
  const text = nl < 0 ? null : fromUtf8(file.subarray(0, nl));
  let json: unknown;
  try {
    json = text === null ? undefined : JSON.parse(text);
  } catch (e) {
    throw damaged('header', {}, e);
  }
  if (field(json, 'format') !== BACKUP_FORMAT) throw damaged('not-a-backup');
  const version = field(json, 'version');
  if (version !== BACKUP_VERSION) throw damaged('unsupported-version', { version: String(version) });
  const kdf = field(json, 'kdf');
  const cipher = field(json, 'cipher');
  const iterations = field(kdf, 'iterations');
  if (field(kdf, 'name') !== 'PBKDF2' || field(kdf, 'hash') !== 'SHA-256' || field(cipher, 'name') !== 'AES-GCM') {
    throw damaged('header', { field: 'algorithm' });
  }
  if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < 1) {
    throw damaged('header', { field: 'iterations' });
  }
  if (!inRange(iterations)) throw iterationsRefused(iterations);
  const salt = b64Field(kdf, 'salt', 16, 64);
  const iv = b64Field(cipher, 'iv', 12, 12);
  const check = b64Field(json, 'check', 32, 32);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    check: toBase64(check),
  };
  return { header, salt, iv, check, headerBytes: new Uint8Array(file.subarray(0, nl)), rest: nl + 1 };
}

/**
 * Checks and decrypts a backup file. Errors: BACKUP_DAMAGED (bad header, truncated, any byte
 * changed), BACKUP_ITERATIONS_REFUSED (before any key is derived), BACKUP_BAD_PASSPHRASE, INPUT_EMPTY
 * (no passphrase).
 */
export async function unseal(file: Uint8Array, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  passphraseBytes(passphrase);
  const { header, salt, iv, check: expected, headerBytes, rest } = readHeader(file);
  if (file.length < rest + TAG_LEN + DIGEST_LEN) throw damaged('truncated');
  const end = file.length - DIGEST_LEN;
  if (!bytesEqual(await sha256(file.subarray(0, end)), file.subarray(end))) throw damaged('checksum');
  const { key, check } = await deriveKeys(passphrase, salt, header.kdf.iterations);
  if (!bytesEqual(check, expected)) {
    throw new TsumikiError('BACKUP_BAD_PASSPHRASE', 'the passphrase does not open this backup');
  }
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: headerBytes, tagLength: 128 },
      key,
      own(file.subarray(rest, end)),
    );
    return new Uint8Array(plain);
  } catch (e) {
    // The digest matched and the passphrase is right, so the file was altered on purpose.
    throw damaged('cipher', {}, e);
  }
}
