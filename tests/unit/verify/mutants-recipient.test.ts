// Tests written from surviving mutants (StrykerJS, `npm run mutate`): the recipient step, called directly
// on credential readings. Each `it` names what a mutant changed and the suite did not notice.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { createEnv, type RecipientClaim } from '../../../src/lib/verify/env.ts';
import { checkRecipient } from '../../../src/lib/verify/steps/recipient.ts';

const EMAIL = 'learner@tsumiki.test';
const sha256Hex = async (text: string) => createHash('sha256').update(text).digest('hex');
const check = (credential: JsonObject, recipient: RecipientClaim) => checkRecipient(credential, createEnv({ recipient }));
const ob2 = (recipient: JsonObject): JsonObject => ({ type: 'Assertion', recipient });
const ob3 = (...identifier: JsonObject[]): JsonObject => ({ type: ['VerifiableCredential'], credentialSubject: { identifier } });

describe('OB 2.0 recipient', () => {
  it('a recipient without a type matches a claim of any type', async () => {
    expect(await check(ob2({ identity: EMAIL, hashed: false }), { identity: EMAIL, type: 'email' })).toEqual({ id: 'recipient', outcome: 'passed', code: 'RECIPIENT_MATCHES', data: { type: '', hashed: false } });
  });

  it('a hashed identity without a salt is hashed with no salt', async () => {
    const identity = `sha256$${await sha256Hex(EMAIL)}`;
    expect(await check(ob2({ type: 'email', identity, hashed: true }), { identity: EMAIL, type: 'email' })).toMatchObject({ outcome: 'passed', data: { type: 'email', hashed: true } });
  });

  it('the algorithm name is read in any case; another algorithm is unsupported (not a mismatch)', async () => {
    const hex = await sha256Hex(EMAIL + 'salt');
    expect(await check(ob2({ type: 'email', identity: `SHA256$${hex}`, hashed: true, salt: 'salt' }), { identity: EMAIL })).toMatchObject({ outcome: 'passed' });
    expect(await check(ob2({ type: 'email', identity: `md5$${hex}`, hashed: true, salt: 'salt' }), { identity: EMAIL })).toEqual({
      id: 'recipient',
      outcome: 'not-checked',
      reason: 'unsupported',
      code: 'NOT_APPLICABLE',
      data: { detail: 'hash algorithm' },
    });
    expect(await check(ob2({ type: 'email', identity: hex, hashed: true, salt: 'salt' }), { identity: EMAIL })).toMatchObject({ outcome: 'not-checked', reason: 'unsupported' });
  });

  it('a claim of another kind is not compared with a typed recipient', async () => {
    expect(await check(ob2({ type: 'email', identity: EMAIL, hashed: false }), { identity: EMAIL, type: 'url' })).toEqual({ id: 'recipient', outcome: 'failed', code: 'RECIPIENT_MISMATCH', data: { compared: 0 } });
  });
});

describe('OB 3.0 identifiers', () => {
  it('one unsupported hash beside another identity that does not match: a mismatch, not unsupported', async () => {
    const other = `sha256$${await sha256Hex('someone@else.test')}`;
    const result = await check(ob3({ identityType: 'emailAddress', identityHash: 'md5$abc', hashed: true }, { identityType: 'emailAddress', identityHash: other, hashed: true }), { identity: EMAIL, type: 'email' });
    expect(result).toEqual({ id: 'recipient', outcome: 'failed', code: 'RECIPIENT_MISMATCH', data: { compared: 2 } });
  });

  it('a later identity can still match after an unsupported one', async () => {
    const mine = `sha256$${await sha256Hex(EMAIL)}`;
    expect(await check(ob3({ identityType: 'emailAddress', identityHash: 'md5$abc', hashed: true }, { identityType: 'emailAddress', identityHash: mine, hashed: true }), { identity: EMAIL, type: 'email' })).toMatchObject({ outcome: 'passed' });
  });

  it('identity types outside the known kinds compare by their lower case (Unicode: ß is not SS)', async () => {
    const credential = ob3({ identityType: 'Straße', identityHash: 'x', hashed: false });
    expect(await check(credential, { identity: 'x', type: 'STRASSE' })).toMatchObject({ outcome: 'failed', data: { compared: 0 } });
    expect(await check(credential, { identity: 'x', type: 'STRAßE' })).toMatchObject({ outcome: 'passed' });
  });

  it('ext: types and the known aliases name the same kind', async () => {
    const credential = ob3({ identityType: 'ext:phone', identityHash: '+81 3 0000 0000', hashed: false });
    expect(await check(credential, { identity: '+81 3 0000 0000', type: 'telephone' })).toMatchObject({ outcome: 'passed' });
    expect(await check(ob3({ identityType: 'sourcedId', identityHash: 'S-1', hashed: false }), { identity: 'S-1', type: 'id' })).toMatchObject({ outcome: 'passed' });
    expect(await check(ob3({ identityType: 'url', identityHash: 'https://me.test', hashed: false }), { identity: 'https://me.test', type: 'URL' })).toMatchObject({ outcome: 'passed' });
  });
});

