/**
 * A test issuer that signs real credentials with keys generated at test time (no private key is
 * committed anywhere). It covers every proof format Tsumiki verifies:
 *
 * - OB 3.0 (VC 2.0) with an embedded proof: DataIntegrityProof eddsa-rdfc-2022, Ed25519Signature2020,
 *   DataIntegrityProof ecdsa-rdfc-2019 (P-256), each by a did:key issuer;
 * - OB 3.0 VC-JWT (VC 2.0 style: the credential is the payload, plus iss/jti/nbf/exp/sub): EdDSA and
 *   ES256 with `kid` = the did:key verification method, RS256 with the public key in the header `jwk`;
 * - OB 2.0 signed assertions: RS256 JWS, CryptographicKey with a PEM key, issuer Profile listing it.
 *
 * Remote documents (status lists, controller documents, JWKS, OB 2.0 keys, profiles, badge classes and
 * revocation lists) are served by `World`, a fake `fetch` handed to `createRemote`.
 */
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { base64url, CompactSign, exportJWK, exportSPKI, generateKeyPair, importJWK, type JWK } from 'jose';
import { gzipSync } from 'fflate';
import { bakePng } from '../../src/lib/formats/baked/png.ts';
import { bakeSvg } from '../../src/lib/formats/baked/svg.ts';
import type { JsonObject } from '../../src/lib/model/credential.ts';
import type { TrustSet } from '../../src/lib/trust/model.ts';
import { createEnv, type RecipientClaim, type VerifyEnv } from '../../src/lib/verify/env.ts';
import { contextLoader } from '../../src/lib/verify/loader.ts';
import { createRemote, MemoryCache, type FetchLike, type RemoteCache } from '../../src/lib/verify/remote.ts';
import { sha256Hex } from '../../src/lib/util/bytes.ts';

// ---------------------------------------------------------------------------------------------
// Constants every credential shares

export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const ED25519_2020_V1 = 'https://w3id.org/security/suites/ed25519-2020/v1';
export const OB_V2 = 'https://w3id.org/openbadges/v2';

/** Valid from 2025-01-01 to 2030-01-01; `NOW` lies inside. */
export const VALID_FROM = '2025-01-01T00:00:00Z';
export const VALID_UNTIL = '2030-01-01T00:00:00Z';
export const NOW = new Date('2026-06-01T00:00:00Z');
/** The "expired" mutation: validUntil moved before NOW. */
export const EXPIRED_UNTIL = '2026-01-01T00:00:00Z';
/** The "not yet valid" mutation: validFrom moved after NOW. */
export const FUTURE_FROM = '2027-01-01T00:00:00Z';

export const ACHIEVEMENT_NAME = 'Knot Tying';
export const SUBJECT_ID = 'did:example:learner-0001';
export const RECIPIENT_EMAIL = 'learner@tsumiki.test';
export const OTHER_EMAIL = 'someone.else@tsumiki.test';
export const SALT = 'kombu';

/** Status list entries: bit 7 is set (revoked), bit 3 is clear. */
export const REVOKED_INDEX = 7;
export const NOT_REVOKED_INDEX = 3;
/** The Bitstring Status List minimum: 131,072 bits (16 KB). */
export const STATUS_LIST_BITS = 131_072;

// ---------------------------------------------------------------------------------------------
// Keys

export type Curve = 'Ed25519' | 'P-256';

export interface DidKey {
  readonly curve: Curve;
  /** `did:key:z…` */
  readonly did: string;
  /** `did:key:z…#z…`: the verification method proofs and JWT `kid`s name. */
  readonly vm: string;
  readonly pair: DbMultikeyPair;
  /** The private JWK (for jose). */
  readonly privateJwk: JWK;
}

async function privateJwkOf(curve: Curve, pair: DbMultikeyPair): Promise<JWK> {
  const lib = curve === 'Ed25519' ? Ed25519Multikey : EcdsaMultikey;
  const jwk = (await lib.toJwk({ keyPair: pair, secretKey: true })) as JWK; // why: toJwk returns a plain JWK record
  // An Ed25519 secret key is stored as seed + public key (64 bytes); JWK `d` is the 32-byte seed (RFC 8037).
  if (curve === 'Ed25519' && jwk.d) jwk.d = base64url.encode(base64url.decode(jwk.d).slice(0, 32));
  return jwk;
}

