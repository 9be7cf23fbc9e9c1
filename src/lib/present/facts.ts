/**
 * What a certificate (PDF) or a profile entry (LinkedIn) says about one badge, taken from the same
 * places as every screen: the one reading of what was signed, the checks, the headline and the
 * issuer summary. Pure and total; no pdf-lib here, so the wallet can use it without loading it.
 */
import { headlineDetail, headlineExplanation, headlineLabel } from '../i18n/headline.ts';
import type { Lang } from '../i18n/lang.ts';
import type { CredentialFormat, ParsedCredential } from '../model/credential.ts';
import { headlineOf, type HeadlineOf } from '../model/headline.ts';
import type { CredentialReading } from '../model/reading.ts';
import type { Check } from '../model/verification.ts';
import { decodeImageDataUri, type BadgeImage } from '../store/media.ts';
import type { SummaryMarks } from '../store/types.ts';
import { issuerSummary, type IssuerSummary } from '../trust/identity.ts';
import { isPng } from '../formats/baked/png.ts';
import { textOf } from '../formats/text.ts';
import { marksOf } from '../wallet/marks.ts';
import { partsOf, summarize, titleOf } from '../wallet/summary.ts';

/** The file a certificate carries: the credential exactly as issued (JSON, JWS, baked PNG or SVG). */
export interface CarriedFile {
  readonly name: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

export interface CertificateFacts {
  readonly title: string;
  readonly description: string;
  readonly issuer: IssuerSummary;
  /** The issuer's name as the credential gives it (a claim), in the language asked for when it has several. */
  readonly issuerName: string;
  readonly headline: HeadlineOf;
  /** The headline's label, explanation and specifics, as every screen says them. */
  readonly words: { readonly label: string; readonly explanation: string; readonly detail: string };
  readonly issued: string | null;
  readonly validUntil: string | null;
  readonly marks: SummaryMarks;
  readonly format: CredentialFormat;
  /** The credential's own `id`, when it has one. */
  readonly credentialId: string | null;
  /** When the checks were made (ISO 8601). */
  readonly checkedAt: string;
  /** A PNG or JPEG to print (a baked PNG is its own image; else an embedded data: URI). */
  readonly image?: BadgeImage;
  readonly file: CarriedFile;
}

const isJpegBytes = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const URL_ONLY = /^\s*https?:\/\/\S+\s*$/;

/**
 * The file a certificate carries for a credential that came in `inputBytes`: a file attached to a
 * PDF stays that file; a credential of a presentation is carried alone (its own bytes); a bare link
 * is replaced by what it fetched; anything else is the input itself, byte for byte.
 */
export function carriedBytes(inputBytes: Uint8Array, parsed: Pick<ParsedCredential, 'attachment' | 'container' | 'bytes'>): Uint8Array {
  if (parsed.attachment) return parsed.attachment.bytes;
  if (parsed.container === 'presentation') return parsed.bytes;
  if (inputBytes.length < 4096 && URL_ONLY.test(new TextDecoder().decode(inputBytes))) return parsed.bytes;
  return inputBytes;
}

/** A media type and a file name for carried bytes, by content (and format for JSON and JWS). */
export function carriedFile(bytes: Uint8Array, format: CredentialFormat, stem = 'credential'): CarriedFile {
  if (isPng(bytes)) return { name: `${stem}.png`, mime: 'image/png', bytes };
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return { name: `${stem}.svg`, mime: 'image/svg+xml', bytes };
  const ob2 = format === 'ob2-hosted' || format === 'ob2-signed';
  if (head.startsWith('{') || head.startsWith('[')) return { name: `${stem}.json`, mime: ob2 ? 'application/json' : 'application/vc', bytes };
  return ob2 ? { name: `${stem}.jws`, mime: 'application/jose', bytes } : { name: `${stem}.jwt`, mime: 'application/vc+jwt', bytes };
}

function imageOf(file: Uint8Array, parsed: ParsedCredential, reading: CredentialReading | undefined): BadgeImage | undefined {
  if (isPng(file)) return { mime: 'image/png', bytes: file };
  const uri = summarize(parsed, reading).imageDataUri;
  const image = uri === undefined ? null : decodeImageDataUri(uri);
  if (image === null) return undefined;
  if (image.mime === 'image/png' && isPng(image.bytes)) return image;
  if (image.mime === 'image/jpeg' && isJpegBytes(image.bytes)) return image;
  return undefined;
}

export interface FactsInput {
  /** The bytes the credential came in (a file, a stored original, a PDF). */
  readonly inputBytes: Uint8Array;
  readonly parsed: ParsedCredential;
  readonly reading: CredentialReading | undefined;
  readonly checks: readonly Check[];
  readonly checkedAt: string;
  /** The file's name stem inside the PDF (default `credential`). */
  readonly stem?: string;
}

/** The facts of one badge, in `lang` where the credential gives several languages. */
export function certificateFacts(input: FactsInput, lang: Lang = 'en'): CertificateFacts {
  const { parsed, reading, checks } = input;
  const document = reading?.document ?? {};
  const parts = partsOf(document, parsed.format);
  const headline = headlineOf(checks);
  const bytes = carriedBytes(input.inputBytes, parsed);
  const image = imageOf(bytes, parsed, reading);
  const description = textOf(parts.achievement?.description, lang) ?? textOf(document.description, lang) ?? '';
  return {
    title: titleOf(document, parsed.format, lang) || reading?.badge.title || '',
    description,
    issuer: issuerSummary(reading, checks),
    issuerName: textOf(parts.issuer?.name, lang) ?? reading?.badge.issuer.name ?? '',
    headline,
    words: { label: headlineLabel[lang][headline.headline], explanation: headlineExplanation[lang][headline.headline], detail: headlineDetail(headline, lang) },
    issued: reading?.badge.issued ?? reading?.badge.validFrom ?? null,
    validUntil: reading?.badge.validUntil ?? null,
    marks: marksOf(document),
    format: parsed.format,
    credentialId: typeof document.id === 'string' ? document.id : null,
    checkedAt: input.checkedAt,
    ...(image ? { image } : {}),
    file: carriedFile(bytes, parsed.format, input.stem),
  };
}
