// The baselines the benchmark measures papers against, each run in the same benchmark run:
// bare Eleventy over the reports' Markdown, bare Pagefind over the built site, and a naive
// one-Chromium-per-PDF printer.
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Eleventy } from '@11ty/eleventy';
import { findBrowser } from '../src/pdf/find-browser.ts';
import { serveDirectory } from '../src/pdf/serve-directory.ts';
import { checkProject } from '../src/pipeline/check-project.ts';
import { PACKAGE_ROOT } from '../src/render/render-site.ts';
import { settleDisk } from './bench-child.ts';

/** The reports' Markdown bodies, without front matter, as the bare baseline's input. */
export async function writeBaselineInput(work: string, root: string): Promise<string> {
  const input = path.join(work, 'baseline-src');
  await mkdir(input, { recursive: true });
  const reportsDir = path.join(root, 'content/reports');
  let n = 0;
  for (const e of await readdir(reportsDir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.md')) continue;
    const text = await readFile(path.join(e.parentPath, e.name), 'utf8');
    await writeFile(path.join(input, `${n++}.md`), text.slice(text.indexOf('\n---\n', 4) + 5));
  }
  await writeFile(path.join(work, 'bare.config.mjs'), 'export default function () {}\n');
  return input;
}

/**
 * Bare Eleventy over `input`, one clean run into a folder of its own: over the bodies alone, the
 * floor any Eleventy site pays; over the like-for-like input, the same pages in one layout.
 */
export async function bareEleventy(work: string, input: string): Promise<number> {
  const out = `${input}-out`;
  await rm(out, { recursive: true, force: true });
  await settleDisk();
  const started = performance.now();
  await new Eleventy(input, out, { quietMode: true, configPath: path.join(work, 'bare.config.mjs') }).write();
  return (performance.now() - started) / 1000;
}

/**
 * The like-for-like Eleventy baseline's input: as many pages as the HTML build renders, each one of
 * the reports' Markdown bodies in turn, in one layout like the site's (head, header with the site's
 * navigation, breadcrumbs, main, footer), with Eleventy's defaults otherwise. Given the packs, the
 * first pages are the committee packs, each holding its meeting's reports' bodies in agenda order,
 * as papers' packs hold the reports: the same pages, as well as as many.
 */
export async function writeLikeInput(
  work: string,
  root: string,
  pages: number,
  packs: readonly (readonly string[])[] = [],
): Promise<string> {
  const input = path.join(work, packs.length > 0 ? 'like-packs-src' : 'like-src');
  await rm(input, { recursive: true, force: true });
  await mkdir(path.join(input, '_includes'), { recursive: true });
  const bodies = await readReportBodies(root);
  const packBodies = packs.map((files) => files.map((file) => bodies.get(file) ?? '').join('\n'));
  const reportBodies = [...bodies.values()];
  for (let i = 0; i < pages; i++) {
    const body = packBodies[i] ?? reportBodies[(i - packBodies.length) % reportBodies.length];
    await writeFile(path.join(input, `${i}.md`), `---\nlayout: page.njk\ntitle: Page ${i}\n---\n${body}`);
  }
  await mkdir(path.join(input, '_data'), { recursive: true });
  await writeFile(
    path.join(input, '_data/site.json'),
    JSON.stringify({
      title: 'Committee papers',
      body: 'A public body',
      nav: ['Home', 'Committees', 'Recommendations', 'Boroughs', 'Glossary', 'Search', 'Open data'].map((label) => ({
        label,
        href: `/${label.toLowerCase().replace(/ /g, '-')}/`,
      })),
    }),
  );
  await writeFile(path.join(input, '_includes/page.njk'), LIKE_LAYOUT);
  return input;
}

/** Each report's Markdown body, without front matter, by its file (relative to `root`), in the order of the files. */
async function readReportBodies(root: string): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  for (const e of await readdir(path.join(root, 'content/reports'), { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.md')) continue;
    const file = path.join(e.parentPath, e.name);
    const text = await readFile(file, 'utf8');
    bodies.set(path.relative(root, file).split(path.sep).join('/'), text.slice(text.indexOf('\n---\n', 4) + 5));
  }
  return bodies;
}

/** Each committee pack of the archive's site, as the report files it holds (relative to `root`), in agenda order. */
export async function listPackReports(root: string): Promise<string[][]> {
  const { model } = await checkProject(root);
  return (model?.meetings ?? [])
    .filter((meeting) => meeting.hasPack)
    .map((meeting) => meeting.agenda.flatMap((item) => (item.report ? [item.report.file] : [])));
}

const LIKE_LAYOUT = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} – {{ site.title }}</title>
<link rel="stylesheet" href="/assets/site.css">
<link rel="stylesheet" href="/assets/print.css" media="print">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<p class="site-title"><a href="/">{{ site.title }}</a></p>
<nav class="site-nav" aria-label="Site"><ul>
{%- for link in site.nav %}<li><a href="{{ link.href }}">{{ link.label }}</a></li>{%- endfor %}
</ul></nav>
</header>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/committees/">Committees</a></li><li aria-current="page">{{ title }}</li></ol></nav>
<main id="main" tabindex="-1">
<h1>{{ title }}</h1>
<div data-pagefind-body>{{ content | safe }}</div>
</main>
<footer class="site-footer"><p>{{ site.body }}</p></footer>
</body>
</html>
`;

/** Bare `pagefind --site` over a built site, into a folder of its own. */
export async function barePagefind(work: string, siteDir: string): Promise<number> {
  const out = path.join(work, 'pagefind-out');
  await rm(out, { recursive: true, force: true });
  await settleDisk();
  const started = performance.now();
  await promisify(execFile)(
    path.join(PACKAGE_ROOT, 'node_modules/.bin/pagefind'),
    ['--site', siteDir, '--output-path', out, '--force-language', 'en'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = (performance.now() - started) / 1000;
  await rm(out, { recursive: true, force: true });
  return seconds;
}

/** One `chromium --headless --print-to-pdf` process per report: what a simple script would do. */
export async function naivePdfPerSecond(work: string, siteDir: string, urls: readonly string[]): Promise<number> {
  const server = await serveDirectory(siteDir);
  const browser = findBrowser();
  const started = performance.now();
  try {
    for (const [i, url] of urls.entries()) {
      const profile = await mkdtemp(path.join(work, 'naive-profile-'));
      await new Promise<void>((resolve, reject) => {
        const child = spawn(
          browser,
          [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            `--user-data-dir=${profile}`,
            '--no-pdf-header-footer',
            `--print-to-pdf=${path.join(work, `naive-${i}.pdf`)}`,
            server.origin + url,
          ],
          { stdio: 'ignore' },
        );
        child.on('error', reject);
        child.on('close', () => resolve());
      });
      await rm(profile, { recursive: true, force: true });
    }
  } finally {
    await server.close();
  }
  return urls.length / ((performance.now() - started) / 1000);
}
