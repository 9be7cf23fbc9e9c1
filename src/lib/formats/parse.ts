/**
 * Bytes → credentials. Detection is by content, never by file name: PNG signature, SVG/XML,
 * JSON, compact JWS, URL, and (asynchronously, `parseInputAsync`) a PDF with attached files. Baked images and presentations are unwrapped; the exact bytes of each
 * credential are kept. Everything that is not a readable credential throws a coded TsumikiError.
 */
import { TsumikiError } from '../errors.ts';
import type { BakedInfo, Container, CredentialFormat, JsonObject, JsonValue, ParsedCredential, ParsedInput } from '../model/credential.ts';
import { extractFromPng, isPng } from './baked/png.ts';
import { extractFromSvg, looksLikeSvg } from './baked/svg.ts';
import { asArray, isJsonObject, parseJsonObject, typesOf } from './json.ts';
import { decodeJws, JWS_PATTERN } from './jws.ts';
import { isPdf } from './pdf.ts';

/** Largest input read at all (a baked PNG with a photo is a few MB; credentials are a few kB). */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/**
 * Most credentials one presentation may hold. Each is verified on its own (JSON-LD, signatures,
 * status), so the work grows with the count: a wallet shares a handful, a transcript a few dozen.
 * Checked before any credential is read.
 */
export const MAX_PRESENTATION_CREDENTIALS = 100;

export type ParseOutcome =
  | { readonly kind: 'credentials'; readonly input: ParsedInput }
  | { readonly kind: 'url'; readonly url: string; readonly baked?: BakedInfo };

