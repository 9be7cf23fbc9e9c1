/**
 * Structural conformance: the properties every reader relies on are there and have the right
 * shape. For a VC it is checked on the reading of the signed graph (so a reshaped layout cannot
 * hide a typed object's missing `type`), the context list on the document as written.
 */
import { asArray, idOf, isJsonObject, typesOf } from '../../formats/json.ts';
import type { JsonObject } from '../../model/credential.ts';
import type { Check } from '../../model/verification.ts';
import { VC_V1, VC_V2 } from '../contexts/registry.ts';

const OB_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential', 'ClrCredential'];

/** VC 2.0 objects that MUST say what they are (VC Data Model 2.0 §4.10–4.13, §5.x). */
const TYPED = ['credentialStatus', 'credentialSchema', 'evidence', 'termsOfUse', 'refreshService'] as const;

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

/** `written` is the credential as given (for its contexts), `document` the reading of its graph. */
export function checkVcStructure(written: JsonObject, document: JsonObject): Check {
  const version = vcVersion(written);
  if (!version) return invalid('@context', 'first context must be the VC 1.1 or 2.0 context');
  const types = typesOf(document);
  if (!types.includes('VerifiableCredential')) return invalid('type', 'must include VerifiableCredential');
  const isBadge = types.some((t) => OB_TYPES.includes(t));
  if (!idOf(document.issuer)) return invalid('issuer', 'missing, or without an id');
  const issued = version === '2.0' ? 'validFrom' : 'issuanceDate';
  if (isBadge && document[issued] === undefined) return invalid(issued, 'missing');
  // In the graph a subject named only by its id reads as that id; one with neither id nor claims reads as {}.
  const subjects = asArray(document.credentialSubject);
  if (subjects.length === 0 || !subjects.every((s) => isJsonObject(s) || typeof s === 'string')) return invalid('credentialSubject', 'missing or not an object');
  if (subjects.some((s) => isJsonObject(s) && Object.keys(s).length === 0)) return invalid('credentialSubject', 'an empty subject says nothing about anyone');
  for (const key of TYPED) {
    // An embedded entry must say what it is; an IRI reference (a node described elsewhere in the
    // graph, e.g. a refresh service that is the credential itself) is what it refers to — except a
    // status entry, which is useless without its type and list.
    const items = asArray(document[key]);
    // A reference that reads as a bare IRI is only accepted when it is the credential itself (a
    // refresh service that is the credential, as 1EdTech's examples write it): the graph types it.
    const untyped = (item: unknown) => (isJsonObject(item) ? typesOf(item).length === 0 : key === 'credentialStatus' || item !== document.id);
    if (items.some(untyped)) return invalid(key, 'every entry must be an object with a type');
  }
  // VC 2.0 §4.11: a schema is named by its id.
  if (asArray(document.credentialSchema).some((item) => isJsonObject(item) && !idOf(item.id))) return invalid('credentialSchema', 'every entry must have an id');
  for (const item of asArray(document.relatedResource)) {
    if (!isJsonObject(item) || !idOf(item.id)) return invalid('relatedResource', 'every entry must have an id');
    if (item.digestSRI === undefined && item.digestMultibase === undefined) return invalid('relatedResource', 'every entry must have digestSRI or digestMultibase');
    // One resource listed twice (its ids merge into one node in the graph): two digests for one id.
    if (asArray(item.digestSRI).length > 1 || asArray(item.digestMultibase).length > 1) return invalid('relatedResource', `${String(item.id)} is listed more than once`);
  }
  if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) {
    const subject = subjects.find((s) => isJsonObject(s) && s.achievement !== undefined) as JsonObject | undefined; // why: every subject is an object
    const achievement = subject?.achievement;
    if (!isJsonObject(achievement)) return invalid('credentialSubject.achievement', 'missing');
    if (achievement.name === undefined) return invalid('credentialSubject.achievement.name', 'missing');
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