/** A fresh did:key (Ed25519 or P-256). */
export async function generateDidKey(curve: Curve): Promise<DidKey> {
  const pair = curve === 'Ed25519' ? await Ed25519Multikey.generate() : await EcdsaMultikey.generate({ curve: 'P-256' });
  const mb = pair.publicKeyMultibase as string; // why: a generated pair always has its public key
  const did = `did:key:${mb}`;
  pair.id = `${did}#${mb}`;
  pair.controller = did;
  return { curve, did, vm: pair.id, pair, privateJwk: await privateJwkOf(curve, pair) };
}

/** A fresh key of the same curve that *claims* to be `key` (same id and controller): the "wrong key" signer. */
export async function impostorOf(key: DidKey): Promise<DidKey> {
  const other = await generateDidKey(key.curve);
  other.pair.id = key.vm;
  other.pair.controller = key.did;
  return { ...other, did: key.did, vm: key.vm };
}

/** An Ed25519 key published in an https controller document (`<controller>#key-1`). */
export async function generateHttpsKey(controller: string): Promise<{ vm: string; pair: DbMultikeyPair; controllerDocument: JsonObject }> {
  const pair = await Ed25519Multikey.generate({ id: `${controller}#key-1`, controller });
  const vm = `${controller}#key-1`;
  const controllerDocument: JsonObject = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: controller,
    verificationMethod: [{ id: vm, type: 'Multikey', controller, publicKeyMultibase: pair.publicKeyMultibase as string }], // why: generated pairs have a public key
    assertionMethod: [vm],
  };
  return { vm, pair, controllerDocument };
}

export interface RsaKey {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  readonly publicKeyPem: string;
}

export async function generateRsaKey(): Promise<RsaKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  return { privateKey, publicJwk: await exportJWK(publicKey), publicKeyPem: await exportSPKI(publicKey) };
}

// ---------------------------------------------------------------------------------------------
// Signing

export type DiSuite = 'eddsa-rdfc-2022' | 'Ed25519Signature2020' | 'ecdsa-rdfc-2019';

/** When test proofs say they were made: before `NOW`, as a proof made after the verifier's clock is refused. */
export const SIGNED_AT = VALID_FROM;

/** Sign `credential` with an embedded proof; the signer's id becomes the proof's verificationMethod. */
export async function signDi(credential: JsonObject, suiteName: DiSuite, pair: DbMultikeyPair): Promise<JsonObject> {
  const signer = pair.signer();
  let suite: unknown;
  let document = credential;
  if (suiteName === 'Ed25519Signature2020') {
    suite = new Ed25519Signature2020({ signer, date: SIGNED_AT });
    const contexts = Array.isArray(credential['@context']) ? credential['@context'] : [credential['@context'] ?? VC_V2];
    if (!contexts.includes(ED25519_2020_V1)) document = { ...credential, '@context': [...contexts, ED25519_2020_V1] };
  } else {
    suite = new DataIntegrityProof({ signer, date: SIGNED_AT, cryptosuite: suiteName === 'eddsa-rdfc-2022' ? eddsaRdfc2022 : ecdsaRdfc2019 });
  }
  const signed = await jsigs.sign(structuredClone(document), {
    suite,
    purpose: new jsigs.purposes.AssertionProofPurpose(),
    documentLoader: contextLoader,
  });
  return signed as JsonObject; // why: jsigs returns the JSON document with its proof added
}

export type JwtAlg = 'EdDSA' | 'ES256' | 'RS256';

