// Tests written for StrykerJS (`npm run mutate`): credentials inside a credential (inner.ts), found and
// handed to a stand-in verifier, called directly.
import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue, ParsedCredential } from '../../../src/lib/model/credential.ts';
import { createEnv, type VerifyEnv } from '../../../src/lib/verify/env.ts';
import { embeddedItems, MAX_INNER, verifyEmbedded } from '../../../src/lib/verify/inner.ts';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const VC: JsonObject = { type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: 'did:example:i' };
const JWS = `${b64({ alg: 'ES256' })}.${b64(VC)}.c2ln`;

describe('embeddedItems: where credentials inside are found', () => {
  it('objects typed VerifiableCredential (by type or @type) or EnvelopedVerifiableCredential, anywhere below, in order', () => {
    const outer: JsonObject = {
      type: ['VerifiableCredential', 'ClrCredential'],
      credentialSubject: {
        verifiableCredential: [VC, JWS, { '@type': 'VerifiableCredential' }, { '@type': ['X', 'VerifiableCredential'] }, { type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${JWS}` }],
        deeper: { anything: { type: 'VerifiableCredential' } },
        notACredential: { type: 'Other' },
      },
    };
    expect(embeddedItems(outer)).toEqual({
      items: [
        { path: 'credentialSubject.verifiableCredential[0]', kind: 'credential', item: VC },
        { path: 'credentialSubject.verifiableCredential[1]', kind: 'credential', item: JWS },
        { path: 'credentialSubject.verifiableCredential[2]', kind: 'credential', item: { '@type': 'VerifiableCredential' } },
        { path: 'credentialSubject.verifiableCredential[3]', kind: 'credential', item: { '@type': ['X', 'VerifiableCredential'] } },
        { path: 'credentialSubject.verifiableCredential[4]', kind: 'credential', item: { type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${JWS}` } },
        { path: 'credentialSubject.deeper.anything', kind: 'credential', item: { type: 'VerifiableCredential' } },
      ],
      more: 0,
    });
  });

  it('endorsements: under endorsement / endorsementJwt at any depth, or typed EndorsementCredential', () => {
    const outer: JsonObject = {
      endorsement: [VC],
      issuer: { endorsementJwt: [` ${JWS} `] },
      credentialSubject: { achievement: { endorsement: { inner: VC } }, other: { type: ['VerifiableCredential', 'EndorsementCredential'] } },
    };
    expect(embeddedItems(outer).items.map((i) => [i.path, i.kind])).toEqual([
      ['endorsement[0]', 'endorsement'],
      ['issuer.endorsementJwt[0]', 'endorsement'],
      ['credentialSubject.achievement.endorsement.inner', 'endorsement'],
      ['credentialSubject.other', 'endorsement'],
    ]);
  });

  it('a JWS only under the keys that hold credentials; never in proofs or contexts; the outer credential itself is not one', () => {
    const outer: JsonObject = { ...VC, note: JWS, evidence: [JWS], verifiableCredential: 'not a jws', proof: { verifiableCredential: [VC] }, '@context': [VC] };
    expect(embeddedItems(outer)).toEqual({ items: [], more: 0 });
  });

  it('one level only, and no deeper than 24', () => {
    expect(embeddedItems({ verifiableCredential: [{ ...VC, endorsement: [VC] }] }).items.map((i) => i.path)).toEqual(['verifiableCredential[0]']);
    let deep: JsonValue = VC;
    for (let i = 0; i < 23; i++) deep = { a: deep };
    expect(embeddedItems({ a: deep }).items).toHaveLength(1);
    expect(embeddedItems({ a: { a: deep } }).items).toHaveLength(0);
  });

  it('an object typed by both type and @type: either may name it a credential (JSON-LD merges the two)', () => {
    const both: JsonObject[] = [
      { type: 'Other', '@type': 'VerifiableCredential' },
      { type: ['Other'], '@type': ['X', 'EnvelopedVerifiableCredential'] },
      { '@type': 'Other', type: 'VerifiableCredential' },
    ];
    expect(embeddedItems({ verifiableCredential: both }).items.map((i) => i.path)).toEqual(['verifiableCredential[0]', 'verifiableCredential[1]', 'verifiableCredential[2]']);
    expect(embeddedItems({ verifiableCredential: [{ type: 'Other', '@type': 7 }, { type: 'Other', '@type': ['X'] }, { type: 'Other' }] }).items).toEqual([]);
  });

  it('nested arrays count towards the depth bound as objects do', () => {
    let deep: JsonValue = VC;
    for (let i = 0; i < 23; i++) deep = [deep];
    expect(embeddedItems({ a: deep }).items.map((i) => i.path)).toEqual([`a${'[0]'.repeat(23)}`]);
    expect(embeddedItems({ a: [deep] }).items).toEqual([]);
  });

  it('at most 200 verified, the rest counted', () => {
    expect(MAX_INNER).toBe(200);
    expect(embeddedItems({ verifiableCredential: Array(200).fill(VC) })).toMatchObject({ more: 0 });
    const over = embeddedItems({ verifiableCredential: Array(203).fill(VC) });
    expect(over.items).toHaveLength(200);
    expect(over.more).toBe(3);
  });
});

