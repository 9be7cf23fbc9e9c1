/**
 * Bringing a pathway into the wallet: from text (a file), from a link (fetched only after the user
 * agreed, by the caller), and the demo pathways the app serves itself. Each document is checked
 * (parsePathway) and stored in its checked form (pathwayToJson), replacing one with the same id.
 */
import { parsePathway, pathwayToJson, type LangMap, type PathwayError } from '../stack/index.ts';
import type { WalletDb } from '../store/db.ts';
import { putPathway, type PathwaySource } from '../store/pathways.ts';

export type PathwayImport =
  | { readonly ok: true; readonly id: string; readonly title: LangMap; readonly status: 'added' | 'replaced' }
  | { readonly ok: false; readonly errors: readonly PathwayError[] }
  | { readonly ok: false; readonly fetch: 'network' | number };

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export async function importPathwayText(db: WalletDb, text: string | Uint8Array, source: PathwaySource): Promise<PathwayImport> {
  const checked = parsePathway(text);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const { pathway } = checked;
  const status = await putPathway(db, pathway.id, pathwayToJson(pathway), source);
  return { ok: true, id: pathway.id, title: pathway.title, status };
}

/** A pathway at an https address. Call only after the user agreed to contact that host. */
export async function importPathwayUrl(db: WalletDb, url: string, fetcher: FetchLike = (u, i) => fetch(u, i)): Promise<PathwayImport> {
  let response: Response;
  try {
    response = await fetcher(url, { credentials: 'omit', mode: 'cors', referrerPolicy: 'no-referrer', redirect: 'follow' });
  } catch {
    return { ok: false, fetch: 'network' };
  }
  if (!response.ok) return { ok: false, fetch: response.status };
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