/** A compact JWS over `payload` (JSON text exactly as given), with `header`. */
export async function signJws(payload: JsonObject, header: JsonObject & { alg: string }, key: CryptoKey | Uint8Array): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader(header).sign(key);
}

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** The VC 2.0 style VC-JWT payload: the credential itself plus the registered claims it implies. */
export function vcJwtPayload(credential: JsonObject): JsonObject {
  const issuer = credential.issuer as JsonObject; // why: our credentials always have an issuer Profile
  const subject = credential.credentialSubject as JsonObject; // why: and one subject object
  return {
    ...credential,
    iss: issuer.id as string,
    jti: credential.id as string,
    ...(typeof subject.id === 'string' ? { sub: subject.id } : {}),
    nbf: seconds(credential.validFrom as string),
    ...(typeof credential.validUntil === 'string' ? { exp: seconds(credential.validUntil) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Credentials

export async function hashedEmail(email: string, salt: string): Promise<string> {
  return `sha256$${await sha256Hex(email + salt)}`;
}

export interface Ob3Options {
  readonly id: string;
  readonly issuerId: string;
  readonly validFrom?: string;
  /** `null`: no validUntil at all. */
  readonly validUntil?: string | null;
  readonly status?: { readonly list: string; readonly index: number };
  readonly identityHash: string;
}

/** An unsigned OB 3.0 OpenBadgeCredential (VC 2.0, context 3.0.3). */
export function ob3Credential(o: Ob3Options): JsonObject {
  return {
    '@context': [VC_V2, OB_V3],
    id: o.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Tsumiki test credential',
    issuer: { id: o.issuerId, type: ['Profile'], name: 'Tsumiki Test Issuer' },
    validFrom: o.validFrom ?? VALID_FROM,
    ...(o.validUntil === null ? {} : { validUntil: o.validUntil ?? VALID_UNTIL }),
    credentialSubject: {
      id: SUBJECT_ID,
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: o.identityHash, identityType: 'emailAddress', hashed: true, salt: SALT }],
      achievement: {
        id: 'https://issuer.tsumiki.test/achievements/knots',
        type: ['Achievement'],
        name: ACHIEVEMENT_NAME,
        description: 'Ties a bowline, a clove hitch and a sheet bend.',
        criteria: { narrative: 'Tie each knot in front of an instructor.' },
      },
    },
    ...(o.status
      ? {
          credentialStatus: {
            id: `${o.status.list}#${o.status.index}`,
            type: 'BitstringStatusListEntry',
            statusPurpose: 'revocation',
            statusListIndex: String(o.status.index),
            statusListCredential: o.status.list,
          },
        }
      : {}),
  };
}

/** `encodedList` of a Bitstring Status List: multibase `u` + base64url(GZIP(bits)), left-most bit first. */
export function encodeStatusList(setBits: readonly number[], lengthBits = STATUS_LIST_BITS): string {
  const bytes = new Uint8Array(lengthBits / 8);
  for (const i of setBits) bytes[i >> 3]! |= 0x80 >> (i & 7); // why: i < lengthBits, so the byte exists
  return 'u' + base64url.encode(gzipSync(bytes));
}

export function statusListCredential(url: string, issuerId: string, setBits: readonly number[]): JsonObject {
  return {
    '@context': [VC_V2],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerId,
    validFrom: '2020-01-01T00:00:00Z',
    credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusList(setBits) },
  };
}

// ---------------------------------------------------------------------------------------------
// The world: a fake network

interface Served {
  readonly status: number;
  readonly body: Uint8Array;
  readonly contentType: string;
}

/** Documents at URLs, served by a fake `fetch`; anything else answers 404. Every request is logged. */
/** A trust list naming `ids` (the user's own pins): what makes a test issuer's badge GENUINE, not UNKNOWN_ISSUER. */
export function trusting(ids: readonly string[], name = 'Tsumiki Test Issuer'): TrustSet {
  return { lists: [{ kind: 'pins', id: 'pins', publisher: { id: null, name: null }, signed: false, asOf: null, validFrom: null, validUntil: null, entries: ids.map((id) => ({ id, names: [name], namesByLang: {}, recognizedFor: [] })) }] };
}

export class World {
  readonly #docs = new Map<string, Served>();
  readonly requests: string[] = [];
  /** The trust lists every env() of this world uses unless told otherwise. */
  trust: TrustSet | undefined;

  serve(url: string, doc: unknown, options: { status?: number; contentType?: string } = {}): this {
    const body = typeof doc === 'string' ? doc : JSON.stringify(doc);
    this.#docs.set(url, { status: options.status ?? 200, body: new TextEncoder().encode(body), contentType: options.contentType ?? 'application/json' });
    return this;
  }

  has(url: string): boolean {
    return this.#docs.has(url);
  }

  readonly fetch: FetchLike = async (url) => {
    this.requests.push(url);
    const doc = this.#docs.get(url) ?? { status: 404, body: new TextEncoder().encode('Not Found'), contentType: 'text/plain' };
    return {
      status: doc.status,
      headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? doc.contentType : name.toLowerCase() === 'content-length' ? String(doc.body.byteLength) : null) },
      arrayBuffer: async () => doc.body.slice().buffer,
    };
  };

  /** A verification environment: online through this world, or offline (optionally with a pre-filled cache). */
  env(options: { now?: Date; online?: boolean; recipient?: RecipientClaim; cache?: RemoteCache; trust?: TrustSet } = {}): VerifyEnv {
    const now = options.now ?? NOW;
    const remote = createRemote({ online: options.online ?? true, fetch: this.fetch, now: () => now, ...(options.cache ? { cache: options.cache } : {}) });
    const trust = 'trust' in options ? options.trust : this.trust;
    return createEnv({ now, remote, ...(options.recipient ? { recipient: options.recipient } : {}), ...(trust ? { trust } : {}) });
  }

  /** A cache holding what this world serves at `urls`, as if fetched earlier (for offline tests). */
  async cacheOf(urls: readonly string[], fetchedAt = '2026-05-01T00:00:00.000Z'): Promise<MemoryCache> {
    const cache = new MemoryCache();
    for (const url of urls) {
      const doc = this.#docs.get(url);
      if (!doc) throw new Error(`the world serves nothing at ${url}`);
      await cache.put({ url, status: doc.status, body: doc.body, contentType: doc.contentType, fetchedAt, fromCache: false });
    }
    return cache;
  }
}

