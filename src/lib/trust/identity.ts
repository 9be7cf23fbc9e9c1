/**
 * The `issuer-identity` check: is the issuer who it says it is? A signature bound to the issuer's
 * key proves control of its identifier, never its name. The identity is proven when:
 * - `LISTED`: the identifier is on a trust list the user enabled (valid now), or
 * - `DOMAIN`: the key is bound to a domain (did:web, an https controller document, an OB 2.0 key
 *   and Profile fetched from the issuer's origin, a JWT issuer's /.well-known/jwks.json): what is
 *   proven is control of that domain, not a name.
 * It fails as `LOOKALIKE` when the name the issuer gives itself is a listed entity's name (after
 * NFKC, case folding and whitespace collapsing, in any language) but the issuer is not that entity
 * — the self-made "University of Tokyo". Otherwise it is not checked: `ISSUER_UNKNOWN`.
 */
import type { JsonObject } from '../model/credential.ts';
import type { CredentialReading } from '../model/reading.ts';
import type { Check } from '../model/verification.ts';
import { objectAt } from '../formats/text.ts';
import { domainOf } from '../verify/issuer-identity.ts';
import type { TrustEntry, TrustList, TrustSet } from './model.ts';
import { nameStrings, sameName } from './names.ts';

/** The issuer node of a reading: the credential's `issuer`, an OB 2.0 BadgeClass's. */
function issuerNode(reading: CredentialReading): JsonObject | undefined {
  const d = reading.document;
  return reading.source === 'ob2' ? objectAt(objectAt(d.badge)?.issuer) : objectAt(d.issuer);
}

/** Every name the issuer gives itself, in every language: always a claim. */
export function claimedNames(reading: CredentialReading): string[] {
  return nameStrings(issuerNode(reading)?.name);
}

/** Lists that may be used at `now`: within their validity. */
export function listsInEffect(trust: TrustSet | undefined, now: Date): TrustList[] {
  const t = now.getTime();
  return (trust?.lists ?? []).filter((l) => (l.validFrom === null || Date.parse(l.validFrom) <= t) && (l.validUntil === null || t <= Date.parse(l.validUntil)));
}

/** The entity's name in `lang` when the list gives one, else its first. */
export function entityName(entry: TrustEntry, lang: string | undefined): string {
  return (lang ? entry.namesByLang[lang] : undefined) ?? entry.names[0] ?? entry.id;
}

/** Bindings that prove control of a domain (not a bare key). */
const DOMAIN_BINDINGS = new Set(['resolved', 'jwks']);

function domainProven(keyCheck: Check, issuerId: string): string | undefined {
  const domain = domainOf(issuerId);
  if (!domain || keyCheck.outcome !== 'passed') return undefined;
  const binding = keyCheck.data?.binding;
  // OB 2.0: a key and Profile fetched from the issuer's origin, or the assertion hosted there.
  if (keyCheck.code === 'HOSTED_BY_ISSUER' || (typeof binding === 'string' && DOMAIN_BINDINGS.has(binding)) || (binding === undefined && keyCheck.code === 'KEY_IS_ISSUERS')) return domain;
  return undefined;
}

export function checkIssuerIdentity(reading: CredentialReading, checks: readonly Check[], trust: TrustSet | undefined, now: Date): Check {
  const keyCheck = checks.find((c) => c.id === 'issuer-key');
  const issuerId = reading.badge.issuer.id;
  if (!keyCheck || keyCheck.outcome !== 'passed' || !issuerId) {
    // No key bound to the issuer: no identity can be proven (a failed signature proves none).
    const reason = keyCheck?.outcome === 'not-checked' ? keyCheck.reason : 'not-applicable';
    return { id: 'issuer-identity', outcome: 'not-checked', reason, code: 'PROOF_NOT_VERIFIED' };
  }
  const lists = listsInEffect(trust, now);
  for (const list of lists) {
    const entry = list.entries.find((e) => e.id === issuerId);
    if (entry) {
      return {
        id: 'issuer-identity',
        outcome: 'passed',
        code: 'LISTED',
        data: { list: list.id, kind: list.kind, name: entityName(entry, trust?.lang), asOf: list.asOf, publisher: list.publisher.name ?? list.publisher.id, signed: list.signed, demo: list.demo === true, recognizedFor: entry.recognizedFor },
      };
    }
  }
  const claimed = claimedNames(reading);
  for (const list of lists) {
    const entry = list.entries.find((e) => e.id !== issuerId && sameName(claimed, e.names));
    if (entry) {
      return { id: 'issuer-identity', outcome: 'failed', code: 'LOOKALIKE', data: { name: entityName(entry, trust?.lang), entity: entry.id, list: list.id, kind: list.kind, issuer: issuerId } };
    }
  }
  const domain = domainProven(keyCheck, issuerId);
  if (domain) return { id: 'issuer-identity', outcome: 'passed', code: 'DOMAIN', data: { domain } };
  return { id: 'issuer-identity', outcome: 'not-checked', reason: 'untrusted', code: 'ISSUER_UNKNOWN', data: { issuer: issuerId } };
}

/** The `issuer` object of `verify --json`: who issued it, as far as the checks prove. */
export interface IssuerSummary {
  readonly id: string | null;
  readonly claimedName: string | null;
  readonly proven: 'listed' | 'domain' | 'none';
  readonly domain?: string;
  readonly listedAs?: { readonly name: string; readonly list: string };
  readonly lookalike?: { readonly name: string; readonly id: string };
}

export function issuerSummary(reading: CredentialReading | undefined, checks: readonly Check[]): IssuerSummary {
  const id = reading?.badge.issuer.id ?? null;
  const claimedName = reading?.badge.issuer.name ?? null;
  const identity = checks.find((c) => c.id === 'issuer-identity');
  const domain = id ? domainOf(id) : undefined;
  const base = { id, claimedName, ...(domain ? { domain } : {}) };
  if (identity?.code === 'LISTED') return { ...base, proven: 'listed', listedAs: { name: String(identity.data?.name ?? ''), list: String(identity.data?.list ?? '') } };
  if (identity?.code === 'DOMAIN') return { ...base, proven: 'domain' };
  if (identity?.code === 'LOOKALIKE') return { ...base, proven: 'none', lookalike: { name: String(identity.data?.name ?? ''), id: String(identity.data?.entity ?? '') } };
  return { ...base, proven: 'none' };
}
