import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CONTENT_TYPES, locateSiteFile, resolveSiteFile } from './resolve-site-file.ts';

/** Where a preview page listens for "rebuilt", under the site's path: a path no built page can have (URLs are lower-case slugs). */
const RELOAD_PATH = '.papers/reload';
const RELOAD_SCRIPT_PATH = '.papers/reload.js';
/**
 * Reload when the server says the site was rebuilt, and show what stopped the
 * last rebuild over the page until it is fixed. A file of its own, as the
 * pages' Content-Security-Policy allows no inline script; the problems are
 * written as text, never as HTML.
 */
const RELOAD_SCRIPT = `(() => {
  const events = new EventSource(new URL('reload', document.currentScript.src));
  // "reload", or the paths of the pages that changed: this page reloads if it is one of them.
  events.onmessage = (event) => {
    if (event.data === 'reload' || JSON.parse(event.data).includes(location.pathname)) location.reload();
  };
  events.addEventListener('problems', (event) => {
    document.getElementById('papers-problems')?.remove();
    const problems = JSON.parse(event.data);
    if (problems.length === 0) return;
    const box = document.createElement('section');
    box.id = 'papers-problems';
    box.setAttribute('role', 'alert');
    box.setAttribute('aria-labelledby', 'papers-problems-heading');
    box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff;color:#0b0c0c;border-top:6px solid #d4351c;padding:1rem 1.5rem;font:16px/1.4 sans-serif;box-shadow:0 -2px 8px rgba(0,0,0,.3)';
    const heading = document.createElement('h2');
    heading.id = 'papers-problems-heading';
    heading.style.cssText = 'margin:0 0 .5rem;font-size:1.2rem';
    heading.textContent = 'Not rebuilt: this page is the last good build. Fix ' + (problems.length === 1 ? 'this problem' : 'these ' + problems.length + ' problems') + ' and save:';
    const list = document.createElement('ul');
    list.style.cssText = 'margin:0;padding-left:1.25rem';
    for (const problem of problems) {
      const item = document.createElement('li');
      const where = document.createElement('code');
      where.textContent = problem.where;
      item.append(where, ' ' + problem.text);
      list.append(item);
    }
    box.append(heading, list);
    document.body.append(box);
  });
})();
`;

/** A problem as the preview shows it: where, and what is wrong and how to fix it. */
export interface PreviewProblem {
  where: string;
  text: string;
}

export interface PreviewServer {
  origin: string;
  /** Tell every open page to reload; given the paths in the site of the files that changed, only the pages among them. */
  reload(changed?: Iterable<string>): void;
  /** Show these problems over every open page, and every page opened from now on (none: take them away). */
  showProblems(problems: readonly PreviewProblem[]): void;
  close(): Promise<void>;
}

export interface PreviewOptions {
  port: number;
  host?: string;
  /** The path the site is served under, as of its latest build (`/`, or such as `/repo/`). */
  basePath?: () => string;
  /** Files served in place of the site's, by their path in it (`a/b/index.html`): pages rendered since it was built. */
  overlay?: ReadonlyMap<string, Buffer>;
}

/**
 * A preview of a built site: its files as they are on disk at each request
 * (so a rebuild's swap shows at once), or as rendered over it since, with a small script in each page that
 * reloads it when `reload` is called. It serves nothing outside `siteDir`,
 * answers every malformed request with an error instead of ending, and listens
 * on loopback unless told otherwise.
 */
export async function startPreviewServer(siteDir: string, options: PreviewOptions): Promise<PreviewServer> {
  const listeners = new Set<ServerResponse>();
  let problems = problemsEvent([]);
  const server = createServer((req, res) => {
    void answer(
      siteDir,
      options.basePath?.() ?? '/',
      options.overlay ?? new Map(),
      req,
      res,
      listeners,
      () => problems,
    ).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.on('clientError', (_err, socket) => {
    socket.on('error', () => undefined);
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    reload(changed) {
      const basePath = options.basePath?.() ?? '/';
      const event = changed ? JSON.stringify([...changed].flatMap((file) => pathsOf(basePath, file))) : 'reload';
      for (const res of listeners) res.write(`data: ${event}\n\n`);
    },
    showProblems(list) {
      problems = problemsEvent(list);
      for (const res of listeners) res.write(problems);
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of listeners) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A server-sent event with the problems; JSON on one line, so no text can end the event early. */
function problemsEvent(problems: readonly PreviewProblem[]): string {
  return `event: problems\ndata: ${JSON.stringify(problems.map((p) => ({ where: p.where, text: p.text })))}\n\n`;
}

/** The request paths a file of the site is served at: a folder's `index.html` at the folder too. */
function pathsOf(basePath: string, file: string): string[] {
  const at = `${basePath}${file}`;
  return file === 'index.html' || file.endsWith('/index.html') ? [at, at.slice(0, -'index.html'.length)] : [at];
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
async function answer(
  siteDir: string,
  basePath: string,
  overlay: ReadonlyMap<string, Buffer>,
  req: IncomingMessage,
  res: ServerResponse,
  listeners: Set<ServerResponse>,
  problems: () => string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const target = req.url ?? '/';
  if (target === `${basePath}${RELOAD_SCRIPT_PATH}`) {
    res
      .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
      .end(RELOAD_SCRIPT);
    return;
  }
  if (target === `${basePath}${RELOAD_PATH}`) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write(': connected\n\n');
    res.write(problems());
    listeners.add(res);
    res.on('close', () => listeners.delete(res));
    return;
  }
  if (target === '/' && basePath !== '/') {
    // A site published under a path prefix starts there.
    res.writeHead(302, { location: basePath }).end();
    return;
  }
  const located = target.startsWith('/') ? locateSiteFile(siteDir, target, basePath) : undefined;
  const rendered = located && overlay.get(located.inside);
  if (located && rendered) {
    const type = CONTENT_TYPES[path.extname(located.file)] ?? 'application/octet-stream';
    const body = type.startsWith('text/html') ? withReloadClient(rendered.toString('utf8'), basePath) : rendered;
    res
      .writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
      .end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const found = located ? await resolveSiteFile(siteDir, target, basePath) : undefined;
  if (!found) {
    const notFound = await resolveSiteFile(siteDir, `${basePath}404.html`, basePath);
    const body = notFound ? withReloadClient(await readFile(notFound.file, 'utf8'), basePath) : 'Not found';
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const type = CONTENT_TYPES[path.extname(found.file)] ?? 'application/octet-stream';
  const headers = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (type.startsWith('text/html')) {
    const html = withReloadClient(await readFile(found.file, 'utf8'), basePath);
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : html);
    return;
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else
    createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res);
}

/** The page with the script that reloads it added at the end of its body. */
function withReloadClient(html: string, basePath: string): string {
  const RELOAD_CLIENT = `<script src="${basePath}${RELOAD_SCRIPT_PATH}"></script>`;
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + RELOAD_CLIENT : html.slice(0, at) + RELOAD_CLIENT + html.slice(at);
}
