/**
 * The badge image, as bytes for a blob URL (DESIGN: images are shown through `<img>` from a blob
 * URL, where an SVG runs no script). A baked badge is its own image; otherwise an embedded
 * `data:` URI is decoded. Remote image URLs are not fetched here.
 */
import type { WalletDb } from './db.ts';
import { fromBase64, utf8 } from '../util/bytes.ts';
import { guarded } from './errors.ts';

export interface BadgeImage {
  readonly mime: string;
  readonly bytes: Uint8Array;
}

const IMAGE_MIMES = new Set(['image/png', 'image/svg+xml', 'image/jpeg', 'image/gif', 'image/webp']);

/** Decodes a `data:` URI holding an image; null for anything else or anything malformed. */
export function decodeImageDataUri(uri: string): BadgeImage | null {
  const m = /^data:([^,;]+)((?:;[^,;]*)*),(.*)$/su.exec(uri.trim());
  if (m === null) return null;
  const mime = (m[1] ?? '').toLowerCase();
  if (!IMAGE_MIMES.has(mime)) return null;
  const params = (m[2] ?? '').toLowerCase().split(';');
  const data = m[3] ?? '';
  if (params.includes('base64')) {
    const bytes = fromBase64(data.replace(/\s+/gu, ''));
    return bytes === null ? null : { mime, bytes };
  }
  try {
    return { mime, bytes: utf8(decodeURIComponent(data)) };
  } catch {
    return null;
  }
}

export function getImage(db: WalletDb, id: string): Promise<BadgeImage | null> {
  return guarded('read', async () => {
    const [badge, original] = await Promise.all([db.badges.get(id), db.originals.get(id)]);
    if (badge === undefined || original === undefined) return null;
    if (badge.container === 'png') return { mime: 'image/png', bytes: original.bytes };
    if (badge.container === 'svg') return { mime: 'image/svg+xml', bytes: original.bytes };
    return original.imageDataUri === undefined ? null : decodeImageDataUri(original.imageDataUri);
  });
}
