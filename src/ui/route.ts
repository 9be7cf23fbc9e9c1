/**
 * Hash routes: `#/`, `#/badge/<id>`, `#/import?url=…&data=…&offer=…`, `#/settings`, and `#/pathways`,
 * `#/pathways?url=<https link to a pathway>` (fetched only after a yes), `#/pathways/<encoded pathway id>`,
 * `#/present?request=<a verifier's request>` (read only after a yes).
 * Pure, so it is unit-tested.
 */
export type Route =
  | { readonly name: 'wallet' }
  | { readonly name: 'badge'; readonly id: string }
  | { readonly name: 'import'; readonly url?: string; readonly data?: string; readonly offer?: string }
  | { readonly name: 'settings' }
  | { readonly name: 'share'; readonly ids: readonly string[] }
  | { readonly name: 'verify'; readonly data?: string }
  | { readonly name: 'pathways'; readonly url?: string }
  | { readonly name: 'pathway'; readonly id: string }
  | { readonly name: 'present'; readonly request?: string }
  | { readonly name: 'not-found' };

const BADGE_ID = /^[0-9a-f]{64}$/;

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  // The query is everything after the first '?': a value may hold another (an offer link's own query).
  const at = raw.indexOf('?');
  const path = at < 0 ? raw : raw.slice(0, at);
  const query = at < 0 ? '' : raw.slice(at + 1);
  const parts = path.split('/').filter((p) => p !== '');
  const params = new URLSearchParams(query);
  if (parts.length === 0) return { name: 'wallet' };
  if (parts[0] === 'badge' && parts.length === 2 && BADGE_ID.test(parts[1] ?? '')) return { name: 'badge', id: parts[1] ?? '' };
  if (parts[0] === 'import' && parts.length === 1) {
    const url = params.get('url');
    const data = params.get('data');
    // issue 13: `offer=<an OpenID4VCI offer, DCC request or VC-API interaction URL>`, opened only after a yes.
    const offer = params.get('offer');
    return { name: 'import', ...(url ? { url } : {}), ...(data ? { data } : {}), ...(offer ? { offer } : {}) };
  }
  if (parts[0] === 'settings' && parts.length === 1) return { name: 'settings' };
  // share & verify (issue 7): `#/share?ids=<id>,<id>`, `#/verify?data=<frame text>`
  if (parts[0] === 'share' && parts.length === 1) return { name: 'share', ids: (params.get('ids') ?? '').split(',').filter((id) => BADGE_ID.test(id)) };
  if (parts[0] === 'verify' && parts.length === 1) {
    const data = params.get('data');
    return { name: 'verify', ...(data ? { data } : {}) };
  }
  // pathways (issue 6): `#/pathways`, `#/pathways?url=<https link to a pathway>`, `#/pathways/<encoded pathway id>`
  if (parts[0] === 'pathways' && parts.length === 1) {
    const url = params.get('url');
    return { name: 'pathways', ...(url ? { url } : {}) };
  }
  if (parts[0] === 'pathways' && parts.length === 2) {
    try {
      return { name: 'pathway', id: decodeURIComponent(parts[1] ?? '') };
    } catch {
      return { name: 'not-found' };
    }
  }
  // answer a verifier (issue 13): `#/present`, `#/present?request=<openid4vp:// request or VC-API interaction URL>` (read only after a yes)
  if (parts[0] === 'present' && parts.length === 1) {
    const request = params.get('request');
    return { name: 'present', ...(request ? { request } : {}) };
  }
  return { name: 'not-found' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'wallet':
    case 'not-found':
      return '#/';
    case 'badge':
      return `#/badge/${route.id}`;
    case 'settings':
      return '#/settings';
    case 'share':
      return route.ids.length > 0 ? `#/share?ids=${route.ids.join(',')}` : '#/share';
    case 'verify':
      return route.data ? `#/verify?data=${encodeURIComponent(route.data)}` : '#/verify';
    case 'pathways':
      return route.url ? `#/pathways?${new URLSearchParams({ url: route.url }).toString()}` : '#/pathways';
    case 'pathway':
      return `#/pathways/${encodeURIComponent(route.id)}`;
    case 'present':
      return route.request ? `#/present?${new URLSearchParams({ request: route.request }).toString()}` : '#/present';
    case 'import': {
      const q = new URLSearchParams();
      if (route.url) q.set('url', route.url);
      if (route.data) q.set('data', route.data);
      if (route.offer) q.set('offer', route.offer);
      const s = q.toString();
      return s ? `#/import?${s}` : '#/import';
    }
  }
}
