// Tests written from surviving mutants (StrykerJS, `npm run mutate`): the issuer-key binding step,
// pure functions called directly. Each `it` names what a mutant changed and the suite did not notice.
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../src/lib/model/verification.ts';
import type { ResolvedMethod } from '../../../src/lib/verify/keys.ts';
import { checkBinding, notCheckedAfter } from '../../../src/lib/verify/steps/binding.ts';

const ISSUER = 'did:web:issuer.tsumiki.test';
const passedProof: Check = { id: 'proof', outcome: 'passed', code: 'PROOF_VALID', data: { suite: 'eddsa-rdfc-2022' } };

function method(o: Partial<ResolvedMethod> = {}): ResolvedMethod {
  return { ref: `${ISSUER}#key-1`, controller: ISSUER, method: {}, controllerDocument: {}, binding: 'resolved', ...o };
}

describe('notCheckedAfter: a later check that cannot run keeps the proof’s reason', () => {
  it('a proof not checked because it is unsupported (or offline) passes that reason on', () => {
    for (const reason of ['unsupported', 'offline', 'error'] as const) {
      const proof: Check = { id: 'proof', outcome: 'not-checked', reason, code: 'UNSUPPORTED_PROOF' };
      expect(notCheckedAfter('issuer-key', proof)).toEqual({ id: 'issuer-key', outcome: 'not-checked', reason, code: 'PROOF_NOT_VERIFIED' });
    }
  });

  it('a failed proof makes the later check not applicable (the verdict is the proof’s)', () => {
    const proof: Check = { id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH' };
    expect(notCheckedAfter('issuer-key', proof)).toEqual({ id: 'issuer-key', outcome: 'not-checked', reason: 'not-applicable', code: 'PROOF_NOT_VERIFIED' });
  });
});

describe('checkBinding', () => {
  it('a passed proof without a resolved method is not checked (never passed)', () => {
    expect(checkBinding(passedProof, undefined, ISSUER)).toMatchObject({ outcome: 'not-checked', reason: 'not-applicable', code: 'PROOF_NOT_VERIFIED' });
  });

  it('a proof that failed is not followed by a binding, even when its key resolved to the issuer’s', () => {
    const failed: Check = { id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH' };
    expect(checkBinding(failed, method(), ISSUER)).toEqual({ id: 'issuer-key', outcome: 'not-checked', reason: 'not-applicable', code: 'PROOF_NOT_VERIFIED' });
  });

  it('a key whose controller is the issuer passes, with the binding shown', () => {
    expect(checkBinding(passedProof, method(), ISSUER)).toEqual({
      id: 'issuer-key',
      outcome: 'passed',
      code: 'KEY_IS_ISSUERS',
      data: { controller: ISSUER, issuer: ISSUER, binding: 'resolved' },
    });
  });

  it('a fetched key says when it was fetched and whether from the cache', () => {
    const check = checkBinding(passedProof, method({ fetchedAt: '2026-05-01T00:00:00.000Z' }), ISSUER);
    expect(check.data).toEqual({ controller: ISSUER, issuer: ISSUER, binding: 'resolved', fetchedAt: '2026-05-01T00:00:00.000Z', fromCache: false });
    expect(checkBinding(passedProof, method({ fetchedAt: '2026-05-01T00:00:00.000Z', fromCache: true }), ISSUER).data).toMatchObject({ fromCache: true });
  });

  it('another controller fails KEY_NOT_ISSUERS; no issuer id is shown as null', () => {
    expect(checkBinding(passedProof, method({ controller: 'did:web:elsewhere.test' }), ISSUER)).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_ISSUERS', data: { controller: 'did:web:elsewhere.test', issuer: ISSUER } });
    expect(checkBinding(passedProof, method(), undefined)).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_ISSUERS', data: { issuer: null } });
  });

  it.each([
    ['NEEDS_NETWORK', 'offline'],
    ['UNSUPPORTED_KEY', 'unsupported'],
    ['FETCH_FAILED', 'error'],
  ] as const)('a key known only by its fragment (%s) is not checked for the reason it could not be resolved: %s', (unresolved, reason) => {
    expect(checkBinding(passedProof, method({ binding: 'fragment', unresolved }), ISSUER)).toEqual({
      id: 'issuer-key',
      outcome: 'not-checked',
      reason,
      code: 'KEY_IN_FRAGMENT_ONLY',
      data: { controller: ISSUER, issuer: ISSUER, binding: 'fragment', unresolved },
    });
  });

  it('a fragment-only key with no stated cause: reason error, unresolved null', () => {
    expect(checkBinding(passedProof, method({ binding: 'fragment' }), ISSUER)).toMatchObject({ reason: 'error', data: { unresolved: null } });
  });
});
