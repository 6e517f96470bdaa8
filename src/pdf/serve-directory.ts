import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pageFile } from '../model/urls.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface StaticServer {
  origin: string;
  /** Requests for anywhere but this site that it refused (as the browser's proxy), by URL. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * Serve a built site on loopback only, so pages print with their root-relative
 * assets. A browser may use it as its proxy: it then answers for its own
 * origin and refuses every other address, so nothing a page asks for leaves
 * the machine.
 */
export async function serveDirectory(root: string): Promise<StaticServer> {
  const refused: string[] = [];
  let origin = '';
  const server: Server = createServer(async (req, res) => {
    const target = req.url ?? '/';
    // A proxied request names its full address; only this server's own is served.
    if (!target.startsWith('/') && new URL(target).origin !== origin) {
      refused.push(target);
      res.writeHead(403).end();
      return;
    }
    try {
      const url = new URL(target, origin);
      const relative = decodeURIComponent(url.pathname);
      const file = path.join(root, pageFile(relative));
      if (!file.startsWith(path.resolve(root) + path.sep) || !(await stat(file)).isFile()) throw new Error('not found');
      // Assets do not change while a site is printed, so a browser may keep them; pages may (a pack's agenda is filled in).
      const caching = relative.startsWith('/assets/') ? 'max-age=3600' : 'no-store';
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': caching });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end();
    }
  });
  // A secure connection through the proxy (CONNECT) is refused outright.
  server.on('connect', (req, socket) => {
    // The browser may reset the connection as it is refused; that is not an error of the build.
    socket.on('error', () => undefined);
    refused.push(req.url ?? '');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
