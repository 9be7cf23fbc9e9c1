/** Hash routes: `#/`, `#/badge/<id>`, `#/import?url=…&data=…`, `#/settings`. Pure, so it is unit-tested. */
export type Route =
  | { readonly name: 'wallet' }
  | { readonly name: 'badge'; readonly id: string }
  | { readonly name: 'import'; readonly url?: string; readonly data?: string }
  | { readonly name: 'settings' }
  | { readonly name: 'not-found' };

const BADGE_ID = /^[0-9a-f]{64}$/;

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  const parts = path.split('/').filter((p) => p !== '');
  const params = new URLSearchParams(query);
  if (parts.length === 0) return { name: 'wallet' };
  if (parts[0] === 'badge' && parts.length === 2 && BADGE_ID.test(parts[1] ?? '')) return { name: 'badge', id: parts[1] ?? '' };
  if (parts[0] === 'import' && parts.length === 1) {
    const url = params.get('url');
    const data = params.get('data');
    return { name: 'import', ...(url ? { url } : {}), ...(data ? { data } : {}) };
  }
  if (parts[0] === 'settings' && parts.length === 1) return { name: 'settings' };
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
    case 'import': {
      const q = new URLSearchParams();
      if (route.url) q.set('url', route.url);
      if (route.data) q.set('data', route.data);
      const s = q.toString();
      return s ? `#/import?${s}` : '#/import';
    }
  }
}
