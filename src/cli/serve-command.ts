import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineCommand } from 'citty';
import { DESCRIPTIONS } from './descriptions.ts';
import type { ContentProblem } from '../errors/content-problem.ts';
import { buildProject } from '../pipeline/build-project.ts';
import { locateOutput } from '../pipeline/output-folders.ts';
import { adoptPublished, createPreviewState, refreshPreview } from '../pipeline/refresh-preview.ts';
import { watchProject } from '../pipeline/watch-project.ts';
import { collectGarbage } from '../render/collect-garbage.ts';
import { TEMPLATES as templates } from '../render/package-root.ts';
import { oneLine } from '../errors/format-errors.ts';
import { type PreviewProblem, type PreviewServer, startPreviewServer } from '../serve/preview-server.ts';
import { printErrors } from './print-errors.ts';
import { resolveRoot, rootArg } from './root-arg.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
/** After an edit is shown, how long the preview waits for another before publishing the whole site (search, file sizes). */
const PUBLISH_AFTER_MS = 1500;

export const serveCommand = defineCommand({
  meta: { name: 'serve', description: DESCRIPTIONS.serve },
  args: {
    ...rootArg,
    port: { type: 'string', description: 'Port to serve on', default: '8080' },
    host: {
      type: 'string',
      description: 'Address to listen on (default 127.0.0.1: this machine only)',
      default: '127.0.0.1',
    },
    pdf: { type: 'boolean', description: 'Print PDFs on every rebuild too', default: false },
  },
  async run({ args }) {
    const root = resolveRoot(args.root);
    const siteDir = locateOutput(root).site;
    const state = createPreviewState(root, siteDir);
    let basePath = '/';
    let server: PreviewServer | undefined;
    // What stopped the last rebuild, shown over the preview's pages as well as here.
    let problems: PreviewProblem[] = [];
    let publishTimer: NodeJS.Timeout | undefined;
    const report = (errors: readonly ContentProblem[]) => {
      printErrors(errors);
      problems = errors
        .filter((e) => e.severity === 'error')
        .map((e) => ({
          where: `${oneLine(e.file)}:${e.line}:${e.col} ${e.code}`,
          text: `${oneLine(e.message)} — ${oneLine(e.hint)}`,
        }));
    };
    /** Run one step of the preview; whatever stops it, the last good build stays served. */
    const attempt = async (step: () => Promise<boolean>): Promise<boolean> => {
      try {
        return await step();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        problems = [{ where: 'papers', text: oneLine(message) }];
        process.stderr.write(`papers: ${message}\nNot rebuilt: the preview shows the last good build.\n`);
        return false;
      } finally {
        server?.showProblems(problems);
      }
    };
    // The publishing after an edit, while it runs: an edit stops it (it is started again after the edit).
    let publishing: AbortController | undefined;
    const buildWhole = async (stoppable: boolean) => {
      publishing = stoppable ? new AbortController() : undefined;
      const signal = publishing?.signal;
      const options = { root, pdf: args.pdf, keepPdfs: true, memory: state.memory, preview: true };
      try {
        return await buildProject({ ...options, ...(signal ? { signal } : {}) });
      } catch (error) {
        if (signal?.aborted) return undefined;
        throw error;
      } finally {
        publishing = undefined;
      }
    };
    // The whole build: checked, rendered, indexed and published (and printed with --pdf).
    const build = (reload: boolean, stoppable = false) =>
      attempt(async () => {
        const started = performance.now();
        clearTimeout(publishTimer);
        const result = await buildWhole(stoppable);
        // Stopped for an edit: the site stays as it was, with the edit shown over it, and is published after it.
        if (!result) return false;
        report(result.errors);
        if (!result.ok) {
          process.stderr.write('Not rebuilt: the preview shows the last good build.\n');
          return false;
        }
        if (result.model) basePath = result.model.site.basePath;
        if (result.published) adoptPublished(state, result.published.manifest, result.published.renderHash);
        // A whole build leaves much garbage: collected now, while the preview waits for the next edit, not during it.
        collectGarbage();
        process.stdout.write(`Rebuilt in ${seconds(started)} s\n`);
        if (reload) server?.reload();
        return true;
      });
    // An edit of the content: only the pages it reaches are rendered, and served over the site until it is published.
    const refresh = () =>
      attempt(async () => {
        const started = performance.now();
        const result = await refreshPreview(state, (files) => server?.reload(files));
        if (result.outcome === 'needs-build') return build(true);
        report(result.errors);
        if (result.outcome === 'not-checked') {
          process.stderr.write('Not rebuilt: the preview shows the last good build.\n');
          return false;
        }
        basePath = result.model.site.basePath;
        process.stdout.write(`Shown in ${seconds(started)} s (${result.pages} pages)\n`);
        clearTimeout(publishTimer);
        publishTimer = setTimeout(() => void watcher.exclusive(() => build(false, true)), PUBLISH_AFTER_MS);
        return true;
      });
    // Watch before the first build, so that an edit made while it runs is built next.
    const dirs = [path.join(root, 'content'), path.join(root, 'data'), templates].filter((d) => existsSync(d));
    const watcher = watchProject(
      dirs,
      async (files) => {
        process.stdout.write(`Changed: ${files.map((f) => path.relative(root, f)).join(', ')}\n`);
        for (const file of files) state.memory.files.changed.add(path.relative(root, file).split(path.sep).join('/'));
        // Templates reach every page, and printing is the whole build's.
        if (args.pdf || files.some((f) => !path.relative(templates, f).startsWith('..'))) await build(true);
        else await refresh();
      },
      // An edit does not wait for the site to be published: the publishing stops, and starts again after the edit.
      { onEvent: () => publishing?.abort() },
    );
    await watcher.ready;
    await watcher.exclusive(() => build(false));
    if (!LOOPBACK.has(args.host))
      process.stderr.write(`Warning: listening on ${args.host}, so other machines can see this preview.\n`);
    server = await startPreviewServer(siteDir, {
      port: Number(args.port),
      host: args.host,
      basePath: () => basePath,
      overlay: state.overlay,
    });
    server.showProblems(problems);
    process.stdout.write(`Serving ${siteDir} at ${server.origin}${basePath}\n`);
    const stop = () => {
      clearTimeout(publishTimer);
      void Promise.all([watcher.close(), server?.close()]).finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
});

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(2);
}
