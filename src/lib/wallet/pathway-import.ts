/**
 * Bringing a pathway into the wallet: from text (a file), from a link (fetched only after the user
 * agreed, by the caller), and the demo pathways the app serves itself. The document is read by its
 * content: a Tsumiki pathway (v1), a Credential Engine CTDL pathway graph (converted by
 * importCtdl, what it cannot express kept in the document's `unsupported`), or a CLR 2.0 record
 * (one pathway per whole its associations name). Each is checked (parsePathway) and stored in its
 * checked form (pathwayToJson), replacing one with the same id.
 */
import { decodeJws } from '../formats/jws.ts';
import { parseJson } from '../formats/json.ts';
import type { JsonObject, JsonValue } from '../model/credential.ts';
import { importCtdl, isCtdlPathway, MAX_CTDL_TEXT, parsePathway, pathwaysFromClr, pathwayToJson, type CtdlErrorCode, type LangMap, type Pathway, type PathwayError } from '../stack/index.ts';
import type { WalletDb } from '../store/db.ts';
import { putPathway, type PathwaySource } from '../store/pathways.ts';

export type PathwayImport =
  | {
      readonly ok: true;
      readonly id: string;
      readonly title: LangMap;
      readonly status: 'added' | 'replaced';
      /** Converted from: a CTDL graph or a CLR record (absent for a Tsumiki pathway). */
      readonly from?: 'ctdl' | 'clr';
      /** How many constructs the conversion could not express (listed on the pathway's page). */
      readonly unsupported: number;
      /** A CLR gives one pathway per whole: how many more than this one were added. */
      readonly more: number;
    }
  | { readonly ok: false; readonly errors: readonly PathwayError[] }
  | { readonly ok: false; readonly ctdl: CtdlErrorCode }
  | { readonly ok: false; readonly clr: 'NO_PATHWAY' }
  | { readonly ok: false; readonly fetch: 'network' | number; readonly registry?: boolean };

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

function docOf(text: string | Uint8Array): JsonValue | undefined {
  try {
    const s = typeof text === 'string' ? text : new TextDecoder('utf-8', { fatal: true }).decode(text);
    const trimmed = s.replace(/^\uFEFF/, '').trim();
    // A CLR as a compact JWS (VC-JWT): its payload.
    if (/^[\w-]+\.[\w-]+\.[\w-]*$/.test(trimmed)) return decodeJws(trimmed).payload;
    return parseJson(trimmed, { maxLength: MAX_CTDL_TEXT, maxDepth: 64 });
  } catch {
    return undefined;
  }
}

function isClr(doc: JsonValue | undefined): doc is JsonObject {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return false;
  const vc = doc.vc;
  const cred = typeof vc === 'object' && vc !== null && !Array.isArray(vc) ? vc : doc;
  const type = cred.type;
  return (Array.isArray(type) ? type : [type]).includes('ClrCredential');
}

async function store(db: WalletDb, pathways: readonly Pathway[], source: PathwaySource, from?: 'ctdl' | 'clr'): Promise<PathwayImport> {
  const [first, ...rest] = pathways;
  if (first === undefined) return { ok: false, clr: 'NO_PATHWAY' };
  const status = await putPathway(db, first.id, pathwayToJson(first), source);
  for (const p of rest) await putPathway(db, p.id, pathwayToJson(p), source);
  return { ok: true, id: first.id, title: first.title, status, ...(from === undefined ? {} : { from }), unsupported: first.unsupported?.length ?? 0, more: rest.length };
}

export async function importPathwayText(db: WalletDb, text: string | Uint8Array, source: PathwaySource): Promise<PathwayImport> {
  const doc = docOf(text);
  const isV1 = typeof doc === 'object' && doc !== null && !Array.isArray(doc) && Object.prototype.hasOwnProperty.call(doc, 'pathwayVersion');
  if (doc !== undefined && !isV1 && isCtdlPathway(doc)) {
    const r = importCtdl(doc);
    return r.ok ? store(db, [r.pathway], source, 'ctdl') : { ok: false, ctdl: r.error.code };
  }
  if (!isV1 && isClr(doc)) {
    // The record's associations as written: a pathway is the learner's choice of goal, never a claim
    // that counts; what counts are badges in the wallet that verify (a CLR's own credentials each on its own).
    const cred = typeof doc.vc === 'object' && doc.vc !== null && !Array.isArray(doc.vc) ? doc.vc : doc;
    const id = typeof cred.id === 'string' ? cred.id : source.kind === 'url' ? source.url : 'clr';
    const derived = pathwaysFromClr(cred).map((p): Pathway => ({ ...p, source: { format: 'clr', id } }));
    return store(db, derived, source, 'clr');
  }
  const checked = parsePathway(text);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  return store(db, [checked.pathway], source);
}

/** The Credential Engine's registry: it does not let browsers on other sites fetch its documents (no CORS). */
export function isCredentialRegistry(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'credentialengineregistry.org' || host.endsWith('.credentialengineregistry.org') || host === 'credreg.net' || host.endsWith('.credreg.net');
  } catch {
    return false;
  }
}

/** A pathway at an https address. Call only after the user agreed to contact that host. */
export async function importPathwayUrl(db: WalletDb, url: string, fetcher: FetchLike = (u, i) => fetch(u, i)): Promise<PathwayImport> {
  let response: Response;
  try {
    response = await fetcher(url, { credentials: 'omit', mode: 'cors', referrerPolicy: 'no-referrer', redirect: 'follow' });
  } catch {
    return { ok: false, fetch: 'network', ...(isCredentialRegistry(url) ? { registry: true } : {}) };
  }
  if (!response.ok) return { ok: false, fetch: response.status, ...(isCredentialRegistry(url) ? { registry: true } : {}) };
  return importPathwayText(db, new Uint8Array(await response.arrayBuffer()), { kind: 'url', url });
}

/** The demo pathways listed in demo/index.json (`pathways`), from the app's own origin. */
export async function addDemoPathways(db: WalletDb, base: string, files: readonly string[]): Promise<PathwayImport[]> {
  const out: PathwayImport[] = [];
  for (const file of files) {
    const path = file.split('/').map(encodeURIComponent).join('/');
    const response = await fetch(new URL(`demo/${path}`, base));
    out.push(response.ok ? await importPathwayText(db, new Uint8Array(await response.arrayBuffer()), { kind: 'demo' }) : { ok: false, fetch: response.status });
  }
  return out;
}

/** True for a link the wallet may fetch a pathway from (https only). */
export function pathwayUrlOf(text: string): URL | null {
  try {
    const u = new URL(text.trim());
    return u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}
