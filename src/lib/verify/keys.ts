/**
 * Verification-method resolution, and how much each answer proves about the issuer.
 *
 * - `did:key`, `did:jwk`: the key is the identifier ("self-certifying"): binding holds when the
 *   issuer is that DID.
 * - `did:web`, https controller documents: the document must be fetched (network, or the cache of
 *   an earlier fetch); then it binds the key to its controller ("resolved").
 * - A URL whose fragment is itself a multibase key (`https://issuer.example/id#z6Mk…`, the 1EdTech
 *   validator's convention): the key proves the signature, not who made it ("fragment"). Used only
 *   when the document cannot be resolved.
 *
 * What a method must yield depends on its use: Data Integrity suites take a Multikey (Ed25519,
 * P-256, P-384), a JWS takes any public JWK jose verifies (RSA too). So resolution takes a `KeyUse`;
 * with `jws` every answer carries the public JWK, and keys no Multikey can hold (RSA) resolve.
 */
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import type { JWK } from 'jose';
import { asArray, idOf, isJsonObject } from '../formats/json.ts';
import { base58btcDecode, base64urlDecodeToText } from '../util/bytes.ts';
import type { JsonObject, JsonValue } from '../model/credential.ts';
import type { FailureCode, NotCheckedCode, NotCheckedReason } from '../model/verification.ts';
import { remoteJson, type Remote } from './remote.ts';

export const DID_V1 = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

export type Binding = 'self-certifying' | 'resolved' | 'fragment';

/** What the key is for: a Data Integrity suite (needs a Multikey) or a JWS (needs a public JWK). */
export type KeyUse = 'data-integrity' | 'jws';

export interface ResolvedMethod {
  /** The verification method id as the proof names it. */
  readonly ref: string;
  readonly controller: string;
  /**
   * A Multikey verification method document the cryptosuites accept. For `jws` use only, a key no
   * Multikey can hold (RSA) is given as a `JsonWebKey` method instead: no cryptosuite ever sees it.
   */
  readonly method: JsonObject;
  /**
   * The public key as a JWK: always for `jws` use; for `data-integrity` use when the key was
   * published as a JWK (did:jwk, `publicKeyJwk`). Never holds private members.
   */
  readonly jwk?: JWK;
  /** A DID-context controller document listing the method under `assertionMethod` and `authentication` (where its controller does). */
  readonly controllerDocument: JsonObject;
  readonly binding: Binding;
  /** For `fragment`: why the document itself could not be used. */
  readonly unresolved?: NotCheckedCode;
  readonly fetchedAt?: string;
  readonly fromCache?: boolean;
}

/** A method that cannot be resolved: `failed` when it never could be, `not-checked` when it might later. */
export class KeyResolutionError extends Error {
  constructor(
    readonly outcome: 'failed' | 'not-checked',
    readonly code: FailureCode | NotCheckedCode,
    readonly reason: NotCheckedReason | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'KeyResolutionError';
  }
}

const fail = (code: FailureCode, msg: string) => new KeyResolutionError('failed', code, undefined, msg);
const notChecked = (code: NotCheckedCode, reason: NotCheckedReason, msg: string) =>
  new KeyResolutionError('not-checked', code, reason, msg);

/** Multicodec header and key length of each supported public key type (multicodec table). */
const KEY_TYPES = [
  { name: 'Ed25519', header: [0xed, 0x01], length: 32 },
  { name: 'P-256', header: [0x80, 0x24], length: 33 },
  { name: 'P-384', header: [0x81, 0x24], length: 49 },
] as const;

/** Which supported key a `z…` multibase string holds, checked byte by byte; undefined otherwise. */
export function multikeyType(publicKeyMultibase: string): (typeof KEY_TYPES)[number]['name'] | undefined {
  if (!publicKeyMultibase.startsWith('z')) return undefined;
  const bytes = base58btcDecode(publicKeyMultibase.slice(1));
  if (!bytes) return undefined;
  const type = KEY_TYPES.find((t) => bytes[0] === t.header[0] && bytes[1] === t.header[1] && bytes.length === 2 + t.length);
  return type?.name;
}

