/**
 * Selective export: which fields of a credential may be left out of a presentation.
 *
 * Only an ecdsa-sd-2023 *base* proof (what the issuer hands the holder) allows it: the holder
 * derives a new proof disclosing the mandatory fields plus the optional ones they pick
 * (W3C VC-DI-ECDSA §3.4). A *derived* proof already discloses exactly what it holds and cannot be
 * derived again. Every other proof (eddsa-rdfc-2022, Ed25519Signature2020, ecdsa-rdfc-2019, a
 * VC-JWT, an OB 2.0 JWS) signs the whole credential: removing any field breaks the issuer's
 * signature, and a hosted OB 2.0 assertion must match its hosted copy. For those this module
 * says which fields are locked, so the interface can explain it.
 */
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createDiscloseCryptosuite } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { TsumikiError } from '../errors.ts';
import { isJsonObject } from '../formats/json.ts';
import type { JsonObject, JsonValue, ParsedCredential } from '../model/credential.ts';
import { base64urlDecode } from '../util/bytes.ts';
import { contextLoader } from '../verify/loader.ts';

export type LockReason =
  | 'SIGNED_AS_A_WHOLE' //     a proof over the whole credential: every field is covered
  | 'SD_ALREADY_DERIVED' //    an ecdsa-sd-2023 derived proof: nothing more can be left out
  | 'HOSTED_COPY' //           a hosted OB 2.0 assertion: the verifier compares it with the issuer's copy
  | 'UNSIGNED'; //             no proof at all: leaving fields out proves nothing either

export type Disclosure =
  | { readonly mode: 'selective'; readonly suite: 'ecdsa-sd-2023'; readonly mandatory: readonly string[]; readonly optional: readonly string[] }
  | { readonly mode: 'locked'; readonly reason: LockReason; readonly suite?: string; readonly fields: readonly string[] };

const MAX_FIELDS = 500;
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** JSON pointers of the leaf values of a credential (its proof left out). */
export function leafPointers(value: JsonValue, base = ''): string[] {
  const out: string[] = [];
  const walk = (v: JsonValue, at: string) => {
    if (out.length >= MAX_FIELDS) return;
    if (Array.isArray(v) && v.length > 0) v.forEach((x, i) => walk(x, `${at}/${i}`));
    else if (isJsonObject(v) && Object.keys(v).length > 0) for (const [k, x] of Object.entries(v)) (at === '' && k === 'proof') || walk(x, `${at}/${escape(k)}`);
    else out.push(at);
  };
  walk(value, base);
  return out;
}

// --- the few CBOR items an ecdsa-sd-2023 base proof holds (RFC 8949): byte/text strings, arrays, maps, tag 64

function cborHead(b: Uint8Array, at: number): { major: number; n: number; next: number } {
  const first = b[at];
  if (first === undefined) throw new Error('truncated');
  const info = first & 0x1f;
  let n = info;
  let next = at + 1;
  if (info >= 24 && info <= 27) {
    const len = 1 << (info - 24);
    n = 0;
    for (let i = 0; i < len; i++) n = n * 256 + (b[next + i] ?? NaN);
    next += len;
  } else if (info > 27) throw new Error('indefinite lengths are not used');
  if (!Number.isFinite(n)) throw new Error('truncated');
  return { major: first >> 5, n, next };
}

function cborRead(b: Uint8Array, at: number, depth = 0): { value: unknown; next: number } {
  if (depth > 8) throw new Error('too deep');
  const { major, n, next } = cborHead(b, at);
  if (major === 2 || major === 3) {
    if (next + n > b.length) throw new Error('truncated');
    return { value: major === 3 ? new TextDecoder().decode(b.subarray(next, next + n)) : b.subarray(next, next + n), next: next + n };
  }
  if (major === 4 || major === 5) {
    let p = next;
    const items: unknown[] = [];
    for (let i = 0; i < n * (major === 5 ? 2 : 1); i++) {
      const r = cborRead(b, p, depth + 1);
      items.push(r.value);
      p = r.next;
    }
    return { value: items, next: p };
  }
  if (major === 6) return cborRead(b, next, depth + 1);
  if (major === 0) return { value: n, next };
  throw new Error(`CBOR major type ${major} not expected`);
}

