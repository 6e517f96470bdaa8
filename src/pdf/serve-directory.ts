import { createReadStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CONTENT_TYPES, resolveSiteFile } from '../serve/resolve-site-file.ts';

/** The origin of an absolute URL, or nothing when it does not parse. */
function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

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
export async function serveDirectory(root: string, basePath = '/'): Promise<StaticServer> {
  const refused: string[] = [];
  let origin = '';
  const server: Server = createServer(async (req, res) => {
    const target = req.url ?? '/';
    // A proxied request names its full address; only this server's own is served.
    if (!target.startsWith('/') && originOf(target) !== origin) {
      refused.push(target);
      res.writeHead(403).end();
      return;
    }
    // Pages are asked for by their own paths; what they link to starts with the site's path prefix.
    const found =
      (await resolveSiteFile(root, target, basePath)) ??
      (basePath === '/' ? undefined : await resolveSiteFile(root, target));
    if (!found) {
      res.writeHead(404).end();
      return;
    }
    // Assets do not change while a site is printed, so a browser may keep them; pages may (a pack's agenda is filled in).
    const caching = found.pathname.startsWith('/assets/') ? 'max-age=3600' : 'no-store';
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(found.file)] ?? 'application/octet-stream',
      'cache-control': caching,
    });
    createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  // A malformed request is answered by Node itself; it must not end the server.
  server.on('clientError', (_err, socket) => {
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
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