describe('OB 3.0 subject ids', () => {
  it('the subject’s id is an identity of type id, compared as given (not hashed)', async () => {
    const credential: JsonObject = { credentialSubject: { id: 'did:example:learner' } };
    expect(await check(credential, { identity: 'did:example:learner', type: 'id' })).toEqual({ id: 'recipient', outcome: 'passed', code: 'RECIPIENT_MATCHES', data: { type: 'id', hashed: false } });
    expect(await check(credential, { identity: 'did:example:learner' })).toMatchObject({ outcome: 'passed', data: { type: 'id' } });
    expect(await check(credential, { identity: 'did:example:learner', type: 'email' })).toEqual({ id: 'recipient', outcome: 'failed', code: 'RECIPIENT_MISMATCH', data: { compared: 0 } });
  });

  it('subjects that are not objects are skipped (no crash), the others read', async () => {
    const credential = { credentialSubject: [null, 'did:example:other', { id: 'did:example:learner' }] } as unknown as JsonObject;
    expect(await check(credential, { identity: 'did:example:learner' })).toMatchObject({ outcome: 'passed' });
  });

  it('an identity that is not a string is no identity', async () => {
    expect(await check(ob2({ type: 'email', identity: 42, hashed: false }), { identity: '42' })).toEqual({ id: 'recipient', outcome: 'failed', code: 'RECIPIENT_MISMATCH', data: { compared: 0 } });
  });

  it('only a leading ext: is dropped from a type', async () => {
    expect(await check(ob3({ identityType: 'emailext:', identityHash: EMAIL, hashed: false }), { identity: EMAIL, type: 'email' })).toMatchObject({ outcome: 'failed', data: { compared: 0 } });
  });
});

describe('how an identity is compared (mutation run of 2026-12-07)', () => {
  const plain = (identity: string) => ob2({ type: 'email', identity, hashed: false });

  it('identifiers that are not objects are skipped (no crash), the others read', async () => {
    const credential = { credentialSubject: { identifier: [null, 'x', { identityType: 'emailAddress', identityHash: EMAIL, hashed: false }] } } as unknown as JsonObject;
    expect(await check(credential, { identity: EMAIL })).toMatchObject({ outcome: 'passed', data: { type: 'emailAddress' } });
  });

  it('the identity the user typed is trimmed', async () => {
    expect(await check(plain(EMAIL), { identity: `  ${EMAIL}\n` })).toMatchObject({ outcome: 'passed' });
  });

  it('e-mail case is ignored on either side', async () => {
    expect(await check(plain('Learner@Tsumiki.TEST'), { identity: 'learner@TSUMIKI.test' })).toMatchObject({ outcome: 'passed' });
  });

  it('a mailto: scheme on either side, or both, is the same address', async () => {
    expect(await check(plain(EMAIL), { identity: `mailto:${EMAIL}` })).toMatchObject({ outcome: 'passed' });
    expect(await check(plain(`MAILTO:${EMAIL}`), { identity: EMAIL })).toMatchObject({ outcome: 'passed' });
    expect(await check(plain(`mailto:${EMAIL}`), { identity: `mailto:${EMAIL}` })).toMatchObject({ outcome: 'passed' });
    const hashed = ob2({ type: 'email', identity: `sha256$${await sha256Hex(EMAIL + 'pepper')}`, hashed: true, salt: 'pepper' });
    expect(await check(hashed, { identity: `mailto:${EMAIL}` })).toMatchObject({ outcome: 'passed', data: { hashed: true } });
  });

  it('mailto: is taken off only as a leading scheme, never from inside an address', async () => {
    const inside = 'learnermailto:@tsumiki.test';
    expect(await check(plain(EMAIL), { identity: inside })).toMatchObject({ outcome: 'failed', code: 'RECIPIENT_MISMATCH' });
    expect(await check(plain(inside), { identity: EMAIL })).toMatchObject({ outcome: 'failed', code: 'RECIPIENT_MISMATCH' });
  });
});
