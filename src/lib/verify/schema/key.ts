/**
 * Which bundled schema a credential is checked against (see ./index.ts), decided without loading
 * the validators: a credential no schema applies to (a VC 1.1 badge, a plain VC) never loads them.
 */
import type { JsonObject } from '../../model/credential.ts';
import { asArray, typesOf } from '../../formats/json.ts';
import { VC_V1, VC_V2 } from '../contexts/names.ts';

export type SchemaKey = 'ob3Achievement' | 'ob3Endorsement' | 'clr2Clr';

/** The bundled schema this credential is checked against, or undefined when none applies (see the module comment). */
export function schemaKeyFor(credential: JsonObject): SchemaKey | undefined {
  const contexts = asArray(credential['@context']);
  if (contexts.includes(VC_V1) && !contexts.includes(VC_V2)) return undefined;
  const types = typesOf(credential);
  if (types.includes('ClrCredential')) return 'clr2Clr';
  if (types.includes('EndorsementCredential')) return 'ob3Endorsement';
  if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) return 'ob3Achievement';
  return undefined;
}

