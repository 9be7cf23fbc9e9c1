/**
 * Everything the badge page shows, read from the credential as plain strings. The page renders
 * these as text only; nothing here is trusted (the issuer name is a claim until the issuer-key
 * check passed, and the page says so).
 */
import { asArray, isJsonObject } from '../formats/json.ts';
import type { CredentialFormat, JsonObject, JsonValue } from '../model/credential.ts';
import { dateAt, idAt, objectAt, objectsAt, stringAt, textOf } from '../formats/text.ts';
import { isOb2, partsOf, titleOf } from './summary.ts';

export interface Alignment {
  readonly name?: string;
  readonly url?: string;
  readonly framework?: string;
  readonly code?: string;
  readonly description?: string;
}
export interface Evidence {
  readonly name?: string;
  readonly description?: string;
  readonly narrative?: string;
  readonly url?: string;
  readonly genre?: string;
}
export interface Result {
  readonly name?: string;
  readonly value?: string;
  readonly status?: string;
}
export interface Endorsement {
  readonly issuerName?: string;
  readonly issuerId?: string;
  readonly comment?: string;
}
export interface Identifier {
  readonly type: string;
  readonly value: string;
  readonly hashed: boolean;
}

export interface BadgeDetails {
  readonly title: string;
  readonly description?: string;
  readonly achievementType?: string;
  readonly achievementId?: string;
  readonly criteriaNarrative?: string;
  readonly criteriaUrl?: string;
  readonly credits?: string;
  readonly language?: string;
  readonly fieldOfStudy?: string;
  readonly keywords: readonly string[];
  readonly issuer: { readonly name?: string; readonly id?: string; readonly url?: string; readonly email?: string; readonly description?: string };
  readonly recipient: { readonly id?: string; readonly name?: string; readonly identifiers: readonly Identifier[] };
  readonly issuedAt: string | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly awardedAt: string | null;
  readonly alignments: readonly Alignment[];
  readonly evidence: readonly Evidence[];
  readonly results: readonly Result[];
  readonly endorsements: readonly Endorsement[];
}

/** Drops undefined fields (the model uses exactOptional-friendly objects). */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T; // why: same keys minus undefined
}

const LONG = 20_000;

function alignmentsOf(v: JsonValue | undefined, lang?: string): Alignment[] {
  return objectsAt(v).map((a) =>
    compact({
      name: textOf(a.targetName, lang),
      url: stringAt(a.targetUrl) ?? stringAt(a.targetURL),
      framework: textOf(a.targetFramework, lang),
      code: stringAt(a.targetCode),
      description: textOf(a.targetDescription, lang),
    }),
  );
}

function evidenceOf(v: JsonValue | undefined, lang?: string): Evidence[] {
  return asArray(v).flatMap((e): Evidence[] => {
    if (typeof e === 'string') return [{ url: e }];
    if (!isJsonObject(e)) return [];
    return [
      compact({
        name: textOf(e.name, lang),
        description: textOf(e.description, lang),
        narrative: textOf(e.narrative, lang, LONG),
        url: idAt(e.id),
        genre: textOf(e.genre, lang),
      }),
    ];
  });
}

function resultsOf(subject: JsonObject | undefined, achievement: JsonObject | undefined, lang?: string): Result[] {
  const names = new Map<string, string>();
  for (const rd of objectsAt(achievement?.resultDescription)) {
    const id = idAt(rd.id);
    const name = textOf(rd.name, lang);
    if (id !== undefined && name !== undefined) names.set(id, name);
  }
  return objectsAt(subject?.result).map((r) => {
    const ref = idAt(r.resultDescription);
    return compact({
      name: ref === undefined ? undefined : (names.get(ref) ?? ref),
      value: textOf(r.value, lang) ?? textOf(r.achievedLevel, lang),
      status: stringAt(r.status),
    });
  });
}

function endorsementsOf(list: readonly JsonValue[], lang?: string): Endorsement[] {
  return list.flatMap((e): Endorsement[] => {
    if (typeof e === 'string') return [{ issuerId: e }];
    if (!isJsonObject(e)) return [];
    const issuer = objectAt(e.issuer);
    const claim = objectAt(e.credentialSubject) ?? objectAt(e.claim);
    return [compact({ issuerName: textOf(issuer?.name, lang), issuerId: idAt(e.issuer), comment: textOf(claim?.endorsementComment, lang, LONG) })];
  });
}

function identifiersOf(subject: JsonObject | undefined, ob2: boolean): Identifier[] {
  if (ob2) {
    const r = objectAt(subject?.recipient);
    const value = stringAt(r?.identity);
    return r === undefined || value === undefined ? [] : [{ type: stringAt(r.type) ?? 'email', value, hashed: r.hashed === true }];
  }
  return objectsAt(subject?.identifier).flatMap((i) => {
    const value = stringAt(i.identityHash);
    return value === undefined ? [] : [{ type: stringAt(i.identityType) ?? 'identifier', value, hashed: i.hashed === true }];
  });
}

export function badgeDetails(credential: JsonObject, format: CredentialFormat, lang?: string): BadgeDetails {
  const ob2 = isOb2(format);
  const { achievement, issuer, issuerId, subject } = partsOf(credential, format);
  const criteria = objectAt(achievement?.criteria);
  const credits = achievement?.creditsAvailable;
  const endorsements = [
    ...asArray(credential.endorsement),
    ...asArray(achievement?.endorsement),
    ...asArray(issuer?.endorsement),
  ];
  const validFrom = ob2 ? dateAt(credential.issuedOn) : (dateAt(credential.validFrom) ?? dateAt(credential.issuanceDate));
  return {
    title: titleOf(credential, format, lang),
    keywords: asArray(achievement?.tag ?? achievement?.tags).flatMap((t) => (typeof t === 'string' ? [t.slice(0, 200)] : [])),
    issuer: compact({
      name: textOf(issuer?.name, lang),
      id: issuerId,
      url: stringAt(issuer?.url),
      email: stringAt(issuer?.email),
      description: textOf(issuer?.description, lang, LONG),
    }),
    recipient: {
      ...compact({ id: ob2 ? undefined : idAt(subject?.id), name: ob2 ? undefined : textOf(subject?.name, lang) }),
      identifiers: identifiersOf(subject, ob2),
    },
    issuedAt: validFrom,
    validFrom,
    validUntil: ob2 ? dateAt(credential.expires) : (dateAt(credential.validUntil) ?? dateAt(credential.expirationDate)),
    awardedAt: ob2 ? null : dateAt(credential.awardedDate),
    alignments: alignmentsOf(achievement?.alignment, lang),
    evidence: evidenceOf(credential.evidence, lang),
    results: ob2 ? [] : resultsOf(subject, achievement, lang),
    endorsements: endorsementsOf(endorsements, lang),
    ...compact({
      description: textOf(achievement?.description, lang, LONG) ?? textOf(credential.description, lang, LONG),
      achievementType: stringAt(achievement?.achievementType),
      achievementId: idAt(achievement?.id),
      criteriaNarrative: textOf(criteria?.narrative, lang, LONG),
      criteriaUrl: idAt(criteria?.id),
      credits: typeof credits === 'number' || typeof credits === 'string' ? String(credits) : undefined,
      language: stringAt(achievement?.inLanguage),
      fieldOfStudy: textOf(achievement?.fieldOfStudy, lang),
    }),
  };
}