describe('verifyEmbedded', () => {
  const seen: Array<{ parsed: ParsedCredential; env: VerifyEnv }> = [];
  const standIn = async (parsed: ParsedCredential, env: VerifyEnv) => {
    seen.push({ parsed, env });
    return { verification: parsed.format };
  };

  it('each on its own; an endorsement without the recipient; what does not parse, with its code', async () => {
    seen.length = 0;
    const env = createEnv({ recipient: { identity: 'me@x.test' } });
    const outer: JsonObject = { verifiableCredential: [VC, { type: 'VerifiableCredential' }], endorsement: [JWS] };
    const result = await verifyEmbedded(outer, env, standIn);
    expect(result.skipped).toBe(0);
    expect(result.inner).toEqual([
      { path: 'verifiableCredential[0]', kind: 'credential', parsed: expect.objectContaining({ format: 'ob3-di', index: 0 }), verified: { verification: 'ob3-di' } },
      { path: 'verifiableCredential[1]', kind: 'credential', parsed: expect.objectContaining({ index: 1 }), verified: { verification: 'ob3-di' } },
      { path: 'endorsement[0]', kind: 'endorsement', parsed: expect.objectContaining({ format: 'ob3-jwt', index: 2 }), verified: { verification: 'ob3-jwt' } },
    ]);
    expect(seen.map((s) => s.env.recipient?.identity ?? null)).toEqual(['me@x.test', 'me@x.test', null]);
    expect(seen[2]?.env.now).toBe(env.now);
  });

  it('an item that is not a readable credential is reported, not verified', async () => {
    seen.length = 0;
    const enveloped = { type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,not-a-jws' };
    const result = await verifyEmbedded({ verifiableCredential: [enveloped, { type: 'VerifiableCredential', '@context': 7 }] }, createEnv(), standIn);
    expect(result.inner[0]).toEqual({ path: 'verifiableCredential[0]', kind: 'credential', error: { code: 'NOT_A_CREDENTIAL', message: 'JSON is neither an OB 2.0 Assertion nor a Verifiable Credential' } });
    expect(seen).toHaveLength(1);
  });

  it('never throws: an error that is not a coded one is reported as NOT_A_CREDENTIAL, with its message', async () => {
    seen.length = 0;
    // Far deeper than parsed JSON may be (64): serialising it overflows the stack, a RangeError.
    let deep: JsonValue = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const result = await verifyEmbedded({ verifiableCredential: [{ ...VC, deep }, VC] }, createEnv(), standIn);
    expect(result.inner[0]).toEqual({ path: 'verifiableCredential[0]', kind: 'credential', error: { code: 'NOT_A_CREDENTIAL', message: expect.stringMatching(/call stack/) } });
    expect(result.inner[1]).toMatchObject({ path: 'verifiableCredential[1]', verified: { verification: 'ob3-di' } });
    expect(seen).toHaveLength(1);
  });

  it('the count beyond the bound is handed on', async () => {
    expect((await verifyEmbedded({ verifiableCredential: Array(201).fill(VC) }, createEnv(), standIn)).skipped).toBe(1);
  });
});
