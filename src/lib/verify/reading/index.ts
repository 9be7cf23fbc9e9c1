/**
 * The one reading of a credential (model/reading.ts), from what was signed:
 * - VCs (Data Integrity and VC-JWT): the RDF graph jsonld.js builds from the bundled contexts in
 *   safe mode — the same quads the eddsa-rdfc-2022 check canonicalises, so the graph is built once
 *   — read back by `readGraph`; for a VC-JWT the verified claims fill in what a VC 1.1 `vc` claim
 *   leaves to them (`iss`, `jti`, `sub`);
 * - OB 2.0: the assertion as signed (JWS payload) or as hosted (the fetched copy), its BadgeClass
 *   as signed or fetched, and the issuer Profile only as fetched from its own IRI.
 * Anything a holder could write two ways that would read differently is refused as ambiguous.
 */
import jsonld from 'jsonld';
import { asArray, idOf, isJsonObject, typesOf } from '../../formats/json.ts';
import { decodeJws } from '../../formats/jws.ts';
import { objectAt, textOf } from '../../formats/text.ts';
import type { CredentialFormat, JsonObject, JsonValue, ParsedCredential } from '../../model/credential.ts';
import type { BadgeReading, CredentialReading, RecipientReading, StatusReading } from '../../model/reading.ts';
import { contextLoader } from '../loader.ts';
import { AmbiguousReadingError, readGraph, VC_CLASS, type Quad } from './graph.ts';
import { isoOf, ob2Instant, vcInstant } from './dates.ts';

export { AmbiguousReadingError } from './graph.ts';
export type { Quad } from './graph.ts';

/** The toRDF options eddsa-rdfc-2022 and ecdsa-rdfc-2019 canonicalise with (their `canonize`). */
export const RDF_OPTIONS = { documentLoader: contextLoader, base: null, safe: true, rdfDirection: 'i18n-datatype', produceGeneralizedRdf: false } as const;

/** A secured document without its proofs: what the proofs sign. */
export function unsecured(document: JsonObject): JsonObject {
  const { proof: _proof, ...rest } = document;
  return rest;
}

/** The RDF dataset of a JSON-LD document (throws the loader's or jsonld.js's errors). */
export async function quadsOf(document: JsonObject, safe = true): Promise<Quad[]> {
  return (await jsonld.toRDF(document, { ...RDF_OPTIONS, safe })) as Quad[]; // why: toRDF without `format` returns RDF/JS quads
}

export const isOb2Format = (format: CredentialFormat): boolean => format === 'ob2-hosted' || format === 'ob2-signed';

/** A property that must have at most one value; an array of several is refused. */
function single(o: JsonObject | undefined, key: string): JsonValue | undefined {
  const v = o?.[key];
  if (Array.isArray(v)) {
    if (v.length > 1) throw new AmbiguousReadingError(`${key} has ${v.length} values`);
    return v[0];
  }
  return v;
}

/**
 * A name: one string, or one string per language. A graph may give a node several names in no
 * language (the issuer signed them all); they are shown together, never one chosen silently.
 */
function nameOf(o: JsonObject | undefined, key = 'name'): string | null {
  const v = o?.[key];
  const plain = asArray(v).filter((x): x is string => typeof x === 'string');
  // Clipped as one name is: a hostile credential may carry megabytes of names.
  if (plain.length > 1) return textOf(plain.join(' / ')) ?? null;
  return textOf(v) ?? null;
}

function statusOf(document: JsonObject): StatusReading[] {
  return asArray(document.credentialStatus).filter(isJsonObject).map((entry) => {
    const index = single(entry, 'statusListIndex');
    const n = typeof index === 'number' ? index : typeof index === 'string' && /^\d{1,15}$/.test(index) ? Number(index) : null;
    const purpose = single(entry, 'statusPurpose');
    return {
      type: typesOf(entry),
      purpose: typeof purpose === 'string' ? purpose : null,
      url: idOf(single(entry, 'statusListCredential')) ?? idOf(entry) ?? null,
      index: n,
    };
  });
}

function identitiesOf(o: JsonObject, typeKey: string, valueKey: string): RecipientReading['identities'] {
  const value = single(o, valueKey);
  if (typeof value !== 'string') return [];
  const type = single(o, typeKey);
  const salt = single(o, 'salt');
  return [{ type: typeof type === 'string' ? type : '', identity: value, hashed: single(o, 'hashed') === true || single(o, 'hashed') === 'true', salt: typeof salt === 'string' ? salt : '' }];
}

function recipientOf(document: JsonObject, ob2: boolean): RecipientReading | null {
  if (ob2) {
    const r = objectAt(document.recipient);
    return r ? { id: null, identities: identitiesOf(r, 'type', 'identity') } : null;
  }
  // A subject the graph says nothing else about is read as its IRI: its id is the recipient's.
  const subjects = asArray(document.credentialSubject);
  const described = subjects.filter(isJsonObject);
  const id = subjects.map((s) => idOf(s)).find((x) => x !== undefined) ?? null;
  if (id === null && described.length === 0) return null;
  const identities = described.flatMap((s) => asArray(s.identifier).filter(isJsonObject).flatMap((i) => identitiesOf(i, 'identityType', 'identityHash')));
  return { id, identities };
}

/**
 * A date from the first of `keys` present. Several values of one (a graph may hold two expiry
 * dates) give the earliest, or with `latest` the latest: the strictest reading, as the
 * validity check applies every one of them.
 */
