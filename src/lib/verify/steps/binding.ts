/** Issuer-key binding: the key that signed must belong to the issuer, shown by an authority, not by the credential itself. */
import type { Check, CheckData } from '../../model/verification.ts';
import type { ResolvedMethod } from '../keys.ts';

export function notCheckedAfter(id: Check['id'], proof: Check): Check {
  return {
    id,
    outcome: 'not-checked',
    reason: proof.outcome === 'not-checked' ? proof.reason : 'not-applicable',
    code: 'PROOF_NOT_VERIFIED',
  };
}

export function checkBinding(proof: Check, method: ResolvedMethod | undefined, issuerId: string | undefined): Check {
  if (proof.outcome !== 'passed' || !method) return notCheckedAfter('issuer-key', proof);
  const data: CheckData = {
    controller: method.controller,
    issuer: issuerId ?? null,
    binding: method.binding,
    ...(method.fetchedAt ? { fetchedAt: method.fetchedAt, fromCache: method.fromCache ?? false } : {}),
  };
  if (method.controller !== issuerId) return { id: 'issuer-key', outcome: 'failed', code: 'KEY_NOT_ISSUERS', data };
  if (method.binding === 'fragment') {
    return {
      id: 'issuer-key',
      outcome: 'not-checked',
      reason: method.unresolved === 'NEEDS_NETWORK' ? 'offline' : method.unresolved === 'UNSUPPORTED_KEY' ? 'unsupported' : 'error',
      code: 'KEY_IN_FRAGMENT_ONLY',
      data: { ...data, unresolved: method.unresolved ?? null },
    };
  }
  return { id: 'issuer-key', outcome: 'passed', code: 'KEY_IS_ISSUERS', data };
}
