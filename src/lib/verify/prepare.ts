/**
 * Warm the verifier before it is needed: process the common OB 3.0 context stacks once, so the
 * first real verification does not pay for it. The app calls this when idle after first paint;
 * it is never required for correctness (a cold verifier gives the same answers, more slowly).
 */
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { VC_V2 } from './contexts/registry.ts';
import { applyJsonldSpeedup } from './jsonld-speedup.ts';
import { contextLoader } from './loader.ts';

const OB_303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const STACKS = [[VC_V2, OB_303]];

/** A skeleton with every class OB 3.0 credentials commonly use, so their scoped contexts are processed too. */
function skeleton(context: string[]): object {
  return {
    '@context': context,
    id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'did:example:issuer', type: ['Profile'], name: 'x', address: { type: ['Address'], addressCountry: 'JP' } },
    validFrom: '2020-01-01T00:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', hashed: true, identityHash: 'x', identityType: 'emailAddress' }],
      achievement: {
        id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
        type: ['Achievement'],
        name: 'x',
        description: 'x',
        criteria: { narrative: 'x' },
        alignment: [{ type: ['Alignment'], targetName: 'x', targetUrl: 'https://example.org/' }],
        image: { id: 'https://example.org/x.png', type: 'Image' },
      },
    },
    proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2020-01-01T00:00:00Z', proofPurpose: 'assertionMethod', verificationMethod: 'did:example:issuer#key' },
  };
}

/** One WebCrypto Ed25519 import and verify, so the platform's first use is not on the clock. */
async function warmEd25519(): Promise<void> {
  const key = await crypto.subtle.importKey('raw', new Uint8Array(32).fill(1), { name: 'Ed25519' }, false, ['verify']);
  await crypto.subtle.verify('Ed25519', key, new Uint8Array(64), new Uint8Array(64));
  await crypto.subtle.digest('SHA-256', new Uint8Array(64));
}

let prepared: Promise<void> | undefined;

export function prepareVerifier(): Promise<void> {
  applyJsonldSpeedup();
  const canonize = eddsaRdfc2022.canonize as (input: object, options: object) => Promise<string>; // why: the suite's canonize is untyped JS
  prepared ??= Promise.all([
    ...STACKS.map((c) => canonize(skeleton(c), { documentLoader: contextLoader, base: null, safe: true })),
    warmEd25519(),
  ]).then(
    () => undefined,
    () => undefined, // warming is best effort: a failure here changes nothing
  );
  return prepared;
}
