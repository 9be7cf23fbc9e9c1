/** The words a pathway view needs for ids and codes, from the app's language and the wallet's rows. */
import type { StackBadge } from '../lib/stack/index.ts';
import type { StoredBadge } from '../lib/store/types.ts';
import type { I18n } from './state/I18n.svelte.ts';
import { badgeIdOf, type Lookup } from './pathway-view.ts';

export function lookupOf(i18n: I18n, rows: readonly StoredBadge[] | null, badges: readonly StackBadge[] | null): Lookup {
  const titles = new Map<string, string>();
  for (const r of rows ?? []) if (r.summary.title) titles.set(r.id, r.summary.title);
  const facts = new Map<string, StackBadge>();
  const issuers = new Map<string, string>();
  for (const b of badges ?? []) {
    facts.set(b.key, b);
    const name = b.issuer.names[0];
    if (b.issuer.id !== null && name !== undefined && !issuers.has(b.issuer.id)) issuers.set(b.issuer.id, name);
  }
  const lang = i18n.lang;
  const verdicts: Readonly<Record<string, string>> = i18n.v.verdict;
  return {
    lang,
    date: (iso) => i18n.date(iso),
    verdict: (code) => verdicts[code] ?? code,
    issuerName: (id) => issuers.get(id) ?? null,
    badgeTitle: (key) => {
      const inner = key !== badgeIdOf(key) ? facts.get(key) : undefined;
      const own = inner?.titles.find((t) => t.lang?.split('-')[0] === lang) ?? inner?.titles[0];
      return own?.text ?? titles.get(badgeIdOf(key)) ?? facts.get(key)?.titles[0]?.text ?? i18n.t('wallet.untitled');
    },
  };
}