/** The kind of an ecdsa-sd-2023 proofValue and, for a base proof, its mandatory pointers. */
export function sdProofInfo(proofValue: unknown): { kind: 'base'; mandatory: string[] } | { kind: 'derived' } | undefined {
  if (typeof proofValue !== 'string' || !proofValue.startsWith('u')) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = base64urlDecode(proofValue.slice(1));
  } catch {
    return undefined;
  }
  if (bytes[0] !== 0xd9 || bytes[1] !== 0x5d) return undefined;
  if (bytes[2] === 0x01) return { kind: 'derived' };
  if (bytes[2] !== 0x00) return undefined;
  try {
    const { value } = cborRead(bytes, 3);
    const pointers = Array.isArray(value) ? value[4] : undefined;
    if (!Array.isArray(pointers) || !pointers.every((p) => typeof p === 'string')) return undefined;
    return { kind: 'base', mandatory: pointers as string[] }; // why: every item was checked to be a string
  } catch {
    return undefined;
  }
}

const covered = (pointer: string, by: readonly string[]) => by.some((m) => pointer === m || pointer.startsWith(m + '/'));
const structural = (pointer: string) => pointer.startsWith('/@context') || /\/(id|type)(\/\d+)?$/.test(pointer);

/** What can be left out of this credential, or why nothing can. */
export function disclosureOf(badge: Pick<ParsedCredential, 'format' | 'credential'>): Disclosure {
  const fields = leafPointers(badge.credential);
  if (badge.format === 'ob2-hosted') return { mode: 'locked', reason: 'HOSTED_COPY', fields };
  if (badge.format === 'ob2-signed') return { mode: 'locked', reason: 'SIGNED_AS_A_WHOLE', suite: 'OB 2.0 JWS', fields };
  if (badge.format.endsWith('-jwt')) return { mode: 'locked', reason: 'SIGNED_AS_A_WHOLE', suite: 'VC-JWT', fields };
  const proofs = badge.credential.proof === undefined ? [] : Array.isArray(badge.credential.proof) ? badge.credential.proof : [badge.credential.proof];
  if (proofs.length === 0) return { mode: 'locked', reason: 'UNSIGNED', fields };
  const proof = proofs[0];
  const suite = isJsonObject(proof) ? String(proof.cryptosuite ?? proof.type ?? 'unknown') : 'unknown';
  const sd = proofs.length === 1 && isJsonObject(proof) && proof.cryptosuite === 'ecdsa-sd-2023' ? sdProofInfo(proof.proofValue) : undefined;
  if (sd?.kind === 'base') {
    return { mode: 'selective', suite: 'ecdsa-sd-2023', mandatory: sd.mandatory, optional: fields.filter((p) => !covered(p, sd.mandatory) && !structural(p)) };
  }
  if (sd?.kind === 'derived') return { mode: 'locked', reason: 'SD_ALREADY_DERIVED', suite, fields };
  return { mode: 'locked', reason: 'SIGNED_AS_A_WHOLE', suite, fields };
}

/**
 * A derived credential disclosing the mandatory fields and `selected` (JSON pointers from
 * `disclosureOf(…).optional`). Only for an ecdsa-sd-2023 base proof; throws NOT_A_CREDENTIAL otherwise.
 */
export async function deriveDisclosure(credential: JsonObject, selected: readonly string[]): Promise<JsonObject> {
  const info = disclosureOf({ format: 'ob3-di', credential });
  if (info.mode !== 'selective') throw new TsumikiError('NOT_A_CREDENTIAL', 'only an ecdsa-sd-2023 base proof allows leaving fields out');
  const suite = new DataIntegrityProof({ cryptosuite: createDiscloseCryptosuite({ selectivePointers: [...selected] }) });
  const purpose = new jsigs.purposes.AssertionProofPurpose();
  const derive = (jsigs as unknown as { derive: (d: object, o: object) => Promise<JsonObject> }).derive; // why: the local typings do not declare derive
  return derive(credential, { suite, purpose, documentLoader: contextLoader });
}