// ---------------------------------------------------------------------------------------------
// Signed credentials, their containers and their one-byte mutations

export type Signed = { readonly kind: 'json'; readonly credential: JsonObject } | { readonly kind: 'jws'; readonly jws: string };

export function textOf(signed: Signed): string {
  return signed.kind === 'json' ? JSON.stringify(signed.credential, null, 2) : signed.jws;
}

export type Container = 'text' | 'png' | 'svg';
export const CONTAINERS: readonly Container[] = ['text', 'png', 'svg'];

export const TINY_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#c33"/></svg>';

/** The bytes a user would hand the wallet: the text itself, or a PNG / SVG with the text baked in. */
export function containerBytes(signed: Signed, container: Container, basePng: Uint8Array, version: 'ob3' | 'ob2'): Uint8Array {
  const text = textOf(signed);
  if (container === 'text') return new TextEncoder().encode(text);
  if (container === 'png') return bakePng(basePng, text, version === 'ob3' ? 'openbadgecredential' : 'openbadges');
  return new TextEncoder().encode(bakeSvg(TINY_SVG, { text, via: signed.kind === 'jws' ? 'verify' : 'body', version }));
}

/** The same string with its last character changed (one byte for ASCII). */
export function flipLast(s: string): string {
  const last = s.at(-1);
  return s.slice(0, -1) + (last === 'a' ? 'b' : 'a');
}

/** A base58btc string with one character changed, low-order end (stays base58 and the same length). */
export function flipBase58(s: string): string {
  const last = s.at(-1);
  return s.slice(0, -1) + (last === '2' ? '3' : '2');
}

/** A base64url string with one character changed in the middle (never only the padding bits). */
export function flipBase64url(s: string): string {
  const i = Math.floor(s.length / 2);
  return s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
}

/** A property value to tamper with: `key: value` must occur exactly once in the signed content. */
export interface Target {
  readonly key: string;
  readonly value: string;
}

/**
 * Change the last character of one value inside the signed content (one byte, the same length),
 * keeping the signature. JSON: on a structured clone. JWS: on the payload text (the exact bytes
 * that were signed), re-encoded, header and signature kept.
 */