const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';
const URL_PATTERN = /^https?:\/\/[^\s"'<>]+$/;

interface Origin {
  readonly container: Container;
  readonly baked?: BakedInfo;
}

export function isOb2Assertion(obj: JsonObject): boolean {
  return typesOf(obj).includes('Assertion') && (asArray(obj['@context']).includes(OB2_CONTEXT) || ('badge' in obj && 'recipient' in obj));
}

/** An OB 2.0 document that is not an assertion (BadgeClass, Profile, key, list): readable, but not a badge one holds. */
function isOb2Other(obj: JsonObject): boolean {
  return asArray(obj['@context']).includes(OB2_CONTEXT) && !typesOf(obj).includes('Assertion');
}

function ob2Format(obj: JsonObject): CredentialFormat {
  const v = obj.verification ?? obj.verify;
  const type = isJsonObject(v) ? String(v.type ?? '') : '';
  // The OB 2.0 context's two words for it (`signed`, `SignedBadge`, and its full IRI); anything else is hosted.
  return /^(?:signed|SignedBadge|https:\/\/w3id\.org\/openbadges#SignedBadge)$/.test(type) ? 'ob2-signed' : 'ob2-hosted';
}

function vcFormat(obj: JsonObject, jwt: boolean): CredentialFormat {
  const clr = typesOf(obj).includes('ClrCredential');
  return clr ? (jwt ? 'clr2-jwt' : 'clr2-di') : jwt ? 'ob3-jwt' : 'ob3-di';
}

const encoder = new TextEncoder();

function credentialFromObject(obj: JsonObject, bytes: Uint8Array, origin: Origin, index?: number): ParsedCredential {
  const base = { container: origin.container, credential: obj, bytes, ...(origin.baked ? { baked: origin.baked } : {}), ...(index === undefined ? {} : { index }) };
  if (isOb2Assertion(obj)) return { ...base, format: ob2Format(obj) };
  if (typesOf(obj).includes('VerifiableCredential')) return { ...base, format: vcFormat(obj, false) };
  if (isOb2Other(obj)) {
    throw new TsumikiError('NOT_A_CREDENTIAL', `an OB 2.0 ${typesOf(obj).join(',') || 'document'}, not an Assertion`, { data: { type: typesOf(obj).join(',') } });
  }
  throw new TsumikiError('NOT_A_CREDENTIAL', 'JSON is neither an OB 2.0 Assertion nor a Verifiable Credential', {
    data: { type: typesOf(obj).join(',') },
  });
}

function credentialFromJws(jws: string, origin: Origin, index?: number): ParsedCredential | ParsedInput {
  const { payload } = decodeJws(jws);
  const bytes = encoder.encode(jws);
  const extra = { ...(origin.baked ? { baked: origin.baked } : {}), ...(index === undefined ? {} : { index }) };
  if (isJsonObject(payload.vp) || typesOf(payload).includes('VerifiablePresentation')) {
    const vp = isJsonObject(payload.vp) ? payload.vp : payload;
    return fromPresentation(vp, jws);
  }
  const container: Container = origin.container === 'json' ? 'jws' : origin.container;
  if (isJsonObject(payload.vc)) return { format: vcFormat(payload.vc, true), container, credential: payload.vc, jws, bytes, ...extra };
  if (typesOf(payload).includes('VerifiableCredential')) return { format: vcFormat(payload, true), container, credential: payload, jws, bytes, ...extra };
  if (isOb2Assertion(payload)) return { format: 'ob2-signed', container, credential: payload, jws, bytes, ...extra };
  throw new TsumikiError('NOT_A_CREDENTIAL', 'the JWS payload is not a credential');
}

/** The compact JWS of a VC 2.0 EnvelopedVerifiableCredential (`id: data:application/vc+jwt,<JWS>`), if it is one. */
function envelopedJws(item: JsonObject): string | undefined {
  if (!typesOf(item).includes('EnvelopedVerifiableCredential') || typeof item.id !== 'string') return undefined;
  const m = /^data:application\/(?:vc\+)?jwt,(.*)$/.exec(item.id);
  return m && JWS_PATTERN.test(m[1] as string) ? m[1] : undefined; // why: the group always matches
}

function fromPresentation(vp: JsonObject, jws?: string): ParsedInput {
  const items = asArray(vp.verifiableCredential);
  if (items.length === 0) throw new TsumikiError('PRESENTATION_EMPTY', 'the presentation holds no credential');
  if (items.length > MAX_PRESENTATION_CREDENTIALS) {
    throw new TsumikiError('PRESENTATION_TOO_MANY', `the presentation holds ${items.length} credentials; at most ${MAX_PRESENTATION_CREDENTIALS} are checked`, {
      data: { count: items.length, limit: MAX_PRESENTATION_CREDENTIALS },
    });
  }
  const credentials = items.map((item, index) => credentialFromItem(item, { container: 'presentation' }, index));
  return { credentials, presentation: vp, ...(jws === undefined ? {} : { presentationJws: jws }) };
}

/** One credential held by another object: a credential object, a compact JWS, or an EnvelopedVerifiableCredential. */
function credentialFromItem(item: JsonValue, origin: Origin, index: number): ParsedCredential {
  const jws = typeof item === 'string' && JWS_PATTERN.test(item.trim()) ? item.trim() : isJsonObject(item) ? envelopedJws(item) : undefined;
  if (jws !== undefined) {
    const parsed = credentialFromJws(jws, origin, index);
    if ('credentials' in parsed) throw new TsumikiError('NOT_A_CREDENTIAL', 'a presentation inside a presentation');
    return parsed;
  }
  if (isJsonObject(item)) return credentialFromObject(item, encoder.encode(JSON.stringify(item)), origin, index);
  throw new TsumikiError('NOT_A_CREDENTIAL', `item ${index} is not a credential`);
}

/**
 * A credential embedded in another one (a CLR 2.0 `verifiableCredential`, an OB 3.0 `endorsement`
 * or `endorsementJwt`), to be verified on its own. Throws NOT_A_CREDENTIAL for anything else.
 */
export function parseEmbedded(item: JsonValue, index: number): ParsedCredential {
  return credentialFromItem(item, { container: 'json' }, index);
}

function classifyText(raw: string, origin: Origin): ParseOutcome {
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (text.length === 0) throw new TsumikiError('INPUT_EMPTY', 'the input is empty');
  if (text.startsWith('{') || text.startsWith('[')) {
    const obj = parseJsonObject(text);
    if (typesOf(obj).includes('VerifiablePresentation')) return { kind: 'credentials', input: fromPresentation(obj) };
    // A VC 2.0 EnvelopedVerifiableCredential on its own: the credential is the JWS it carries.
    const enveloped = envelopedJws(obj);
    if (enveloped !== undefined) {
      const parsed = credentialFromJws(enveloped, origin);
      return { kind: 'credentials', input: 'credentials' in parsed ? parsed : { credentials: [parsed] } };
    }
    return { kind: 'credentials', input: { credentials: [credentialFromObject(obj, encoder.encode(text), origin)] } };
  }
  if (JWS_PATTERN.test(text)) {
    const parsed = credentialFromJws(text, origin);
    return { kind: 'credentials', input: 'credentials' in parsed ? parsed : { credentials: [parsed] } };
  }
  if (URL_PATTERN.test(text)) return origin.baked ? { kind: 'url', url: text, baked: origin.baked } : { kind: 'url', url: text };
  if (origin.container === 'json' && looksLikeSvg(text)) return parseSvgText(text);
  throw new TsumikiError('FORMAT_UNRECOGNIZED', 'not JSON, a JWS, a URL, a PNG or an SVG');
}

function parseSvgText(text: string): ParseOutcome {
  const found = extractFromSvg(text);
  const baked: BakedInfo = { image: 'svg', carrier: found.element, keyword: found.namespace, compressed: false, via: found.via };
  return classifyText(found.text, { container: 'svg', baked });
}

/** Parse one input. Throws TsumikiError with a specific code for anything unreadable. */
export function parseInput(bytes: Uint8Array): ParseOutcome {
  // Empty input is neither a PNG nor a PDF: it decodes to '' and classifyText says INPUT_EMPTY.
  if (bytes.byteLength > MAX_INPUT_BYTES) {
    throw new TsumikiError('INPUT_TOO_LARGE', `input of ${bytes.byteLength} bytes exceeds ${MAX_INPUT_BYTES}`, {
      data: { bytes: bytes.byteLength, limit: MAX_INPUT_BYTES },
    });
  }
  if (isPng(bytes)) {
    const found = extractFromPng(bytes);
    const baked: BakedInfo = { image: 'png', carrier: found.chunk, keyword: found.keyword, compressed: found.compressed };
    return classifyText(found.text, { container: 'png', baked });
  }
  if (isPdf(bytes)) throw new TsumikiError('FORMAT_UNRECOGNIZED', 'a PDF: its attached files are read by parseInputAsync');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TsumikiError('FORMAT_UNRECOGNIZED', 'binary data that is not a PNG');
  }
  return classifyText(text, { container: 'json' });
}

/**
 * Parse one input, a PDF certificate included: each file attached to the PDF is parsed as if it
 * had been given on its own (a PDF inside a PDF is refused), and the credentials of all of them
 * are returned in order, each carrying its file as `attachment`. pdf-lib is loaded only for a PDF.
 * Throws what `parseInput` throws, and PDF_MALFORMED / PDF_NO_CREDENTIAL.
 */
export async function parseInputAsync(bytes: Uint8Array): Promise<ParseOutcome> {
  if (bytes.byteLength > MAX_INPUT_BYTES || !isPdf(bytes)) return parseInput(bytes);
  const { readPdfAttachments } = await import('./pdf-read.ts');
  const files = await readPdfAttachments(bytes);
  const credentials: ParsedCredential[] = [];
  for (const file of files) {
    if (isPdf(file.bytes)) throw new TsumikiError('PDF_MALFORMED', `the attached file ${JSON.stringify(file.name)} is itself a PDF`);
    const outcome = parseInput(file.bytes);
    // A badge baked with only its link (OB 2.0 hosted): fetched like the image on its own would be.
    if (outcome.kind === 'url') {
      if (files.length === 1) return outcome;
      throw new TsumikiError('NOT_A_CREDENTIAL', `the attached file ${JSON.stringify(file.name)} holds only a link`);
    }
    if (outcome.input.presentation !== undefined || outcome.input.credentials.length !== 1) {
      throw new TsumikiError('NOT_A_CREDENTIAL', `the attached file ${JSON.stringify(file.name)} is not one credential`);
    }
    // One credential per file, and readPdfAttachments refuses more than MAX_PDF_ATTACHMENTS files (not above
    // MAX_PRESENTATION_CREDENTIALS; a test holds them so): a PDF never carries more than a presentation may.
    for (const c of outcome.input.credentials) credentials.push({ ...c, attachment: { name: file.name, mime: file.mime, bytes: file.bytes } });
  }
  return { kind: 'credentials', input: { credentials } };
}
