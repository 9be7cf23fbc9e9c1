/**
 * Issue 11, class 1, as a property: for signed credentials, random compositions of
 * semantics-keeping reshapings (tests/support/reshape.ts) give the same reading and the same
 * verdict as the plain layout.
 *
 * The credentials are signed once with fresh keys (eddsa-rdfc-2022, ecdsa-rdfc-2019,
 * Ed25519Signature2020), valid, expired and revoked, as a plain VC 2.0 credential (no JSON Schema
 * applies: every check must be equal) and as an OpenBadgeCredential (1EdTech's schema checks the
 * layout as written: the structure check may instead refuse the layout as AMBIGUOUS, never accept
 * more, and every other check and the reading must be equal). Every draw first proves it kept the
 * signed graph (equal canonical N-Quads), so a failure is the verifier's, not the generator's.
 *
 * A new seed every run; fast-check's report names the seed and path to replay a failure
 * (`fc.assert(property, { seed, path })`), and the seed is printed either way.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../src/lib/model/credential.ts';
import type { CredentialReading } from '../../src/lib/model/reading.ts';
import { verifyBytes, type Verification } from '../../src/lib/verify/pipeline.ts';
import {
  EXPIRED_UNTIL,
  generateDidKey,
  hashedEmail,
  NOT_REVOKED_INDEX,
  ob3Credential,
  RECIPIENT_EMAIL,
  REVOKED_INDEX,
  SALT,
  signDi,
  statusListCredential,
  trusting,
  World,
  type DidKey,
  type DiSuite,
} from '../support/issuer.ts';
import { bytesOf, canonicalOf, FORGED_NAME, NESTABLE, reshape, type Reshaping } from '../support/reshape.ts';

const SUITES: readonly DiSuite[] = ['eddsa-rdfc-2022', 'ecdsa-rdfc-2019', 'Ed25519Signature2020'];
type Kind = 'vc' | 'ob';
type State = 'valid' | 'expired' | 'revoked' | 'tagged';
const BASES: readonly (readonly [DiSuite, Kind, State])[] = SUITES.flatMap((suite) => [
  ...(['valid', 'expired', 'revoked', 'tagged'] as const).map((state) => [suite, 'vc', state] as const),
  ...(['valid', 'expired', 'revoked'] as const).map((state) => [suite, 'ob', state] as const),
]);

interface Outcome {
  readonly verification: Verification;
  readonly reading: CredentialReading | undefined;
}
interface Base {
  readonly signed: JsonObject;
  readonly canonical: string;
  readonly plain: Outcome;
}

/** The reshapings without parameters, by name. */
const SIMPLE: Readonly<Record<string, (doc: JsonObject) => JsonObject>> = {
  validUntilArray: reshape.validUntilArray,
  validUntilTyped: reshape.validUntilTyped,
  validUntilAlias: reshape.validUntilAlias,
  validUntilPrefixed: reshape.validUntilPrefixed,
  validUntilFullIri: reshape.validUntilFullIri,
  atTypeNested: reshape.atTypeNested,
  atTypeTop: reshape.atTypeTop,
  atIdNested: reshape.atIdNested,
  atIdTop: reshape.atIdTop,
  indexedIssuerName: reshape.indexedIssuerName,
  indexedNodes: reshape.indexedNodes,
  indexMapSubject: reshape.indexMapSubject,
  valueObjects: reshape.valueObjects,
  languageMap: reshape.languageMap,
  noneLanguageMap: reshape.noneLanguageMap,
  explicitSets: reshape.explicitSets,
  includeIssuer: reshape.includeIssuer,
  includeAchievement: reshape.includeAchievement,
  blankNodeIds: reshape.blankNodeIds,
  wrapSingletons: reshape.wrapSingletons,
  repeatContext: reshape.repeatContext,
};

