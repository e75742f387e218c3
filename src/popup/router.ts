/** Hash routes: the popup and the full-tab page share one app, and a route survives reopening in a tab. */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { readonly name: 'inventory' }
  | { readonly name: 'key'; readonly id: string }
  | {
      readonly name: 'add';
      readonly replaces: string | null;
      readonly exchange: string | null;
      readonly incident: string | null;
    }
  | { readonly name: 'edit'; readonly id: string }
  | { readonly name: 'incident'; readonly id: string }
  | { readonly name: 'revoke-all'; readonly sessionId: string | null }
  | { readonly name: 'settings' }
  | { readonly name: 'signature' }
  | { readonly name: 'not-found' };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const parts = pathPart
    .split('/')
    .filter((p) => p !== '')
    .map((p) => decodeURIComponent(p));
  const query = new URLSearchParams(queryPart);
  const [head, arg, extra] = parts;
  if (extra !== undefined) return { name: 'not-found' };
  switch (head) {
    case undefined:
      return { name: 'inventory' };
    case 'key':
      return arg ? { name: 'key', id: arg } : { name: 'not-found' };
    case 'edit':
      return arg ? { name: 'edit', id: arg } : { name: 'not-found' };
    case 'incident':
      return arg ? { name: 'incident', id: arg } : { name: 'not-found' };
    case 'add':
      return arg
        ? { name: 'not-found' }
        : {
            name: 'add',
            replaces: query.get('replaces'),
            exchange: query.get('exchange'),
            incident: query.get('incident'),
          };
    case 'revoke-all':
      return { name: 'revoke-all', sessionId: arg ?? null };
    case 'settings':
      return arg ? { name: 'not-found' } : { name: 'settings' };
    case 'signature':
      return arg ? { name: 'not-found' } : { name: 'signature' };
    default:
      return { name: 'not-found' };
  }
}

export function href(path: string): string {
  return `#${path}`;
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export function useRoute(): { route: Route; hash: string } {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = (): void => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return { route: parseRoute(hash), hash };
}