export function tamperValue(signed: Signed, target: Target): Signed {
  const { key, value } = target;
  const to = flipLast(value);
  if (signed.kind === 'jws') {
    const [header, payload, signature] = signed.jws.split('.') as [string, string, string]; // why: a compact JWS has three parts
    const text = new TextDecoder().decode(base64url.decode(payload));
    const member = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
    if (text.split(member).length !== 2) throw new Error(`${member} must occur exactly once in the payload`);
    const changed = text.replace(member, `${JSON.stringify(key)}:${JSON.stringify(to)}`);
    return { kind: 'jws', jws: `${header}.${base64url.encode(new TextEncoder().encode(changed))}.${signature}` };
  }
  let hits = 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => {
          if (k === key && x === value) {
            hits++;
            return [k, to];
          }
          return [k, k === 'proof' ? x : walk(x)];
        }),
      );
    }
    return v;
  };
  const credential = walk(structuredClone(signed.credential)) as JsonObject; // why: walk keeps the JSON shape
  if (hits !== 1) throw new Error(`${key}: "${value}" must occur exactly once outside the proof (found ${hits})`);
  return { kind: 'json', credential };
}

/** One character of the proof changed: the DI proofValue (base58btc), or the JWS signature (base64url). */
export function tamperProof(signed: Signed): Signed {
  if (signed.kind === 'jws') {
    const [header, payload, signature] = signed.jws.split('.') as [string, string, string]; // why: a compact JWS has three parts
    return { kind: 'jws', jws: `${header}.${payload}.${flipBase64url(signature)}` };
  }
  const credential = structuredClone(signed.credential);
  const proof = credential.proof as JsonObject; // why: our signed credentials carry one proof object
  proof.proofValue = flipBase58(proof.proofValue as string);
  return { kind: 'json', credential };
}

// ---------------------------------------------------------------------------------------------
// The issuers: one per proof format, all sharing one world

export const PROOF_FORMATS = [
  'eddsa-rdfc-2022',
  'Ed25519Signature2020',
  'ecdsa-rdfc-2019',
  'vc-jwt-EdDSA',
  'vc-jwt-ES256',
  'vc-jwt-RS256-jwk',
  'ob2-RS256',
] as const;
export type ProofFormat = (typeof PROOF_FORMATS)[number];

export interface Variant {
  /** Which status list entry the credential points at (OB 2.0: whether the revocation list names it). */
  readonly status?: 'not-revoked' | 'revoked';
  /** Signed by a key other than the one the proof names ("wrong key"). */
  readonly impostor?: boolean;
  /** Issued in the name of someone who does not control the key ("key not the issuer's"). */
  readonly foreignIssuer?: boolean;
  readonly validFrom?: string;
  readonly validUntil?: string;
}

export interface FormatIssuer {
  readonly format: ProofFormat;
  readonly version: 'ob3' | 'ob2';
  readonly issuerId: string;
  /** The "subject" to tamper with (OB 3.0: credentialSubject.id; OB 2.0: the hashed recipient.identity). */
  readonly subject: Target;
  /**
   * The "name" to tamper with (OB 3.0: the achievement name; OB 2.0: the assertion's narrative,
   * since an OB 2.0 badge name lives in the BadgeClass, outside the signature).
   */
  readonly name: Target;
  issue(variant?: Variant): Promise<Signed>;
}

export interface TestIssuers {
  readonly world: World;
  readonly formats: Readonly<Record<ProofFormat, FormatIssuer>>;
  /** RS256 VC-JWT issuer whose `/.well-known/jwks.json` lists its key: the header key can be bound. */
  readonly jwksIssuer: FormatIssuer;
  /** OB 2.0 documents the offline tests put in the cache (everything but the revocation list). */
  readonly ob2Documents: { readonly key: string; readonly badge: string; readonly profile: string; readonly revocationList: string };
}

let serial = 0;
const nextId = (base: string) => `${base}/${++serial}`;