function dateOf(document: JsonObject, keys: readonly string[], ob2: boolean, latest = false): string | null {
  for (const key of keys) {
    const values = asArray(document[key]);
    if (values.length === 0) continue;
    // A value that is not a date makes the result NaN, which isoOf reads as null: no date.
    const times = values.map((v) => (ob2 ? ob2Instant(v) : vcInstant(v)) ?? NaN);
    return isoOf((latest ? Math.max : Math.min)(...times));
  }
  return null;
}

/** A VC's achievement. A VC may be about several subjects; a badge's achievement is on the one that has it. */
function vcAchievement(document: JsonObject, clr: boolean): JsonObject | undefined {
  const subjects = asArray(document.credentialSubject).filter(isJsonObject);
  const subject = subjects.find((s) => s.achievement !== undefined) ?? subjects[0];
  // A CLR's subject lists many achievements: the record's own name is its title.
  return clr ? objectAt(subject?.achievement) : objectAt(single(subject, 'achievement'));
}

/** The contract fields, from the document. Throws AmbiguousReadingError. */
export function badgeOf(document: JsonObject, format: CredentialFormat): BadgeReading {
  const ob2 = isOb2Format(format);
  const clr = format === 'clr2-di' || format === 'clr2-jwt';
  const achievement = ob2 ? objectAt(single(document, 'badge')) : vcAchievement(document, clr);
  const issuerValue = ob2 ? single(achievement, 'issuer') : single(document, 'issuer');
  const issuer = objectAt(issuerValue);
  const achievementName = nameOf(achievement);
  const title = (clr ? nameOf(document) ?? achievementName : achievementName ?? nameOf(document)) ?? '';
  const achievementType = asArray(achievement?.achievementType).find((t) => typeof t === 'string');
  const validFrom = ob2 ? null : dateOf(document, ['validFrom', 'issuanceDate'], false, true);
  return {
    title,
    issuer: { id: idOf(issuerValue) ?? null, name: nameOf(issuer) },
    achievement: { id: idOf(achievement) ?? null, name: achievementName, type: typeof achievementType === 'string' ? achievementType : null },
    issued: ob2 ? dateOf(document, ['issuedOn'], true) : dateOf(document, ['awardedDate', 'validFrom', 'issuanceDate'], false),
    validFrom: ob2 ? dateOf(document, ['issuedOn'], true, true) : validFrom,
    validUntil: dateOf(document, ob2 ? ['expires'] : ['validUntil', 'expirationDate'], ob2),
    recipient: recipientOf(document, ob2),
    status: ob2 ? [] : statusOf(document),
  };
}

/** VC-JWT claims that stand in for credential properties (VC-JWT 1.1 §6.3.1), where the credential leaves them out. */
function withJwtClaims(document: JsonObject, parsed: ParsedCredential): JsonObject {
  if (parsed.jws === undefined) return document;
  const { payload } = decodeJws(parsed.jws);
  const out: JsonObject = { ...document };
  if (out.issuer === undefined && typeof payload.iss === 'string') out.issuer = payload.iss;
  if (out.id === undefined && typeof payload.jti === 'string') out.id = payload.jti;
  const subject = objectAt(out.credentialSubject);
  if (subject && subject.id === undefined && typeof payload.sub === 'string' && !Array.isArray(out.credentialSubject)) out.credentialSubject = { ...subject, id: payload.sub };
  return out;
}

export interface GraphReading {
  readonly quads: Quad[];
  readonly reading: CredentialReading;
}

/**
 * Read a VC from its graph. Throws the loader's UnknownContextError, jsonld.js's ValidationError
 * (safe mode: a term no context defines), or AmbiguousReadingError.
 */
export async function readVc(parsed: ParsedCredential): Promise<GraphReading> {
  // A VC-JWT signs its bytes, not a graph: a term no context defines is not read, but it does not
  // make the JWT unreadable. A Data Integrity proof signs the graph, so there it must be refused.
  const quads = await quadsOf(unsecured(parsed.credential), parsed.jws === undefined);
  const written = parsed.credential.id ?? parsed.credential['@id'];
  const document = withJwtClaims(readGraph(quads, VC_CLASS, typeof written === 'string' ? written : undefined), parsed);
  return { quads, reading: { source: 'graph', document, badge: badgeOf(document, parsed.format) } };
}

/** The OB 2.0 documents a reading may use: each as signed, hosted or fetched from its own IRI. */
export interface Ob2Documents {
  /** The assertion as signed (JWS payload) or as hosted (the fetched copy). */
  readonly assertion: JsonObject;
  /** The BadgeClass as signed (embedded in a signed assertion) or fetched. */
  readonly badgeClass?: JsonObject | undefined;
  /** The issuer Profile as fetched from its own IRI. */
  readonly issuer?: JsonObject | undefined;
}

/**
 * Read an OB 2.0 assertion. An embedded issuer Profile is the signer's word about itself: only
 * its id is kept unless the Profile was fetched from that id. (An assertion that could not be
 * fetched or checked is read as given; its verdict says it was not checked.)
 */
export function readOb2(docs: Ob2Documents, format: CredentialFormat): CredentialReading {
  const { assertion } = docs;
  const embedded = objectAt(assertion.badge);
  const badgeId = idOf(assertion.badge);
  // The BadgeClass as the signed payload or the hosted copy embeds it, when it was not fetched.
  const badgeClass = docs.badgeClass ?? embedded ?? (badgeId ? { id: badgeId } : undefined);
  const issuerId = idOf(docs.issuer) ?? idOf(badgeClass?.issuer);
  const issuer = docs.issuer ?? (issuerId ? { id: issuerId } : undefined);
  const document: JsonObject = { ...assertion, ...(badgeClass ? { badge: { ...badgeClass, ...(issuer ? { issuer } : {}) } } : {}) };
  return { source: 'ob2', document, badge: badgeOf(document, format) };
}
