/**
 * Pathway documents (issue 6), kept in the `meta` table under `pathway:<id>` (no schema version
 * needed; encrypted backups carry them with the settings). The store does not read pathways: the
 * caller checks a document (src/lib/stack parsePathway) and hands over its id and its JSON.
 */
import type { JsonObject, JsonValue } from '../model/credential.ts';
import type { WalletDb } from './db.ts';
import { guarded, writeTransaction } from './errors.ts';
import type { MetaRow } from './types.ts';

export const PATHWAY_PREFIX = 'pathway:';

/** Where a pathway came from: the demo set, a file, or a link (with its address). */
export type PathwaySource = { readonly kind: 'demo' } | { readonly kind: 'file'; readonly name: string } | { readonly kind: 'url'; readonly url: string };

export interface StoredPathway {
  readonly key: string;
  /** The pathway's own id. */
  readonly id: string;
  /** The document as imported (parsed JSON). */
  readonly doc: JsonObject;
  readonly addedAt: string;
  readonly source: PathwaySource;
}

const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function sourceOf(v: JsonValue | undefined): PathwaySource {
  if (isObject(v) && v.kind === 'url' && typeof v.url === 'string') return { kind: 'url', url: v.url };
  if (isObject(v) && v.kind === 'file' && typeof v.name === 'string') return { kind: 'file', name: v.name };
  return { kind: 'demo' };
}

/** A meta row as a stored pathway; null for any other row or a damaged one. */
export function pathwayOfRow(row: MetaRow): StoredPathway | null {
  if (!row.key.startsWith(PATHWAY_PREFIX) || !isObject(row.value)) return null;
  const { doc, addedAt, source } = row.value;
  if (!isObject(doc) || typeof addedAt !== 'string') return null;
  return { key: row.key, id: row.key.slice(PATHWAY_PREFIX.length), doc, addedAt, source: sourceOf(source) };
}

function rowOf(p: Omit<StoredPathway, 'key'>): MetaRow {
  return { key: PATHWAY_PREFIX + p.id, value: { doc: p.doc, addedAt: p.addedAt, source: { ...p.source } } };
}

/** Every stored pathway, oldest first. */
export async function listPathways(db: WalletDb): Promise<StoredPathway[]> {
  const rows = await guarded('read', () => db.meta.where('key').startsWith(PATHWAY_PREFIX).toArray());
  return rows.flatMap((r) => pathwayOfRow(r) ?? []).sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
}

/** Adds a pathway, or replaces the one with the same id (keeping its place). Returns whether it replaced one. */
export function putPathway(db: WalletDb, id: string, doc: JsonObject, source: PathwaySource): Promise<'added' | 'replaced'> {
  return writeTransaction(db, 'update', [db.meta], async () => {
    const old = await db.meta.get(PATHWAY_PREFIX + id);
    const before = old === undefined ? null : pathwayOfRow(old);
    await db.meta.put(rowOf({ id, doc, addedAt: before?.addedAt ?? db.now().toISOString(), source }));
    return before === null ? 'added' : 'replaced';
  });
}

/** Removes a pathway; returns it (to put back on Undo), or null when it was not there. */
export function deletePathway(db: WalletDb, id: string): Promise<StoredPathway | null> {
  return writeTransaction(db, 'update', [db.meta], async () => {
    const row = await db.meta.get(PATHWAY_PREFIX + id);
    if (row === undefined) return null;
    await db.meta.delete(row.key);
    return pathwayOfRow(row);
  });
}

/** Puts a removed pathway back as it was. */
export function restorePathway(db: WalletDb, p: StoredPathway): Promise<void> {
  return writeTransaction(db, 'update', [db.meta], async () => {
    await db.meta.put(rowOf(p));
  });
}
