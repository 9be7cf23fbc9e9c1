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
 */
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { asArray, idOf, isJsonObject } from '../formats/json.ts';
import { base58btcDecode, base64urlDecodeToText } from '../util/base64.ts';
import type { JsonObject, JsonValue } from '../model/credential.ts';
import type { FailureCode, NotCheckedCode, NotCheckedReason } from '../model/verification.ts';
import { remoteJson, type Remote } from './remote.ts';

export const DID_V1 = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

export type Binding = 'self-certifying' | 'resolved' | 'fragment';

export interface ResolvedMethod {
  /** The verification method id as the proof names it. */
  readonly ref: string;
  readonly controller: string;
  /** A Multikey verification method document the cryptosuites accept. */
  readonly method: JsonObject;
  /** A DID-context controller document listing the method under `assertionMethod` (when it does). */
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

async function multikeyFromJwk(jwk: JsonObject, id: string, controller: string): Promise<JsonObject | undefined> {
  const lib = jwk.kty === 'OKP' && jwk.crv === 'Ed25519' ? Ed25519Multikey : jwk.kty === 'EC' ? EcdsaMultikey : undefined;
  if (!lib || 'd' in jwk) return undefined;
  try {
    const pair = await lib.fromJwk({ jwk, id, controller });
    const mb = pair.publicKeyMultibase;
    return typeof mb === 'string' ? { '@context': MULTIKEY_V1, id, type: 'Multikey', controller, publicKeyMultibase: mb } : undefined;
  } catch {
    return undefined;
  }
}

function controllerDoc(controller: string, methods: readonly JsonObject[]): JsonObject {
  return {
    '@context': [DID_V1, MULTIKEY_V1],
    id: controller,
    verificationMethod: [...methods],
    assertionMethod: methods.map((m) => m.id as string), // why: every method built here has a string id
  };
}

function splitFragment(ref: string): { base: string; fragment: string | undefined } {
  const i = ref.indexOf('#');
  return i < 0 ? { base: ref, fragment: undefined } : { base: ref.slice(0, i), fragment: ref.slice(i + 1) };
}

async function resolveDidKey(ref: string): Promise<ResolvedMethod> {
  const { base, fragment } = splitFragment(ref);
  const mb = base.slice('did:key:'.length);
  if (fragment !== undefined && fragment !== mb) throw fail('KEY_NOT_FOUND', `did:key fragment ${fragment} is not its key`);
  // Policy: a bare did:key names its one and only key, so it is accepted as the method itself.
  const method = await multikeyFor(mb, ref, base);
  if (!method) throw notChecked('UNSUPPORTED_KEY', 'unsupported', `did:key ${mb.slice(0, 8)}… is not an Ed25519 or P-256/P-384 key`);
  return { ref, controller: base, method, controllerDocument: controllerDoc(base, [method]), binding: 'self-certifying' };
}

async function resolveDidJwk(ref: string): Promise<ResolvedMethod> {
  const { base } = splitFragment(ref);
  let jwk: unknown;
  try {
    jwk = JSON.parse(base64urlDecodeToText(base.slice('did:jwk:'.length)));
  } catch {
    throw fail('KEY_NOT_FOUND', 'did:jwk does not hold a JSON Web Key');
  }
  const method = isJsonObject(jwk) ? await multikeyFromJwk(jwk, ref, base) : undefined;
  if (!method) throw notChecked('UNSUPPORTED_KEY', 'unsupported', 'did:jwk key type not supported');
  return { ref, controller: base, method, controllerDocument: controllerDoc(base, [method]), binding: 'self-certifying' };
}

/** The https URL of a did:web DID document (W3C did:web method, §3.2). */
export function didWebUrl(did: string): string | undefined {
  const parts = did.slice('did:web:'.length).split(':').map((p) => decodeURIComponent(p));
  const host = parts.shift();
  if (!host || /[/?#@]/.test(host)) return undefined;
  return parts.length === 0 ? `https://${host}/.well-known/did.json` : `https://${host}/${parts.join('/')}/did.json`;
}

/** Find `ref` among a fetched document's methods; relative ids (`#key-1`) are resolved against it. */
async function methodFromDocument(doc: JsonObject, ref: string, docId: string): Promise<ResolvedMethod | undefined> {
  const abs = (id: string) => (id.startsWith('#') ? docId + id : id);
  const listed = (term: string) => asArray(doc[term]);
  const candidates: JsonValue[] = [...listed('verificationMethod'), ...listed('assertionMethod'), ...listed('publicKey')];
  if (isJsonObject(doc) && idOf(doc) === ref) candidates.push(doc); // the URL served the method itself
  const found = candidates.find((m) => isJsonObject(m) && typeof m.id === 'string' && abs(m.id) === ref);
  if (!isJsonObject(found)) return undefined;
  const controller = typeof found.controller === 'string' ? abs(found.controller) : docId;
  let method: JsonObject | undefined;
  if (typeof found.publicKeyMultibase === 'string') method = await multikeyFor(found.publicKeyMultibase, ref, controller);
  else if (isJsonObject(found.publicKeyJwk)) method = await multikeyFromJwk(found.publicKeyJwk, ref, controller);
  if (!method) throw notChecked('UNSUPPORTED_KEY', 'unsupported', `key type ${String(found.type)} not supported`);
  const authorized = listed('assertionMethod').some((m) => idOf(m) !== undefined && abs(idOf(m) as string) === ref); // why: idOf checked just before
  const controllerDocument: JsonObject = {
    '@context': [DID_V1, MULTIKEY_V1],
    id: controller,
    verificationMethod: [method],
    assertionMethod: authorized && controller === docId ? [ref] : [],
  };
  return { ref, controller, method, controllerDocument, binding: 'resolved' };
}

async function fragmentKey(ref: string, unresolved: NotCheckedCode): Promise<ResolvedMethod | undefined> {
  const { base, fragment } = splitFragment(ref);
  if (!fragment) return undefined;
  const method = await multikeyFor(fragment, ref, base);
  if (!method) return undefined;
  return { ref, controller: base, method, controllerDocument: controllerDoc(base, [method]), binding: 'fragment', unresolved };
}

async function resolveRemote(ref: string, docUrl: string, docId: string, remote: Remote): Promise<ResolvedMethod> {
  const got = await remote.get(docUrl, { accept: 'application/did+json, application/ld+json, application/json' });
  if (!got.ok || got.response.status !== 200) {
    const code: NotCheckedCode = got.ok ? 'FETCH_FAILED' : got.code;
    const viaFragment = await fragmentKey(ref, code);
    if (viaFragment) return viaFragment;
    throw notChecked(code, code === 'NEEDS_NETWORK' ? 'offline' : 'error', `${docUrl} could not be fetched`);
  }
  const doc = remoteJson(got.response);
  if (!isJsonObject(doc)) throw fail('KEY_NOT_FOUND', `${docUrl} is not a JSON document`);
  const found = await methodFromDocument(doc, ref, docId);
  if (!found) throw fail('KEY_NOT_FOUND', `${docUrl} does not list ${ref}`);
  return { ...found, fetchedAt: got.response.fetchedAt, fromCache: got.response.fromCache };
}

/** did:key and did:jwk resolve by pure computation from the identifier, so their answers are kept. */
const selfCertified = new Map<string, Promise<ResolvedMethod>>();
const MAX_SELF_CERTIFIED = 512;

function remembered(ref: string, resolve: (ref: string) => Promise<ResolvedMethod>): Promise<ResolvedMethod> {
  let hit = selfCertified.get(ref);
  if (!hit) {
    hit = resolve(ref);
    hit.catch(() => selfCertified.delete(ref));
    if (selfCertified.size >= MAX_SELF_CERTIFIED) selfCertified.delete(selfCertified.keys().next().value as string); // why: not empty when full
    selfCertified.set(ref, hit);
  }
  return hit;
}

export async function resolveVerificationMethod(ref: string, remote: Remote): Promise<ResolvedMethod> {
  if (ref.startsWith('did:key:')) return remembered(ref, resolveDidKey);
  if (ref.startsWith('did:jwk:')) return remembered(ref, resolveDidJwk);
  if (ref.startsWith('did:web:')) {
    const { base } = splitFragment(ref);
    const url = didWebUrl(base);
    if (!url) throw fail('KEY_NOT_FOUND', `${base} is not a valid did:web`);
    return resolveRemote(ref, url, base, remote);
  }
  if (ref.startsWith('https://') || ref.startsWith('http://')) {
    const { base } = splitFragment(ref);
    return resolveRemote(ref, base, base, remote);
  }
  // did:example is reserved for examples and never resolves; other DID methods may, elsewhere.
  if (ref.startsWith('did:') && !ref.startsWith('did:example:')) {
    throw notChecked('UNSUPPORTED_KEY', 'unsupported', `DID method of ${ref.split(':', 2).join(':')} is not supported`);
  }
  // A name that nothing resolves (`urn:uuid:…#z6Mk…`): only the fragment convention can give a key.
  if (ref.startsWith('urn:')) {
    const viaFragment = await fragmentKey(ref, 'UNSUPPORTED_KEY');
    if (viaFragment) return viaFragment;
  }
  throw fail('KEY_NOT_FOUND', `verification method ${ref} cannot be dereferenced`);
}