/** A step as plain text (`nest:validUntil,issuer`, `reorderKeys:7`), so a counterexample reads and replays as it is. */
function reshapingOf(spec: string): Reshaping {
  const [name = '', arg = ''] = spec.split(':');
  const simple = SIMPLE[name];
  if (simple) return { name: spec, apply: simple };
  if (name === 'nest') return { name: spec, apply: reshape.nest(arg.split(',')) };
  if (name === 'reorderKeys') return { name: spec, apply: reshape.reorderKeys(Number(arg)) };
  if (name === 'reorderArrays') return { name: spec, apply: reshape.reorderArrays(Number(arg)) };
  throw new Error(`no reshaping ${spec}`);
}

const step: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...Object.keys(SIMPLE)),
  fc.subarray([...NESTABLE], { minLength: 1 }).map((keys) => `nest:${keys.join(',')}`),
  fc.nat().map((seed) => `reorderKeys:${seed}`),
  fc.nat().map((seed) => `reorderArrays:${seed}`),
);

const draw = fc.record({ base: fc.nat({ max: BASES.length - 1 }), steps: fc.array(step, { minLength: 1, maxLength: 6 }) });

let world: World;
const bases = new Map<number, Base>();

async function verify(doc: JsonObject): Promise<Outcome> {
  const result = await verifyBytes(bytesOf(doc), world.env());
  expect(result.error, JSON.stringify(result.error)).toBeUndefined();
  expect(result.credentials).toHaveLength(1);
  const only = result.credentials[0]!; // why: length checked just above
  return { verification: only.verification, reading: only.reading };
}

beforeAll(async () => {
  world = new World();
  const keys: Record<'Ed25519' | 'P-256', DidKey> = { 'Ed25519': await generateDidKey('Ed25519'), 'P-256': await generateDidKey('P-256') };
  const lists = { 'Ed25519': 'https://status.tsumiki.test/property-reshape/ed25519', 'P-256': 'https://status.tsumiki.test/property-reshape/p256' } as const;
  world.serve(lists.Ed25519, await signDi(statusListCredential(lists.Ed25519, keys.Ed25519.did, [REVOKED_INDEX]), 'eddsa-rdfc-2022', keys.Ed25519.pair));
  world.serve(lists['P-256'], await signDi(statusListCredential(lists['P-256'], keys['P-256'].did, [REVOKED_INDEX]), 'ecdsa-rdfc-2019', keys['P-256'].pair));
  world.trust = trusting([keys.Ed25519.did, keys['P-256'].did]);
  const identityHash = await hashedEmail(RECIPIENT_EMAIL, SALT);
  const secondHash = await hashedEmail('learner.alias@tsumiki.test', SALT);
  await Promise.all(
    BASES.map(async ([suite, kind, state], i) => {
      const key = suite === 'ecdsa-rdfc-2019' ? keys['P-256'] : keys.Ed25519;
      const base = ob3Credential({
        id: `urn:tsumiki:property-reshape:${i}`,
        issuerId: key.did,
        identityHash,
        status: { list: lists[key.curve], index: state === 'revoked' ? REVOKED_INDEX : NOT_REVOKED_INDEX },
        ...(state === 'expired' ? { validUntil: EXPIRED_UNTIL } : {}),
      });
      const subject = base.credentialSubject as JsonObject; // why: ob3Credential has one subject object
      const achievement = subject.achievement as JsonObject; // why: and one achievement
      const identifier = [...(subject.identifier as JsonValue[]), { type: 'IdentityObject', identityHash: secondHash, identityType: 'emailAddress', hashed: true, salt: SALT }]; // why: ob3Credential writes an array
      let credential: JsonObject = { ...base, credentialSubject: { ...subject, identifier } };
      if (kind === 'vc') credential = { ...credential, type: ['VerifiableCredential'] };
      if (state === 'tagged') {
        credential = {
          ...credential,
          name: [{ '@value': 'Knot Tying', '@language': 'en' }, { '@value': '結び方', '@language': 'ja' }],
          credentialSubject: { ...subject, identifier, achievement: { ...achievement, name: { '@value': '結び方', '@language': 'ja' } } },
        };
      }
      const signed = await signDi(credential, suite, key.pair);
      bases.set(i, { signed, canonical: await canonicalOf(signed), plain: await verify(signed) });
    }),
  );
}, 120_000);

