/**
 * Warm the verifier before it is needed: process the common OB 3.0 context stacks once, so the
 * first real verification does not pay for it. The app calls this when idle after first paint;
 * it is never required for correctness (a cold verifier gives the same answers, more slowly).
 */
import rdfCanonize from 'rdf-canonize';
import { VC_V2 } from './contexts/registry.ts';
import { applyJsonldSpeedup } from './jsonld-speedup.ts';
import { quadsOf } from './reading/index.ts';
import { readGraph } from './reading/graph.ts';
import { termMaps } from './reading/terms.ts';

const OB_303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const STACKS = [[VC_V2, OB_303]];

/**
 * An unsigned credential with every class OB 3.0 credentials commonly use, so the expansion, reading
 * and canonicalisation of each has run once. (jsonld.js caches the processed context stack; it
 * processes the type-scoped contexts again for every document, with or without the warm-up.)
 */
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
  // The same path a verification takes: quads (contexts processed), the reading, canonicalisation.
  const warm = async (context: string[]) => {
    const quads = await quadsOf(skeleton(context) as never); // why: the skeleton is plain JSON
    readGraph(quads);
    await rdfCanonize.canonize(quads, { algorithm: 'RDFC-1.0' }); // N-Quads: its one output format
  };
  termMaps();
  prepared ??= Promise.all([...STACKS.map(warm), warmEd25519()]).then(
    () => undefined,
    () => undefined, // warming is best effort: a failure here changes nothing
  );
  return prepared;
}
