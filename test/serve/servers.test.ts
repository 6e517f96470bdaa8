import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory } from '../../src/pdf/serve-directory.ts';
import { startPreviewServer } from '../../src/serve/preview-server.ts';
import { BAD_REQUESTS, sendRaw } from '../helpers/bad-requests.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const SECRET = 'SECRET-OUTSIDE-THE-SITE';

/** A built site, with a secret beside it, in a sibling folder whose name starts like the site's, and behind a link inside it. */
async function makeSite(): Promise<string> {
  const dir = await makeTempDir('served');
  const files: Record<string, string> = {
    'site/index.html': '<html><body><h1>The home page</h1></body></html>',
    'site/404.html': '<html><body><h1>Page not found</h1></body></html>',
    'site/assets/site.css': 'body { color: black }',
    'site/committees/x/index.html': '<html><body>A committee</body></html>',
    'site-old/secret.txt': SECRET,
    'secret.txt': SECRET,
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  await symlink(path.join(dir, 'secret.txt'), path.join(dir, 'site/linked.txt'));
  return path.join(dir, 'site');
}

const portOf = (origin: string) => Number(new URL(origin).port);

describe.each([
  ['the preview server', async (site: string) => startPreviewServer(site, { port: 0 })],
  ['the printer’s loopback server', async (site: string) => serveDirectory(site)],
] as const)('%s, sent malformed and traversal requests', (_name, start) => {
  let site = '';
  let server: { origin: string; close(): Promise<void> };
  beforeAll(async () => {
    site = await makeSite();
    server = await start(site);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('listens on loopback only', () => {
    expect(new URL(server.origin).hostname).toBe('127.0.0.1');
  });

  it(`answers all ${BAD_REQUESTS.length} without serving anything outside the site, then still serves its pages`, async () => {
    expect(BAD_REQUESTS.length).toBeGreaterThanOrEqual(30);
    for (const request of BAD_REQUESTS) {
      const answer = await sendRaw(portOf(server.origin), request);
      expect(answer, request.slice(0, 60)).not.toContain(SECRET);
    }
    expect(await sendRaw(portOf(server.origin), 'GET /linked.txt HTTP/1.1')).not.toContain(SECRET);
    const home = await fetch(`${server.origin}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('The home page');
    expect((await fetch(`${server.origin}/committees/x/`)).status).toBe(200);
    expect((await fetch(`${server.origin}/no/such/page/`)).status).toBe(404);
  });
});

describe('the preview server', () => {
  it('adds a reload script to pages and tells open pages to reload', async () => {
    const site = await makeSite();
    const server = await startPreviewServer(site, { port: 0 });
    try {
      expect(await (await fetch(`${server.origin}/`)).text()).toContain('<script src="/.papers/reload.js"></script>');
      expect(await (await fetch(`${server.origin}/.papers/reload.js`)).text()).toContain(
        "new EventSource(new URL('reload', document.currentScript.src))",
      );
      const events = await fetch(`${server.origin}/.papers/reload`);
      const reader = events.body!.getReader();
      await reader.read();
      server.reload();
      const { value } = await reader.read();
      expect(new TextDecoder().decode(value)).toContain('data: reload');
      await reader.cancel();
    } finally {
      await server.close();
    }
  });
});
