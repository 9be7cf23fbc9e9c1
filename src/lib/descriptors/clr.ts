/**
 * CLR 2.0: the caller reports one credential or achievement at a time. This lists them, with where
 * each sits in the ClrCredential, so each can go to extractDescriptors() (credentials) or
 * extractAchievementDescriptors() (achievement definitions, with the CLR issuer as context).
 */
import type { JsonObject, JsonValue } from '../model/credential.ts';
import { idOf, indexSuffix, isObject, objectsOf, own, asArray, textOf } from './json.ts';

export type ClrItem =
  | {
      readonly kind: 'credential';
      /** e.g. `credentialSubject.verifiableCredential[2]` */
      readonly path: string;
      readonly credential: JsonObject;
      readonly achievementId: string | null;
      readonly name: string | null;
    }
  | {
      /** A VC-JWT string: decode (and verify) it first, then call extractDescriptors. */
      readonly kind: 'jwt';
      readonly path: string;
      readonly jwt: string;
    }
  | {
      readonly kind: 'achievement';
      readonly path: string;
      readonly achievement: JsonObject;
      readonly achievementId: string | null;
      readonly name: string | null;
      /** True when one of the listed credentials awards this same achievement id. */
      readonly awarded: boolean;
      /** The CLR issuer, for extractAchievementDescriptors(achievement, { issuer }). */
      readonly issuer: JsonValue | null;
    };

function subjectOf(clr: JsonObject): [JsonObject | undefined, string] {
  const cs = own(clr, 'credentialSubject');
  if (isObject(cs)) return [cs, 'credentialSubject'];
  const first = objectsOf(cs)[0];
  return first === undefined ? [undefined, 'credentialSubject'] : [first[0], `credentialSubject[${first[1]}]`];
}

/** Every credential and achievement definition in a CLR 2.0 ClrCredential. Never throws. */
export function listClrAchievements(clr: JsonObject): ClrItem[] {
  try {
    const [cs, csPath] = subjectOf(clr);
    const out: ClrItem[] = [];
    const awardedIds = new Set<string>();
    const vcs = own(cs, 'verifiableCredential');
    asArray(vcs).forEach((v, i) => {
      const path = `${csPath}.verifiableCredential${indexSuffix(vcs, i)}`;
      if (typeof v === 'string') {
        out.push({ kind: 'jwt', path, jwt: v });
        return;
      }
      if (!isObject(v)) return;
      const subject = own(v, 'credentialSubject');
      const ach = own(isObject(subject) ? subject : objectsOf(subject)[0]?.[0], 'achievement');
      const achievementId = idOf(ach);
      if (achievementId !== null) awardedIds.add(achievementId);
      out.push({ kind: 'credential', path, credential: v, achievementId, name: textOf(own(ach, 'name')) ?? textOf(own(v, 'name')) });
    });
    const achs = own(cs, 'achievement');
    const issuer = own(clr, 'issuer') ?? null;
    for (const [a, i] of objectsOf(achs)) {
      const achievementId = idOf(a);
      out.push({
        kind: 'achievement',
        path: `${csPath}.achievement${indexSuffix(achs, i)}`,
        achievement: a,
        achievementId,
        name: textOf(own(a, 'name')),
        awarded: achievementId !== null && awardedIds.has(achievementId),
        issuer,
      });
    }
    return out;
  } catch {
    return [];
  }
}
