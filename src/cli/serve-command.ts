import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineCommand } from 'citty';
import { DESCRIPTIONS } from './descriptions.ts';
import { buildProject } from '../pipeline/build-project.ts';
import { watchProject } from '../pipeline/watch-project.ts';
import { PACKAGE_ROOT } from '../render/render-site.ts';
import { oneLine } from '../errors/format-errors.ts';
import { type PreviewProblem, type PreviewServer, startPreviewServer } from '../serve/preview-server.ts';
import { printErrors } from './print-errors.ts';
import { resolveRoot, rootArg } from './root-arg.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export const serveCommand = defineCommand({
  meta: { name: 'serve', description: DESCRIPTIONS.serve },
  args: {
    ...rootArg,
    port: { type: 'string', description: 'Port to serve on', default: '8080' },
    host: { type: 'string', description: 'Address to listen on (default 127.0.0.1: this machine only)', default: '127.0.0.1' },
    pdf: { type: 'boolean', description: 'Print PDFs on every rebuild too', default: false },
  },
  async run({ args }) {
    const root = resolveRoot(args.root);
    let basePath = '/';
    let server: PreviewServer | undefined;
    // What stopped the last rebuild, shown over the preview's pages as well as here.
    let problems: PreviewProblem[] = [];
    const rebuild = async (): Promise<boolean> => {
      const started = performance.now();
      try {
        const result = await buildProject({ root, pdf: args.pdf, keepPdfs: true });
        if (result.ok && result.model) basePath = result.model.site.basePath;
        printErrors(result.errors);
        problems = result.errors.filter((e) => e.severity === 'error').map((e) => ({ where: `${oneLine(e.file)}:${e.line}:${e.col} ${e.code}`, text: `${oneLine(e.message)} — ${oneLine(e.hint)}` }));
        if (!result.ok) process.stderr.write('Not rebuilt: the preview shows the last good build.\n');
        else process.stdout.write(`Rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
        return result.ok;
      } catch (error) {
        // Whatever stops a rebuild, the last good build stays served.
        const message = error instanceof Error ? error.message : String(error);
        problems = [{ where: 'papers', text: oneLine(message) }];
        process.stderr.write(`papers: ${message}\nNot rebuilt: the preview shows the last good build.\n`);
        return false;
      } finally {
        server?.showProblems(problems);
      }
    };
    // Watch before the first build, so that an edit made while it runs is built next.
    const dirs = [path.join(root, 'content'), path.join(root, 'data'), path.join(PACKAGE_ROOT, 'templates')].filter((d) => existsSync(d));
    const watcher = watchProject(dirs, async (files) => {
      process.stdout.write(`Changed: ${files.map((f) => path.relative(root, f)).join(', ')}\n`);
      if (await rebuild()) server?.reload();
    });
    await watcher.ready;
    await watcher.exclusive(rebuild);
    if (!LOOPBACK.has(args.host)) process.stderr.write(`Warning: listening on ${args.host}, so other machines can see this preview.\n`);
    const siteDir = path.join(root, 'output', 'site');
    server = await startPreviewServer(siteDir, { port: Number(args.port), host: args.host, basePath: () => basePath });
    server.showProblems(problems);
    process.stdout.write(`Serving ${siteDir} at ${server.origin}${basePath}\n`);
    const stop = () => {
      void Promise.all([watcher.close(), server?.close()]).finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
});