/** The Ed25519 did:key issuer "A", P-256 issuer "B", RSA https issuers "C" and "D", OB 2.0 issuer, and their world. */
export async function createTestIssuers(): Promise<TestIssuers> {
  const world = new World();
  const identityHash = await hashedEmail(RECIPIENT_EMAIL, SALT);

  // did:key issuers and their status lists (each signed by its issuer, with its own suite).
  const ed = await generateDidKey('Ed25519');
  const p256 = await generateDidKey('P-256');
  const stranger = await generateDidKey('Ed25519'); // the issuer named by "key not the issuer's" credentials
  const lists = {
    ed: 'https://status.tsumiki.test/lists/ed25519',
    p256: 'https://status.tsumiki.test/lists/p256',
    rsa: 'https://status.tsumiki.test/lists/rsa',
  };
  world.serve(lists.ed, await signDi(statusListCredential(lists.ed, ed.did, [REVOKED_INDEX]), 'eddsa-rdfc-2022', ed.pair));
  world.serve(lists.p256, await signDi(statusListCredential(lists.p256, p256.did, [REVOKED_INDEX]), 'ecdsa-rdfc-2019', p256.pair));

  // RSA VC-JWT issuer "C": https id, no JWKS; its status list is signed with an Ed25519 key of its controller document.
  const rsaIssuerId = 'https://rsa.issuer.tsumiki.test/issuers/c';
  const rsa = await generateRsaKey();
  const rsaImpostor = await generateRsaKey();
  const rsaListKey = await generateHttpsKey(rsaIssuerId);
  world.serve(rsaIssuerId, rsaListKey.controllerDocument);
  world.serve(lists.rsa, await signDi(statusListCredential(lists.rsa, rsaIssuerId, [REVOKED_INDEX]), 'eddsa-rdfc-2022', rsaListKey.pair));

  // RSA VC-JWT issuer "D": publishes its key in /.well-known/jwks.json.
  const jwksIssuerId = 'https://jwks.issuer.tsumiki.test/issuers/d';
  const jwksKey = await generateRsaKey();
  world.serve('https://jwks.issuer.tsumiki.test/.well-known/jwks.json', { keys: [{ ...jwksKey.publicJwk, use: 'sig', alg: 'RS256' }] });

  const statusOf = (list: string, v: Variant) => ({ list, index: v.status === 'revoked' ? REVOKED_INDEX : NOT_REVOKED_INDEX });
  const datesOf = (v: Variant) => ({ ...(v.validFrom ? { validFrom: v.validFrom } : {}), ...(v.validUntil ? { validUntil: v.validUntil } : {}) });

  const diIssuer = (format: DiSuite, key: DidKey, list: string): FormatIssuer => ({
    format,
    version: 'ob3',
    issuerId: key.did,
    subject: { key: 'id', value: SUBJECT_ID },
    name: { key: 'name', value: ACHIEVEMENT_NAME },
    async issue(v = {}) {
      const credential = ob3Credential({
        id: nextId('urn:tsumiki:test'),
        issuerId: v.foreignIssuer ? stranger.did : key.did,
        status: statusOf(list, v),
        identityHash,
        ...datesOf(v),
      });
      const signer = v.impostor ? await impostorOf(key) : key;
      return { kind: 'json', credential: await signDi(credential, format, signer.pair) };
    },
  });

  const didJwtIssuer = (format: 'vc-jwt-EdDSA' | 'vc-jwt-ES256', key: DidKey, list: string): FormatIssuer => ({
    format,
    version: 'ob3',
    issuerId: key.did,
    subject: { key: 'id', value: SUBJECT_ID },
    name: { key: 'name', value: ACHIEVEMENT_NAME },
    async issue(v = {}) {
      const credential = ob3Credential({
        id: nextId('urn:tsumiki:test'),
        issuerId: v.foreignIssuer ? stranger.did : key.did,
        status: statusOf(list, v),
        identityHash,
        ...datesOf(v),
      });
      const alg = key.curve === 'Ed25519' ? 'EdDSA' : 'ES256';
      const signer = v.impostor ? await impostorOf(key) : key;
      const jws = await signJws(vcJwtPayload(credential), { alg, typ: 'JWT', kid: key.vm }, (await importJWK(signer.privateJwk, alg)) as CryptoKey); // why: a private asymmetric JWK imports as a CryptoKey
      return { kind: 'jws', jws };
    },
  });

  const rsaJwtIssuer = (issuerId: string, key: RsaKey, list: string | undefined, format: ProofFormat): FormatIssuer => ({
    format,
    version: 'ob3',
    issuerId,
    subject: { key: 'id', value: SUBJECT_ID },
    name: { key: 'name', value: ACHIEVEMENT_NAME },
    async issue(v = {}) {
      const credential = ob3Credential({
        id: nextId('urn:tsumiki:test'),
        // "key not the issuer's": issued in the name of D, whose JWKS does not list C's key.
        issuerId: v.foreignIssuer ? jwksIssuerId : issuerId,
        ...(list ? { status: statusOf(list, v) } : {}),
        identityHash,
        ...datesOf(v),
      });
      const signWith = v.impostor ? rsaImpostor.privateKey : key.privateKey;
      return { kind: 'jws', jws: await signJws(vcJwtPayload(credential), { alg: 'RS256', typ: 'JWT', jwk: key.publicJwk as JsonObject }, signWith) }; // why: a public JWK is a JSON record
    },
  });

  // OB 2.0 issuer: Profile, two keys (only key-1 is listed by the Profile), BadgeClass, RevocationList.
  const ob2Base = 'https://ob2.issuer.tsumiki.test';
  const ob2 = {
    profile: `${ob2Base}/issuer.json`,
    key: `${ob2Base}/keys/1.json`,
    otherKey: `${ob2Base}/keys/2.json`,
    badge: `${ob2Base}/badges/knots.json`,
    revocationList: `${ob2Base}/revocations.json`,
  };
  const ob2Key = await generateRsaKey();
  const ob2OtherKey = await generateRsaKey();
  const revokedAssertion = `${ob2Base}/assertions/revoked`;
  world
    .serve(ob2.profile, {
      '@context': OB_V2,
      type: 'Issuer',
      id: ob2.profile,
      name: 'Tsumiki OB 2.0 Test Issuer',
      url: ob2Base,
      email: 'issuer@tsumiki.test',
      publicKey: ob2.key,
      revocationList: ob2.revocationList,
    })
    .serve(ob2.key, { '@context': OB_V2, type: 'CryptographicKey', id: ob2.key, owner: ob2.profile, publicKeyPem: ob2Key.publicKeyPem })
    .serve(ob2.otherKey, { '@context': OB_V2, type: 'CryptographicKey', id: ob2.otherKey, owner: 'https://elsewhere.tsumiki.test/issuer.json', publicKeyPem: ob2OtherKey.publicKeyPem })
    .serve(ob2.badge, {
      '@context': OB_V2,
      type: 'BadgeClass',
      id: ob2.badge,
      name: ACHIEVEMENT_NAME,
      description: 'Ties a bowline, a clove hitch and a sheet bend.',
      image: `${ob2Base}/badges/knots.png`,
      criteria: { narrative: 'Tie each knot in front of an instructor.' },
      issuer: ob2.profile,
    })
    .serve(ob2.revocationList, {
      '@context': OB_V2,
      type: 'RevocationList',
      id: ob2.revocationList,
      issuer: ob2.profile,
      revokedAssertions: [{ id: revokedAssertion, revocationReason: 'Issued in error' }],
    });
  const ob2Narrative = 'Tied all three knots on the first try.';
  const ob2Issuer: FormatIssuer = {
    format: 'ob2-RS256',
    version: 'ob2',
    issuerId: ob2.profile,
    subject: { key: 'identity', value: identityHash },
    name: { key: 'narrative', value: ob2Narrative },
    async issue(v = {}) {
      const assertion: JsonObject = {
        '@context': OB_V2,
        type: 'Assertion',
        id: v.status === 'revoked' ? revokedAssertion : nextId(`${ob2Base}/assertions`),
        recipient: { type: 'email', hashed: true, salt: SALT, identity: identityHash },
        badge: ob2.badge,
        issuedOn: v.validFrom ?? VALID_FROM,
        expires: v.validUntil ?? VALID_UNTIL,
        narrative: ob2Narrative,
        // "key not the issuer's": key-2 exists and signs, but the issuer Profile does not list it.
        verification: { type: 'SignedBadge', creator: v.foreignIssuer ? ob2.otherKey : ob2.key },
      };
      const signWith = v.impostor || v.foreignIssuer ? ob2OtherKey.privateKey : ob2Key.privateKey;
      return { kind: 'jws', jws: await signJws(assertion, { alg: 'RS256' }, signWith) };
    },
  };

  // The user trusts the test issuers (as pins): their valid badges are GENUINE, not UNKNOWN_ISSUER.
  world.trust = trusting([ed.did, p256.did, rsaIssuerId, jwksIssuerId]);
  return {
    world,
    formats: {
      'eddsa-rdfc-2022': diIssuer('eddsa-rdfc-2022', ed, lists.ed),
      Ed25519Signature2020: diIssuer('Ed25519Signature2020', ed, lists.ed),
      'ecdsa-rdfc-2019': diIssuer('ecdsa-rdfc-2019', p256, lists.p256),
      'vc-jwt-EdDSA': didJwtIssuer('vc-jwt-EdDSA', ed, lists.ed),
      'vc-jwt-ES256': didJwtIssuer('vc-jwt-ES256', p256, lists.p256),
      'vc-jwt-RS256-jwk': rsaJwtIssuer(rsaIssuerId, rsa, lists.rsa, 'vc-jwt-RS256-jwk'),
      'ob2-RS256': ob2Issuer,
    },
    jwksIssuer: rsaJwtIssuer(jwksIssuerId, jwksKey, undefined, 'vc-jwt-RS256-jwk'),
    ob2Documents: { key: ob2.key, badge: ob2.badge, profile: ob2.profile, revocationList: ob2.revocationList },
  };
}

