/**
 * Which "add to wallet" protocol a scanned, pasted or deep-linked text speaks, without loading any
 * of them (the import screen asks this of every paste; the protocols load only when one is opened).
 */

export type ClaimProtocol = 'openid4vci' | 'dcc' | 'vc-api';

function paramsOf(text: string): URLSearchParams | undefined {
  const q = text.indexOf('?');
  return q < 0 ? undefined : new URLSearchParams(text.slice(q + 1));
}

/** An OpenID4VCI credential offer: `openid-credential-offer://?…`, or any link carrying `credential_offer` / `credential_offer_uri`. */
export function isOid4vciOffer(text: string): boolean {
  const t = text.trim();
  if (/^openid-credential-offer:/i.test(t)) return true;
  const p = paramsOf(t);
  return p !== undefined && (p.has('credential_offer') || p.has('credential_offer_uri'));
}

/** A DCC credential request: the `dccrequest:` scheme, or any link carrying `issuer` and `vc_request_url`. */
export function isDccRequest(text: string): boolean {
  const t = text.trim();
  const p = paramsOf(t);
  return /^dccrequest:/i.test(t) || (p !== undefined && p.has('vc_request_url') && p.has('issuer'));
}

/** A VC-API interaction URL as wallets receive it: http(s) with `iuv=1`. */
export function isVcApiInteraction(text: string): boolean {
  try {
    const u = new URL(text.trim());
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.searchParams.get('iuv') === '1';
  } catch {
    return false;
  }
}

/**
 * Which protocol a link speaks, or undefined. A bare https URL is a VC-API interaction only when
 * `anyUrl` (the CLI, where `claim URI` says so) or when it carries `iuv=1` (the import screen, where
 * other https links are badge links).
 */
export function claimLinkKind(text: string, options: { anyUrl?: boolean } = {}): ClaimProtocol | undefined {
  const t = text.trim();
  if (isOid4vciOffer(t)) return 'openid4vci';
  if (isDccRequest(t)) return 'dcc';
  if (isVcApiInteraction(t)) return 'vc-api';
  if (options.anyUrl && /^https?:\/\//i.test(t)) return 'vc-api';
  return undefined;
}

/**
 * The host a link would contact first, to name it before asking (an offer by value names its
 * issuer; by reference, where the offer is fetched from), or undefined when it cannot be told.
 */
export function claimLinkHost(text: string): string | undefined {
  const t = text.trim();
  const q = t.indexOf('?');
  const p = q < 0 ? undefined : new URLSearchParams(t.slice(q + 1));
  const hostOf = (u: unknown) => {
    try {
      return typeof u === 'string' ? new URL(u).host || undefined : undefined;
    } catch {
      return undefined;
    }
  };
  switch (claimLinkKind(t)) {
    case 'openid4vci': {
      const byRef = p?.get('credential_offer_uri');
      if (byRef) return hostOf(byRef);
      try {
        const offer = JSON.parse(p?.get('credential_offer') ?? '') as { credential_issuer?: unknown };
        return hostOf(offer.credential_issuer);
      } catch {
        return undefined;
      }
    }
    case 'dcc':
      return hostOf(p?.get('vc_request_url'));
    case 'vc-api':
      return hostOf(t);
    default:
      return undefined;
  }
}
