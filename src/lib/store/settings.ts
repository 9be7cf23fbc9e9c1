/**
 * The settings a wallet keeps in `meta`, allow-listed. A restore writes only these, with a value of
 * the right shape; anything else in a backup file (a setting of a newer version, or words someone
 * added to the file) is dropped and counted, never written: a setting is read by the app as its own
 * word, so only the app decides which exist. Dropping rather than refusing keeps the badges of a
 * backup made by a newer version restorable.
 *
 *   lang            'en' | 'ja'                    the interface language (src/ui/context.ts)
 *   pathway:<id>    { doc, addedAt, source }       a pathway document (./pathways.ts)
 *   trust:<id>      { text, source, addedAt, enabled } a trust list as given (./trust.ts)
 *   pin:<issuer id> { name, note, pinnedAt }       "I know this issuer" (./trust.ts)
 */
import { LANGS } from '../i18n/lang.ts';
import { PATHWAY_PREFIX, pathwayOfRow } from './pathways.ts';
import type { MetaRow } from './types.ts';
import { isTrustSetting } from './trust.ts';

export const LANG_SETTING = 'lang';
/** Longest pathway id kept in a key. */
const MAX_PATHWAY_ID = 200;

/** True when `row` is a setting this app keeps, with a value of the shape it reads. */
export function isAllowedSetting(row: MetaRow): boolean {
  if (row.key === LANG_SETTING) return LANGS.some((l) => l === row.value);
  if (row.key.startsWith(PATHWAY_PREFIX)) {
    const id = row.key.slice(PATHWAY_PREFIX.length);
    return id.length > 0 && id.length <= MAX_PATHWAY_ID && pathwayOfRow(row) !== null;
  }
  return isTrustSetting(row);
}
