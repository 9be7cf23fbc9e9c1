/**
 * Whether scanned or pasted text is a verifier's OpenID4VP request: cheap and without the protocol
 * libraries, so the verify screen can send such a QR code to the "answer a verifier" screen.
 */

/** `openid4vp:`, `haip:` and `*-openid4vp:` URIs, or any URL with `client_id` and a request (`request_uri`, `request`, `dcql_query`). */
export function isOpenid4vpRequest(text: string): boolean {
  const t = text.trim();
  if (/^(?:[a-z][a-z0-9+.]*-)?openid4vp:/i.test(t) || /^haip:/i.test(t)) return true;
  try {
    const params = new URL(t).searchParams;
    return params.has('client_id') && (params.has('request_uri') || params.has('request') || params.has('dcql_query'));
  } catch {
    return false;
  }
}
