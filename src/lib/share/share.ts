/**
 * Share and scan: badges → a VerifiablePresentation → a compact payload → QR frames (or one QR,
 * or a deep link), and back. Also the downloads: the presentation as .json, one badge baked into
 * a PNG.
 */
import { TsumikiError } from '../errors.ts';
import { bakePng } from '../formats/baked/png.ts';
import type { JsonObject, ParsedCredential } from '../model/credential.ts';
import { encodeFrames, FrameCollector, type FramePlan, type PlanOptions } from './frames.ts';
import { packPresentation, unpackPresentation } from './pack.ts';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/**
 * What goes into a presentation for one badge: the credential JSON, or for a JWT / OB 2.0 JWS a VC 2.0
 * EnvelopedVerifiableCredential holding the exact JWS in a data: URL (a bare string item has no
 * JSON-LD meaning in a VC 2.0 presentation, so a holder proof could not cover it).
 */
export function presentedItem(c: Pick<ParsedCredential, 'credential' | 'jws' | 'format'>): JsonObject {
  if (c.jws === undefined) return c.credential;
  const type = c.format === 'ob2-signed' ? 'jwt' : 'vc+jwt';
  return { '@context': VC_V2_CONTEXT, id: `data:application/${type},${c.jws}`, type: 'EnvelopedVerifiableCredential' };
}

/**
 * An unsigned VC 2.0 presentation of the given badges (sign it with holder.ts for holder binding).
 * A badge selected twice is presented once: two identical credentials make a symmetric graph that
 * RDF canonicalisation refuses (its "maximum deep iterations" guard), so the holder proof could not be made.
 */
export function presentationOf(badges: readonly Pick<ParsedCredential, 'credential' | 'jws' | 'format'>[], holder?: string): JsonObject {
  if (badges.length === 0) throw new TsumikiError('PRESENTATION_EMPTY', 'no badge was selected');
  const seen = new Set<string>();
  const items = badges.map(presentedItem).filter((item) => {
    const key = JSON.stringify(item);
    return !seen.has(key) && seen.add(key);
  });
  return {
    '@context': [VC_V2_CONTEXT],
    type: ['VerifiablePresentation'],
    ...(holder ? { holder } : {}),
    verifiableCredential: items,
  };
}

export interface SharePackage {
  /** The compact payload (codec byte, length, compressed body). */
  readonly payload: Uint8Array;
  /** Frame texts in order; one text when the presentation fits one QR code. */
  readonly frames: readonly string[];
  readonly plan: FramePlan;
}

/** Encode a presentation as QR frame texts, as few as the plan allows. */
export async function sharePresentation(vp: JsonObject, options: PlanOptions = {}): Promise<SharePackage> {
  const payload = packPresentation(vp);
  const { texts, plan } = await encodeFrames(payload, options);
  return { payload, frames: texts, plan };
}

const ROUTE = '#/verify?data=';

/** A deep link that opens the verify screen on one frame. Percent-escapes only ` `, `%` and `+`, so the data stays in the QR alphanumeric set. */
export function deepLink(base: string, frame: string): string {
  const data = frame.replace(/[ %+]/g, (c) => (c === ' ' ? '%20' : c === '%' ? '%25' : '%2B'));
  return base.replace(/#.*$/, '') + ROUTE + data;
}

/**
 * Longest verify link offered (characters). The data rides in the URL fragment, which browsers
 * never send to a server and hold by the megabyte; this keeps the link pasteable into a message.
 */
export const MAX_LINK_CHARS = 32_768;

/**
 * The verify link of a payload (issue 14: not only when one QR code holds it): frames as large as a
 * frame may be (version 40, about 2,260 bytes each), joined with `,` (not in the base45 alphabet)
 * after `#/verify?data=`. Undefined when it would be longer than MAX_LINK_CHARS.
 */
export async function verifyLink(base: string, payload: Uint8Array): Promise<string | undefined> {
  const { texts } = await encodeFrames(payload, { singleMaxVersion: 40, frameMaxVersion: 40, fewFrames: 1 });
  const link = deepLink(base, texts.join(','));
  return link.length <= MAX_LINK_CHARS ? link : undefined;
}

/** The frame texts of a verify link (one or several), or the text itself when it is not one. */
export function frameTextsOf(text: string): string[] {
  return frameTextOf(text).split(',');
}

/** The frame text of a deep link, or the text itself when it is not one. */
export function frameTextOf(text: string): string {
  const at = text.indexOf(ROUTE);
  if (at < 0) return text;
  const data = text.slice(at + ROUTE.length).split('&')[0] as string; // why: split always yields one element
  try {
    return decodeURIComponent(data);
  } catch {
    throw new TsumikiError('QR_FRAME_INVALID', 'the link data is not percent-encoded text');
  }
}

export interface Scanned {
  readonly presentation: JsonObject;
  /** The presentation as JSON text bytes: what `verifyBytes` takes. */
  readonly bytes: Uint8Array;
  readonly frames: number;
  readonly payloadBytes: number;
}

/** The presentation carried by a collector that is complete. Throws the collector's and the payload's coded errors. */
export async function presentationFromCollector(collector: FrameCollector): Promise<Scanned> {
  const payload = await collector.payload();
  const presentation = unpackPresentation(payload);
  return { presentation, bytes: new TextEncoder().encode(JSON.stringify(presentation)), frames: collector.received, payloadBytes: payload.length };
}

/** Frame texts (or deep links), in any order, duplicates allowed → the presentation. */
export async function presentationFromFrames(texts: Iterable<string>): Promise<Scanned> {
  const collector = new FrameCollector();
  for (const text of texts) for (const frame of frameTextsOf(text)) collector.add(frame);
  return presentationFromCollector(collector);
}

/** The presentation as a .json download. */
export function presentationJson(vp: JsonObject): string {
  return JSON.stringify(vp, null, 2) + '\n';
}

/** One badge baked into its PNG image (OB 3.0 `openbadgecredential`; OB 2.0 `openbadges`), with its exact text. */
export function bakedBadgePng(png: Uint8Array, badge: Pick<ParsedCredential, 'format' | 'bytes' | 'jws'>): Uint8Array {
  const ob2 = badge.format === 'ob2-signed' || badge.format === 'ob2-hosted';
  const text = badge.jws ?? new TextDecoder().decode(badge.bytes);
  return bakePng(png, text, ob2 ? 'openbadges' : 'openbadgecredential');
}
