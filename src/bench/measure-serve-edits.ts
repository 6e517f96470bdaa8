import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { checkProject } from '../pipeline/check-project.ts';
import { PACKAGE_ROOT } from '../render/render-site.ts';

export interface ServeEdits {
  /** For each edit, seconds from the file written to the first answer carrying the new text: the report's page, the recommendation's. */
  edits: Array<{ report: number; recommendation: number }>;
  /** The pages watched. */
  reportUrl: string;
  recommendationUrl: string;
  /** What `papers serve` said it did for each edit ("Shown in 0.41 s (49 pages)"). */
  said: string[];
}

/**
 * Time the preview as an officer feels it: `papers serve` running on `root`,
 * a position of the first action of recommendation `number` of `set` that a
 * report shows rewritten `count` times, and after each write both the
 * recommendation's page and that report's page asked for every 10 ms until
 * they carry the new text. Each edit waits for the preview to have published the
 * one before; given `pauseMs`, it is made that long after the one before was
 * shown instead, whether the preview is publishing or not, as an officer's
 * next save may be.
 */
export async function measureServeEdits(
  root: string,
  set: string,
  number: number,
  count = 5,
  { port = 30_000 + Math.floor(Math.random() * 20_000), pauseMs }: { port?: number; pauseMs?: number } = {},
): Promise<ServeEdits> {
  const file = path.join(root, 'content/recommendations', set, `${String(number).padStart(2, '0')}.yaml`);
  const { reportUrl, recommendationUrl, position } = await findPages(root, set, number, await readFile(file, 'utf8'));
  const child = spawn(
    process.execPath,
    [path.join(PACKAGE_ROOT, 'bin/papers.js'), 'serve', '--root', root, '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const closed = new Promise((resolve) => child.on('close', resolve));
  const until = async (what: string, test: () => boolean, ms = 600_000) => {
    for (const end = Date.now() + ms; !test(); await pause(50)) {
      if (Date.now() > end || child.exitCode !== null) throw new Error(`papers serve: no ${what}: ${out.slice(-2000)}`);
    }
  };
  const result: ServeEdits = { edits: [], reportUrl, recommendationUrl, said: [] };
  try {
    await until('start', () => out.includes('Serving '));
    const origin = `http://127.0.0.1:${port}`;
    for (let i = 0; i < count; i++) {
      const published = countOf(out, 'Rebuilt in');
      const marker = `Benchmark edit ${i + 1} ${Date.now()}`;
      const text = rewrite(await readFile(file, 'utf8'), position, marker);
      const started = performance.now();
      await writeFile(file, text);
      const [report, recommendation] = await Promise.all(
        [reportUrl, recommendationUrl].map(async (url) => {
          for (const end = Date.now() + EDIT_SHOWN_WITHIN_MS; !(await fetchText(origin + url)).includes(marker); ) {
            if (Date.now() > end || child.exitCode !== null)
              throw new Error(`papers serve: edit ${i + 1} not shown on ${url}: ${out.slice(-2000)}`);
            await pause(10);
          }
          return (performance.now() - started) / 1000;
        }),
      );
      result.edits.push({ report: report ?? 0, recommendation: recommendation ?? 0 });
      if (pauseMs === undefined) await until('publish after the edit', () => countOf(out, 'Rebuilt in') > published);
      else await pause(pauseMs);
      result.said.push(
        /Shown in [^\n]*/.exec(out.slice(out.lastIndexOf('Changed:')))?.[0] ??
          /Rebuilt in [^\n]*/.exec(out.slice(out.lastIndexOf('Changed:')))?.[0] ??
          '',
      );
    }
  } finally {
    child.kill('SIGINT');
    await closed;
  }
  return result;
}

/**
 * The recommendation's page, a report page whose table of it is the latest of
 * any report's, and the position of its first action that table shows: the
 * latest dated on or before the table's date.
 */
async function findPages(
  root: string,
  set: string,
  number: number,
  yaml: string,
): Promise<{ reportUrl: string; recommendationUrl: string; position: Array<string | number> }> {
  const { model } = await checkProject(root);
  if (!model) throw new Error(`${root} does not check`);
  const showing = model.reports.flatMap((r) =>
    r.views
      .filter((v) => v.set === set && v.kind === 'progress' && v.tables.some((t) => t.number === number))
      .map((v) => ({ url: r.url, asAt: v.asAt })),
  );
  const latest = showing.sort((a, b) => a.asAt.localeCompare(b.asAt)).at(-1);
  const recommendation = model.trackedRecommendations.find(
    (t) => t.recommendation.setId === set && t.recommendation.number === number,
  );
  const data = parseDocument(yaml).toJS() as {
    key_points: Array<{ actions: Array<{ progress: Array<{ date: string }> }> }>;
  };
  const progress = data.key_points[0]?.actions[0]?.progress ?? [];
  const shown = latest ? progress.map((p) => p.date).filter((date) => date <= latest.asAt).length - 1 : -1;
  if (!latest || !recommendation || shown < 0)
    throw new Error(`no report shows a position of the first action of recommendation ${number} of ${set}`);
  return {
    reportUrl: latest.url,
    recommendationUrl: recommendation.recommendation.url,
    position: ['key_points', 0, 'actions', 0, 'progress', shown, 'result'],
  };
}

function rewrite(yaml: string, at: Array<string | number>, text: string): string {
  const doc = parseDocument(yaml);
  doc.setIn(at, text);
  return doc.toString({ lineWidth: 0 });
}

function fetchText(url: string): Promise<string> {
  return new Promise((resolve) => {
    get(url, { headers: { accept: 'text/html' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    }).on('error', () => resolve(''));
  });
}

function countOf(text: string, what: string): number {
  return text.split(what).length - 1;
}

/** Far beyond any preview's time: an edit not shown by then is lost. */
const EDIT_SHOWN_WITHIN_MS = 60_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
