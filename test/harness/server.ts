import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const PAGES = resolve(import.meta.dirname, '../fixtures/pages');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface FixtureServer {
  readonly port: number;
  /** The address of `path` on `host` (any host name mapped to 127.0.0.1 in the browser reaches this server). */
  url(path: string, host?: string): string;
  /** Adds a dynamic route (exact path) for one test. */
  route(path: string, handler: RouteHandler): void;
  close(): Promise<void>;
}

/**
 * Serves test/fixtures/pages on 127.0.0.1 for any Host header, so exchange domains mapped to it with
 * `--host-resolver-rules` see the same pages. `/frame?src=<url>` wraps any page in an iframe.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, RouteHandler>();
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const dynamic = routes.get(url.pathname);
      if (dynamic) return dynamic(request, response);
      const relative = normalize(url.pathname === '/' ? '/index.html' : url.pathname).replace(
        /^(\.\.[/\\])+/,
        '',
      );
      const file = join(PAGES, relative);
      if (!file.startsWith(PAGES)) {
        response.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        response
          .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path, host = '127.0.0.1') => `http://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`,
    route: (path, handler) => routes.set(path, handler),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
