/**
 * Who issued a credential, as far as the checks show. A signature bound to the issuer proves
 * control of the issuer's *identifier* — never its name, which the issuer writes about itself.
 * So the name is always a claim; what can be shown as established is the identifier, and for
 * did:web and https identifiers the domain behind it. A credential that calls itself
 * "University of Tokyo" but whose key is bound to `did:key:…` or `evil.example` says exactly that.
 */
import { idOf, isJsonObject } from '../formats/json.ts';
import type { JsonObject } from '../model/credential.ts';
import type { Check } from '../model/verification.ts';
import { revealText, type RevealedText } from '../text/reveal.ts';

export type IssuerAuthority =
  | 'domain' //  the key is bound to a did:web or https identifier: whoever controls that domain issued it
  | 'key' //     the key is bound to a did:key/did:jwk identifier: a key, with no name or domain behind it
  | 'none'; //   the binding was not shown (offline, fragment or header key, failure)

export interface IssuerIdentity {
  readonly id: string | undefined;
  /** The name the issuer gives itself, with hidden characters revealed: always a claim. */
  readonly claimedName: RevealedText | undefined;
  readonly authority: IssuerAuthority;
  /** The domain behind a did:web or https identifier (shown whether or not it is established). */
  readonly domain: string | undefined;
}

function nameOf(issuer: unknown): string | undefined {
  if (!isJsonObject(issuer)) return undefined;
  const name = issuer.name;
  if (typeof name === 'string') return name;
  // A language map ({"en": …, "ja": …}) or a JSON-LD value object: take the first string.
  if (isJsonObject(name)) return Object.values(name).find((v): v is string => typeof v === 'string');
  return undefined;
}

export function domainOf(id: string | undefined): string | undefined {
  if (!id) return undefined;
  try {
    if (id.startsWith('did:web:')) return decodeURIComponent(id.slice('did:web:'.length).split(':')[0] as string) || undefined; // why: split always yields one element
    const url = new URL(id);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.host : undefined;
  } catch {
    return undefined; // not a URL, or a did:web host with a malformed percent-escape (decodeURIComponent's URIError)
  }
}

/** What the checks establish about an issuer id: its domain, a bare key, or nothing. */
export function authorityOf(id: string | undefined, checks: readonly Check[]): IssuerAuthority {
  const bound = checks.some((c) => c.id === 'issuer-key' && c.outcome === 'passed');
  return !bound ? 'none' : domainOf(id) ? 'domain' : 'key';
}

export function issuerIdentity(credential: JsonObject, checks: readonly Check[], issuerDoc?: JsonObject): IssuerIdentity {
  const issuer = issuerDoc ?? credential.issuer ?? (isJsonObject(credential.badge) ? credential.badge.issuer : undefined);
  const id = idOf(issuer);
  const name = nameOf(issuer);
  return { id, claimedName: name === undefined ? undefined : revealText(name), authority: authorityOf(id, checks), domain: domainOf(id) };
}