/** The Multikey document for a multibase public key, or undefined when it is not a supported key. */
export async function multikeyFor(publicKeyMultibase: string, id: string, controller: string): Promise<JsonObject | undefined> {
  const type = multikeyType(publicKeyMultibase);
  if (!type) return undefined;
  const lib = type === 'Ed25519' ? Ed25519Multikey : EcdsaMultikey;
  try {
    await lib.from({ type: 'Multikey', id, controller, publicKeyMultibase });
  } catch {
    return undefined;
  }
  return { '@context': MULTIKEY_V1, id, type: 'Multikey', controller, publicKeyMultibase };
}

/** JWK members that only a private or symmetric key has (RFC 7518 §6.2.2, §6.3.2, §6.4). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** Whether a JWK holds private or secret key material (never acceptable as a published key). */
export function hasPrivateParts(jwk: JsonObject): boolean {
  return PRIVATE_MEMBERS.some((m) => m in jwk);
}

async function multikeyFromJwk(jwk: JsonObject, id: string, controller: string): Promise<JsonObject | undefined> {
  const lib = jwk.kty === 'OKP' && jwk.crv === 'Ed25519' ? Ed25519Multikey : jwk.kty === 'EC' ? EcdsaMultikey : undefined;
  if (!lib || hasPrivateParts(jwk)) return undefined;
  try {
    const pair = await lib.fromJwk({ jwk, id, controller });
    const mb = pair.publicKeyMultibase;
    return typeof mb === 'string' ? { '@context': MULTIKEY_V1, id, type: 'Multikey', controller, publicKeyMultibase: mb } : undefined;
  } catch {
    return undefined;
  }
}

/** The public JWK of a Multikey method this module built (Ed25519, P-256 or P-384). */
async function jwkOfMultikey(method: JsonObject): Promise<JWK> {
  const ed = multikeyType(String(method.publicKeyMultibase)) === 'Ed25519';
  const jwk = ed
    ? await Ed25519Multikey.toJwk({ keyPair: await Ed25519Multikey.from(method) })
    : await EcdsaMultikey.toJwk({ keyPair: await EcdsaMultikey.from(method) });
  return jwk as JWK; // why: the multikey libraries return a public JWK as a plain record
}

/**
 * An RSA public JWK as a `JsonWebKey` method, for `jws` use only (no Data Integrity suite takes
 * RSA). jose validates the modulus and exponent when it imports the key.
 */