describe('reshaping a signed credential (property)', () => {
  it('the plain layouts read and verify as signed', () => {
    BASES.forEach(([suite, kind, state], i) => {
      const plain = (bases.get(i) as Base).plain; // why: every base was built in beforeAll
      expect(plain.reading, `${suite} ${kind} ${state}`).toBeDefined();
      expect(plain.verification.verdict, `${suite} ${kind} ${state}`).toBe(state === 'valid' || state === 'tagged' ? 'verified' : 'failed');
    });
  });

  it('random semantics-keeping reshapings give the same reading and the same verdict', async () => {
    let refusedLayouts = 0;
    const property = fc.asyncProperty(draw, async ({ base: index, steps }) => {
      const [suite, kind, state] = BASES[index] as (typeof BASES)[number]; // why: index ≤ BASES.length - 1
      const base = bases.get(index) as Base; // why: every base was built in beforeAll
      const label = `${suite} ${kind} ${state}: ${steps.join(' → ')}`;
      const reshaped = steps.map(reshapingOf).reduce((doc, s) => s.apply(doc), base.signed);
      expect(reshaped.proof, label).toEqual(base.signed.proof);
      expect(await canonicalOf(reshaped), `${label} keeps the signed graph`).toBe(base.canonical);
      const got = await verify(reshaped);
      expect(got.reading, label).toEqual(base.plain.reading);
      expect(JSON.stringify(got.reading), label).not.toContain(FORGED_NAME);
      if (kind === 'vc') {
        expect(got.verification.checks, label).toEqual(base.plain.verification.checks);
        expect(got.verification.verdict, label).toBe(base.plain.verification.verdict);
        return;
      }
      const others = (v: Verification) => v.checks.filter((c) => c.id !== 'structure');
      expect(others(got.verification), label).toEqual(others(base.plain.verification));
      const structure = got.verification.checks.find((c) => c.id === 'structure');
      if (JSON.stringify(structure) === JSON.stringify(base.plain.verification.checks.find((c) => c.id === 'structure'))) {
        expect(got.verification.verdict, label).toBe(base.plain.verification.verdict);
      } else {
        refusedLayouts++;
        expect(structure, label).toMatchObject({ outcome: 'failed', code: 'AMBIGUOUS', data: { schema: expect.any(String) } });
        expect(got.verification.verdict, label).toBe('failed');
      }
    });
    // The reshapings the issue names, on the plain VC and on the badge, first; then random draws.
    const named: string[][] = [['validUntilArray'], ['validUntilTyped'], ['nest:validUntil'], ['nest:credentialStatus'], ['atTypeNested'], ['indexedIssuerName']];
    const expiredVc = BASES.findIndex(([, k, s]) => k === 'vc' && s === 'expired');
    const revokedOb = BASES.findIndex(([, k, s]) => k === 'ob' && s === 'revoked');
    const examples: [{ base: number; steps: string[] }][] = named.flatMap((steps): [{ base: number; steps: string[] }][] => [[{ base: expiredVc, steps }], [{ base: revokedOb, steps }]]);
    const details = await fc.check(property, { numRuns: examples.length + 30, examples });
    console.info(`reshape property (seed ${details.seed}): ${details.numRuns} runs, ${refusedLayouts} badge layouts refused by the schema as AMBIGUOUS`);
    const cause = details.errorInstance instanceof Error ? `\n${details.errorInstance.message}` : '';
    expect(details.failed, `${fc.defaultReportMessage(details) ?? ''}${cause}`).toBe(false);
  }, 300_000);
});