// ---------------------------------------------------------------------------------------------
// did:jwk keys (for VC-JWT tests): the DID is the public JWK itself, so any JOSE key type works

export type DidJwkAlg = 'EdDSA' | 'ES256' | 'ES384' | 'RS256';

export interface DidJwkKey {
  readonly alg: DidJwkAlg;
  readonly privateKey: CryptoKey;
  /** The public JWK exactly as encoded in the DID (no `alg`, `use` or `kid`). */
  readonly publicJwk: JWK;
  /** `did:jwk:<base64url(JSON of publicJwk)>` */
  readonly did: string;
  /** `did:jwk:…#0`: the one verification method a did:jwk document has. */
  readonly vm: string;
}

/** The did:jwk of a JWK (did:jwk method spec: base64url of its UTF-8 JSON). */
export function didJwkOf(jwk: JsonObject): string {
  return `did:jwk:${base64url.encode(new TextEncoder().encode(JSON.stringify(jwk)))}`;
}

/** A fresh key of `alg` and its did:jwk. */
export async function generateDidJwk(alg: DidJwkAlg): Promise<DidJwkKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'RS256' ? { modulusLength: 2048 } : {}) });
  const publicJwk = await exportJWK(publicKey);
  const did = didJwkOf(publicJwk as JsonObject); // why: a public JWK is a JSON record
  return { alg, privateKey, publicJwk, did, vm: `${did}#0` };
}

