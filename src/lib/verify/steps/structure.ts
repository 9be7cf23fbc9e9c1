/** Structural conformance: the properties every reader relies on are there and have the right shape. */
import { asArray, idOf, isJsonObject, typesOf } from '../../formats/json.ts';
import type { JsonObject } from '../../model/credential.ts';
import type { Check } from '../../model/verification.ts';
import { VC_V1, VC_V2 } from '../contexts/registry.ts';

const OB_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential', 'ClrCredential'];

const invalid = (path: string, problem: string): Check => ({
  id: 'structure',
  outcome: 'failed',
  code: 'STRUCTURE_INVALID',
  data: { path, problem },
});

/** VC 1.1 or 2.0, from the first context (STANDARDS §1.1). */
export function vcVersion(credential: JsonObject): '1.1' | '2.0' | undefined {
  const first = asArray(credential['@context'])[0];
  return first === VC_V2 ? '2.0' : first === VC_V1 ? '1.1' : undefined;
}

export function checkVcStructure(credential: JsonObject): Check {
  const version = vcVersion(credential);
  if (!version) return invalid('@context', 'first context must be the VC 1.1 or 2.0 context');
  const types = typesOf(credential);
  if (!types.includes('VerifiableCredential')) return invalid('type', 'must include VerifiableCredential');
  const isBadge = types.some((t) => OB_TYPES.includes(t));
  if (!idOf(credential.issuer)) return invalid('issuer', 'missing, or without an id');
  const issued = version === '2.0' ? 'validFrom' : 'issuanceDate';
  if (isBadge && typeof credential[issued] !== 'string') return invalid(issued, 'missing');
  const subjects = asArray(credential.credentialSubject);
  if (subjects.length === 0 || !subjects.every(isJsonObject)) return invalid('credentialSubject', 'missing or not an object');
  if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) {
    const subject = subjects[0] as JsonObject; // why: every subject is an object, and there is one
    const achievement = subject.achievement;
    if (!isJsonObject(achievement)) return invalid('credentialSubject.achievement', 'missing');
    if (typeof achievement.name !== 'string' && !isJsonObject(achievement.name)) {
      return invalid('credentialSubject.achievement.name', 'missing');
    }
  }
  return { id: 'structure', outcome: 'passed', code: 'STRUCTURE_OK', data: { vc: version, kind: isBadge ? 'badge' : 'vc' } };
}

const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';

export function checkOb2Structure(assertion: JsonObject): Check {
  if (!asArray(assertion['@context']).includes(OB2_CONTEXT)) return invalid('@context', `must be ${OB2_CONTEXT}`);
  if (!typesOf(assertion).includes('Assertion')) return invalid('type', 'must be Assertion');
  for (const key of ['id', 'recipient', 'badge', 'issuedOn'] as const) {
    if (assertion[key] === undefined) return invalid(key, 'missing');
  }
  const verification = assertion.verification ?? assertion.verify;
  if (!isJsonObject(verification)) return invalid('verification', 'missing');
  return { id: 'structure', outcome: 'passed', code: 'STRUCTURE_OK', data: { ob: '2.0' } };
}
