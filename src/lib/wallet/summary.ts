/**
 * The store's summary of a parsed credential: title, issuer, dates, an embedded image (data: URI
 * only, never fetched) and the text a search runs over. Pure and total: a credential of an odd
 * shape gives empty fields, never an exception.
 */
import type { CredentialFormat, JsonObject, ParsedCredential } from '../model/credential.ts';
import type { CredentialReading } from '../model/reading.ts';
import type { BadgeSummary } from '../store/types.ts';
import { allTextOf, dateAt, idAt, imageDataUriOf, objectAt, stringAt, textOf } from '../formats/text.ts';
import { marksOf } from './marks.ts';

export interface CredentialSummary {
  readonly summary: BadgeSummary;
  readonly credentialId: string | null;
  readonly imageDataUri?: string;
}

/** Largest search text kept per badge. */
const MAX_SEARCH = 8000;

export const isOb2 = (format: CredentialFormat): boolean => format === 'ob2-hosted' || format === 'ob2-signed';

/** The parts every view reads, whichever format the credential came in. */
export interface CredentialParts {
  /** The OB 3.0 Achievement or the OB 2.0 BadgeClass (when embedded). */
  readonly achievement: JsonObject | undefined;
  /** The issuer Profile object (when embedded). */
  readonly issuer: JsonObject | undefined;
  readonly issuerId: string | undefined;
  /** OB 3.0 credentialSubject, or the OB 2.0 assertion itself. */
  readonly subject: JsonObject | undefined;
}

export function partsOf(credential: JsonObject, format: CredentialFormat): CredentialParts {
  if (isOb2(format)) {
    const achievement = objectAt(credential.badge);
    const issuer = objectAt(achievement?.issuer);
    return { achievement, issuer, issuerId: idAt(achievement?.issuer), subject: credential };
  }
  const subject = objectAt(credential.credentialSubject);
  return {
    achievement: objectAt(subject?.achievement),
    issuer: objectAt(credential.issuer),
    issuerId: idAt(credential.issuer),
    subject,
  };
}

export function titleOf(credential: JsonObject, format: CredentialFormat, lang?: string): string {
  const { achievement } = partsOf(credential, format);
  if (format === 'clr2-di' || format === 'clr2-jwt') return textOf(credential.name, lang) ?? textOf(achievement?.name, lang) ?? '';
  return textOf(achievement?.name, lang) ?? textOf(credential.name, lang) ?? '';
}

function imageOf(credential: JsonObject, parts: CredentialParts, format: CredentialFormat): string | undefined {
  if (isOb2(format)) return imageDataUriOf(credential.image) ?? imageDataUriOf(parts.achievement?.image);
  return imageDataUriOf(parts.achievement?.image) ?? imageDataUriOf(credential.image);
}

/**
 * The summary of what was signed (the credential's one reading). A credential that could not be
 * read has an empty summary: nothing from its JSON layout is shown as if it had been checked.
 */
export function summarize(parsed: ParsedCredential, reading: CredentialReading | undefined): CredentialSummary {
  const { format } = parsed;
  const credential = reading?.document ?? {};
  const parts = partsOf(credential, format);
  const ob2 = isOb2(format);
  const issuerName = textOf(parts.issuer?.name) ?? '';
  const title = titleOf(credential, format);
  const issuedAt = ob2 ? dateAt(credential.issuedOn) : dateAt(credential.validFrom) ?? dateAt(credential.issuanceDate) ?? dateAt(credential.awardedDate);
  const expiresAt = ob2 ? dateAt(credential.expires) : dateAt(credential.validUntil) ?? dateAt(credential.expirationDate);
  const criteria = objectAt(parts.achievement?.criteria);
  const searchText = [
    allTextOf(parts.achievement?.name),
    allTextOf(credential.name),
    issuerName,
    allTextOf(parts.achievement?.description),
    allTextOf(credential.description),
    allTextOf(criteria?.narrative),
    stringAt(parts.achievement?.achievementType) ?? '',
  ]
    .filter((s) => s !== '')
    .join(' ')
    .slice(0, MAX_SEARCH);
  const image = imageOf(credential, parts, format);
  return {
    summary: { title, issuerName, issuerId: parts.issuerId ?? '', issuedAt, expiresAt, searchText, marks: marksOf(credential) },
    credentialId: idAt(credential.id) ?? null,
    ...(image === undefined ? {} : { imageDataUri: image }),
  };
}