// ---------------------------------------------------------------------------------------------
// Trust lists for tests (issue 12): `verified` needs an issuer whose identity is proven

/**
 * A DCC issuer registry naming `issuers` (ids, or id → name), as JSON text:
 * `{"meta":{"created"},"registry":{"<id>":{"name"}}}`. What a CLI test writes into its temp dir and
 * passes as `--trust FILE`, so the issuers it made itself are listed (unsigned: the user chose it).
 */
export function dccRegistryJson(issuers: readonly string[] | Readonly<Record<string, string>>, created = '2026-01-01T00:00:00Z'): string {
  const named: Array<[string, string]> = Array.isArray(issuers) ? issuers.map((id: string) => [id, 'Tsumiki Test Issuer']) : Object.entries(issuers);
  return JSON.stringify({ meta: { created }, registry: Object.fromEntries(named.map(([id, name]) => [id, { name }])) });
}

/** The demo badges' issuers (public/demo): the did:keys of the published demo keys `university` and `mooc`. */
export async function demoIssuerDids(): Promise<string[]> {
  const { default: file } = await import('../../src/cli/demo-issuer-key.json');
  return [file.keys.university.publicKeyMultibase, file.keys.mooc.publicKeyMultibase].map((mb) => `did:key:${mb}`);
}

/** The user's pins for the two demo issuers: what lets a demo badge be GENUINE in a test (the app's demo list aside). */
export async function trustingDemo(): Promise<TrustSet> {
  return trusting(await demoIssuerDids(), 'Tsumiki Demo');
}