function rsaJwkMethod(jwk: JsonObject, id: string, controller: string): JsonObject | undefined {
  if (jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string' || hasPrivateParts(jwk)) return undefined;
  return { id, type: 'JsonWebKey', controller, publicKeyJwk: jwk };
}

/** The method (and, for `jws`, its JWK) of a key published as a JWK; undefined when `use` cannot take it. */
async function methodFromJwk(jwk: JsonObject, id: string, controller: string, use: KeyUse): Promise<{ method: JsonObject; jwk: JWK } | undefined> {
  const method = (await multikeyFromJwk(jwk, id, controller)) ?? (use === 'jws' ? rsaJwkMethod(jwk, id, controller) : undefined);
  return method ? { method, jwk: jwk as JWK } : undefined; // why: a JWK-shaped record without private members
}

/** The method (and, for `jws`, its JWK) of a multibase key; undefined when not a supported key. */
async function methodFromMultibase(mb: string, id: string, controller: string, use: KeyUse): Promise<{ method: JsonObject; jwk?: JWK } | undefined> {
  const method = await multikeyFor(mb, id, controller);
  if (!method) return undefined;
  return use === 'jws' ? { method, jwk: await jwkOfMultikey(method) } : { method };
}

/**
 * The controller document of a DID that is its own key (did:key, did:jwk): as the did:key method
 * writes it, the key is listed for every purpose, so it may both issue (assertionMethod) and
 * answer a verifier (authentication).
 */
function controllerDoc(controller: string, methods: readonly JsonObject[]): JsonObject {
  const ids = methods.map((m) => m.id as string); // why: every method built here has a string id
  return { '@context': [DID_V1, MULTIKEY_V1], id: controller, verificationMethod: [...methods], assertionMethod: ids, authentication: ids };
}

function splitFragment(ref: string): { base: string; fragment: string | undefined } {
  const i = ref.indexOf('#');
  return i < 0 ? { base: ref, fragment: undefined } : { base: ref.slice(0, i), fragment: ref.slice(i + 1) };
}

async function resolveDidKey(ref: string, use: KeyUse): Promise<ResolvedMethod> {
  const { base, fragment } = splitFragment(ref);
  const mb = base.slice('did:key:'.length);
  if (fragment !== undefined && fragment !== mb) throw fail('KEY_NOT_FOUND', `did:key fragment ${fragment} is not its key`);
  // Policy: a bare did:key names its one and only key, so it is accepted as the method itself.
  const found = await methodFromMultibase(mb, ref, base, use);
  if (!found) throw notChecked('UNSUPPORTED_KEY', 'unsupported', `did:key ${mb.slice(0, 8)}… is not an Ed25519 or P-256/P-384 key`);
  return { ref, controller: base, ...found, controllerDocument: controllerDoc(base, [found.method]), binding: 'self-certifying' };
}

/**
 * did:jwk (method spec): the DID is base64url(JSON of a public JWK); its one method is `#0`. A JWK
 * with private parts is not a valid did:jwk; one with `use: "enc"` is for key agreement only, so it
 * signs nothing.
 */
async function resolveDidJwk(ref: string, use: KeyUse): Promise<ResolvedMethod> {
  const { base, fragment } = splitFragment(ref);
  if (fragment !== undefined && fragment !== '0') throw fail('KEY_NOT_FOUND', `did:jwk has no method #${fragment} (only #0)`);
  let jwk: unknown;
  try {
    jwk = JSON.parse(base64urlDecodeToText(base.slice('did:jwk:'.length)));
  } catch {
    throw fail('KEY_NOT_FOUND', 'did:jwk does not hold a JSON Web Key');
  }
  if (!isJsonObject(jwk) || typeof jwk.kty !== 'string') throw fail('KEY_NOT_FOUND', 'did:jwk does not hold a JSON Web Key');
  if (hasPrivateParts(jwk)) throw fail('KEY_NOT_FOUND', 'did:jwk holds private key material');
  if (jwk.use === 'enc') throw fail('KEY_NOT_AUTHORIZED', 'did:jwk key is for encryption only');
  const found = await methodFromJwk(jwk, ref, base, use);
  if (!found) throw notChecked('UNSUPPORTED_KEY', 'unsupported', `did:jwk key type ${jwk.kty} not supported${use === 'jws' ? '' : ' for Data Integrity'}`);
  return { ref, controller: base, ...found, controllerDocument: controllerDoc(base, [found.method]), binding: 'self-certifying' };
}

/** The https URL of a did:web DID document (W3C did:web method, §3.2). */
export function didWebUrl(did: string): string | undefined {
  let parts: string[];
  try {
    parts = did.slice('did:web:'.length).split(':').map((p) => decodeURIComponent(p));
  } catch {
    return undefined; // malformed percent-encoding: no URL, so no document (KEY_NOT_FOUND)
  }
  const host = parts.shift();
  if (!host || /[/?#@]/.test(host)) return undefined;
  return parts.length === 0 ? `https://${host}/.well-known/did.json` : `https://${host}/${parts.join('/')}/did.json`;
}

/** Find `ref` among a fetched document's methods; relative ids (`#key-1`) are resolved against it. */
async function methodFromDocument(doc: JsonObject, ref: string, docId: string, use: KeyUse): Promise<ResolvedMethod | undefined> {
  const abs = (id: string) => (id.startsWith('#') ? docId + id : id);
  const listed = (term: string) => asArray(doc[term]);
  const candidates: JsonValue[] = [...listed('verificationMethod'), ...listed('assertionMethod'), ...listed('publicKey')];
  if (isJsonObject(doc) && idOf(doc) === ref) candidates.push(doc); // the URL served the method itself
  const found = candidates.find((m) => isJsonObject(m) && typeof m.id === 'string' && abs(m.id) === ref);
  if (!isJsonObject(found)) return undefined;
  const controller = typeof found.controller === 'string' ? abs(found.controller) : docId;
  let key: { method: JsonObject; jwk?: JWK } | undefined;
  if (typeof found.publicKeyMultibase === 'string') key = await methodFromMultibase(found.publicKeyMultibase, ref, controller, use);
  else if (isJsonObject(found.publicKeyJwk)) key = await methodFromJwk(found.publicKeyJwk, ref, controller, use);
  if (!key) throw notChecked('UNSUPPORTED_KEY', 'unsupported', `key type ${String(found.type)} not supported`);
  const { method } = key;
  // The key is authorized for a purpose only where the fetched document itself lists it (and only
  // when that document is its controller's own).
  const listedFor = (purpose: 'assertionMethod' | 'authentication') => (controller === docId && listed(purpose).some((m) => idOf(m) !== undefined && abs(idOf(m) as string) === ref) ? [ref] : []); // why: idOf checked just before
  const controllerDocument: JsonObject = {
    '@context': [DID_V1, MULTIKEY_V1],
    id: controller,
    verificationMethod: [method],
    assertionMethod: listedFor('assertionMethod'),
    authentication: listedFor('authentication'),
  };
  return { ref, controller, ...key, controllerDocument, binding: 'resolved' };
}

async function fragmentKey(ref: string, unresolved: NotCheckedCode, use: KeyUse): Promise<ResolvedMethod | undefined> {
  const { base, fragment } = splitFragment(ref);
  if (!fragment) return undefined;
  const found = await methodFromMultibase(fragment, ref, base, use);
  if (!found) return undefined;
  return { ref, controller: base, ...found, controllerDocument: controllerDoc(base, [found.method]), binding: 'fragment', unresolved };
}

async function resolveRemote(ref: string, docUrl: string, docId: string, remote: Remote, use: KeyUse): Promise<ResolvedMethod> {
  const got = await remote.get(docUrl, { accept: 'application/did+json, application/ld+json, application/json' });
  if (!got.ok || got.response.status !== 200) {
    const code: NotCheckedCode = got.ok ? 'FETCH_FAILED' : got.code;
    const viaFragment = await fragmentKey(ref, code, use);
    if (viaFragment) return viaFragment;
    throw notChecked(code, code === 'NEEDS_NETWORK' ? 'offline' : 'error', `${docUrl} could not be fetched`);
  }
  const doc = remoteJson(got.response);
  if (!isJsonObject(doc)) throw fail('KEY_NOT_FOUND', `${docUrl} is not a JSON document`);
  const found = await methodFromDocument(doc, ref, docId, use);
  if (!found) throw fail('KEY_NOT_FOUND', `${docUrl} does not list ${ref}`);
  return { ...found, fetchedAt: got.response.fetchedAt, fromCache: got.response.fromCache };
}

/**
 * did:key and did:jwk resolve by pure computation from the identifier, so their answers are kept,
 * per use (the same key answers differently for a cryptosuite and for a JWS).
 */
const selfCertified = new Map<string, Promise<ResolvedMethod>>();
const MAX_SELF_CERTIFIED = 512;

function remembered(ref: string, use: KeyUse, resolve: (ref: string, use: KeyUse) => Promise<ResolvedMethod>): Promise<ResolvedMethod> {
  const key = `${use} ${ref}`;
  let hit = selfCertified.get(key);
  if (!hit) {
    hit = resolve(ref, use);
    hit.catch(() => selfCertified.delete(key));
    if (selfCertified.size >= MAX_SELF_CERTIFIED) selfCertified.delete(selfCertified.keys().next().value as string); // why: not empty when full
    selfCertified.set(key, hit);
  }
  return hit;
}

/** Resolve a verification method for `use` (Data Integrity unless told otherwise). */
export async function resolveVerificationMethod(ref: string, remote: Remote, use: KeyUse = 'data-integrity'): Promise<ResolvedMethod> {
  if (ref.startsWith('did:key:')) return remembered(ref, use, resolveDidKey);
  if (ref.startsWith('did:jwk:')) return remembered(ref, use, resolveDidJwk);
  if (ref.startsWith('did:web:')) {
    const { base } = splitFragment(ref);
    const url = didWebUrl(base);
    if (!url) throw fail('KEY_NOT_FOUND', `${base} is not a valid did:web`);
    return resolveRemote(ref, url, base, remote, use);
  }
  if (ref.startsWith('https://') || ref.startsWith('http://')) {
    const { base } = splitFragment(ref);
    return resolveRemote(ref, base, base, remote, use);
  }
  // did:example is reserved for examples and never resolves; other DID methods may, elsewhere.
  if (ref.startsWith('did:') && !ref.startsWith('did:example:')) {
    throw notChecked('UNSUPPORTED_KEY', 'unsupported', `DID method of ${ref.split(':', 2).join(':')} is not supported`);
  }
  // A name that nothing resolves (`urn:uuid:…#z6Mk…`): only the fragment convention can give a key.
  if (ref.startsWith('urn:')) {
    const viaFragment = await fragmentKey(ref, 'UNSUPPORTED_KEY', use);
    if (viaFragment) return viaFragment;
  }
  throw fail('KEY_NOT_FOUND', `verification method ${ref} cannot be dereferenced`);
}
