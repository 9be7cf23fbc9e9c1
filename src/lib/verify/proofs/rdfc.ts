/**
 * The RDFC-1.0 suites, verified directly by their specifications' "verify proof" algorithms
 * (W3C VC-DI-EdDSA §3.2.2 eddsa-rdfc-2022 and its draft name eddsa-2022; Ed25519Signature2020,
 * whose verify data is built the same way; VC-DI-ECDSA §3.3.2 ecdsa-rdfc-2019): canonicalise the
 * proof options and the document, hash both, check the signature. Doing it here rather than through jsonld-signatures lets one graph serve both the
 * reading and the signature (the document's quads are built once), and lets proof chains
 * (`previousProof`) be verified as Data Integrity §4.4 says: the document signed by a chained
 * proof holds the proofs it names.
 */
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import rdfCanonize from 'rdf-canonize';
import type { JsonObject, JsonValue } from '../../model/credential.ts';
import { base58btcDecode } from '../../util/bytes.ts';
import type { ResolvedMethod } from '../keys.ts';
import { multikeyType } from '../keys.ts';
import type { Quad } from '../reading/index.ts';
import { optionQuads } from './option-template.ts';
import { ed25519Verifier } from '../webcrypto-ed25519.ts';
import { digestText } from '../digest.ts';

export type RdfcSuite = 'eddsa-rdfc-2022' | 'eddsa-2022' | 'Ed25519Signature2020' | 'ecdsa-rdfc-2019';

export class ProofFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProofFormatError';
  }
}

type Digest = 'SHA-256' | 'SHA-384';

async function canonicalHash(quads: readonly Quad[], digest: Digest): Promise<Uint8Array> {
  // N-Quads is rdf-canonize's one output format (its default).
  const nquads = await rdfCanonize.canonize(quads, { algorithm: 'RDFC-1.0', messageDigestAlgorithm: digest });
  return digestText(digest, nquads);
}

/** Both suites require base58-btc (`z…`) for proofValue; base64url and anything else are refused. */
function signatureOf(proofValue: unknown, suite: RdfcSuite, curve: string | undefined): Uint8Array {
  if (typeof proofValue !== 'string' || !proofValue.startsWith('z')) throw new ProofFormatError(`${suite} proofValue must be base58-btc (multibase "z")`);
  const bytes = base58btcDecode(proofValue.slice(1));
  const length = curve === 'P-384' ? 96 : 64;
  if (!bytes || bytes.length !== length) throw new ProofFormatError(`${suite} proofValue is not a ${length}-byte signature`);
  return bytes;
}

const optionQuadsCache = new WeakMap<JsonObject, { readonly context: JsonValue | undefined; readonly quads: Promise<Quad[]> }>();

/**
 * The quads of a proof's options: the proof without its value (Ed25519Signature2020's ancestors
 * also named it jws / signatureValue), with the secured document's contexts. Built once per proof
 * and document: the signature check hashes them, the proof set reads the signed dates from them.
 */
export function proofOptionQuads(secured: JsonObject, proof: JsonObject): Promise<Quad[]> {
  const context = secured['@context'];
  const cached = optionQuadsCache.get(proof);
  if (cached && cached.context === context) return cached.quads;
  const { proofValue: _value, jws: _jws, signatureValue: _signatureValue, ...options } = proof;
  const quads = optionQuads({ '@context': context ?? null, ...options });
  optionQuadsCache.set(proof, { context, quads });
  return quads;
}

/**
 * Verify one proof of `suite` with an already resolved key. `documentQuads` are the quads of the
 * document the proof signs (without proofs, or with the previous proofs of a chain).
 * Throws ProofFormatError for a malformed proof; canonicalisation errors pass through.
 */
export async function verifyRdfcProof(suite: RdfcSuite, secured: JsonObject, proof: JsonObject, method: ResolvedMethod, documentQuads: readonly Quad[]): Promise<boolean> {
  const mb = String(method.method.publicKeyMultibase ?? '');
  const curve = multikeyType(mb);
  if (suite !== 'ecdsa-rdfc-2019' && curve !== 'Ed25519') throw new ProofFormatError(`${suite} needs an Ed25519 key`);
  if (suite === 'ecdsa-rdfc-2019' && curve !== 'P-256' && curve !== 'P-384') throw new ProofFormatError('ecdsa-rdfc-2019 needs a P-256 or P-384 key');
  const signature = signatureOf(proof.proofValue, suite, curve);
  const digest: Digest = curve === 'P-384' ? 'SHA-384' : 'SHA-256';
  const optionQuads = await proofOptionQuads(secured, proof);
  const [optionsHash, documentHash] = await Promise.all([canonicalHash(optionQuads, digest), canonicalHash(documentQuads, digest)]);
  const data = new Uint8Array(optionsHash.length + documentHash.length);
  data.set(optionsHash, 0);
  data.set(documentHash, optionsHash.length);
  const verifier = curve === 'Ed25519' ? await ed25519Verifier(method.method) : (await EcdsaMultikey.from(method.method)).verifier();
  return verifier.verify({ data, signature });
}
