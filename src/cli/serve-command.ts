import { existsSync } from 'node:fs';
import path from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { defineCommand } from 'citty';
import { buildProject } from '../pipeline/build-project.ts';
import { watchProject } from '../pipeline/watch-project.ts';
import { PACKAGE_ROOT } from '../render/render-site.ts';
import { printErrors } from './print-errors.ts';
import { resolveRoot, rootArg } from './root-arg.ts';

export const serveCommand = defineCommand({
  meta: { name: 'serve', description: 'Preview the site on localhost, rebuilding and reloading the browser as files are edited.' },
  args: {
    ...rootArg,
    port: { type: 'string', description: 'Port to serve on', default: '8080' },
    pdf: { type: 'boolean', description: 'Print PDFs on every rebuild too', default: false },
  },
  async run({ args }) {
    const root = resolveRoot(args.root);
    const rebuild = async (): Promise<boolean> => {
      const started = performance.now();
      const result = await buildProject({ root, pdf: args.pdf });
      printErrors(result.errors);
      if (!result.ok) process.stderr.write('Not rebuilt: the preview shows the last good build.\n');
      else process.stdout.write(`Rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      return result.ok;
    };
    await rebuild();
    const siteDir = path.join(root, 'output', 'site');
    const server = EleventyDevServer.getServer('papers', siteDir, {
      port: Number(args.port),
      domDiff: false,
      showVersion: false,
      messageOnStart: ({ hosts }) => `Serving ${siteDir} at ${hosts.join(' or ')}`,
      logger: { info: console.log, log: () => undefined, error: console.error },
    });
    server.serve(Number(args.port));
    const dirs = [path.join(root, 'content'), path.join(root, 'data'), path.join(PACKAGE_ROOT, 'templates')].filter((d) => existsSync(d));
    const watcher = watchProject(dirs, async (files) => {
      process.stdout.write(`Changed: ${files.map((f) => path.relative(root, f)).join(', ')}\n`);
      if (await rebuild()) server.reload({ files: [] });
    });
    const stop = () => {
      watcher.close();
      void server.close().finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
});
