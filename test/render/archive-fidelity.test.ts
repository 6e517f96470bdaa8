import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/pipeline/build-project.ts';
import { findMissingLines, normaliseSpace, pageTextWithMarkers } from '../helpers/page-text.ts';
import { REPO_ROOT } from '../helpers/project.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** Real reports of the archive beyond the two examples, authored in the content format. */
const ARCHIVE = path.join(REPO_ROOT, 'test/fixtures/archive');
const SOURCES = path.join(ARCHIVE, 'sources');
/** Lines of the archive's page furniture, not of the report. */
const CHROME = new Set([
  'You are in:',
  'Contents',
  'Send an e-mail linking to this page',
  'Feedback',
  'Supporting material',
]);
/** A list or paragraph marker at the start of a source line: `1.`, `(ii)`, `a.`, or a bullet. */
const MARKER = /^(•|-|\d+\.|\([ivxlcdm]+\)|\([a-z]\)|[a-z]\.)(?=\s)/i;

/** The report's lines as the archive shows them, bullets written `•`, space collapsed. */
function sourceLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => normaliseSpace(l))
    .filter((l) => l !== '' && !CHROME.has(l))
    .map((l) => l.replace(/^-(?=\s)/, '•'));
}

/** The markers of a text's lines, in order: the numbering and list kinds of the source. */
function markersOf(lines: readonly string[]): string[] {
  return lines.flatMap((l) => MARKER.exec(l)?.[1] ?? []);
}

/** `sop-2009-07-09-15.txt` → the page of report 15 of the sop meeting of 9 July 2009. */
function pageOf(source: string): string {
  const [, code, y, m, d, n] = /^([a-z-]+?)-(\d{4})-(\d{2})-(\d{2})-(\d+)\.txt$/.exec(source) ?? [];
  return `committees/${code}/${y}/${y?.slice(2)}${m}${d}/${n}/index.html`;
}

describe('real reports of the archive, rendered as published', async () => {
  const sources = (await readdir(SOURCES)).filter((f) => f.endsWith('.txt')).sort();
  let siteDir = '';
  beforeAll(async () => {
    const result = await buildProject({ root: ARCHIVE, outputDir: await makeTempDir('archive'), pdf: false });
    expect(result.errors.filter((e) => e.severity === 'error')).toEqual([]);
    siteDir = result.siteDir;
  });

  it('holds at least 8 reports from 2008 to 2011, of more than one committee', () => {
    expect(sources.length).toBeGreaterThanOrEqual(8);
    expect(sources.every((s) => /-20(08|09|10|11)-/.test(s))).toBe(true);
    expect(new Set(sources.map((s) => s.split('-')[0])).size).toBeGreaterThanOrEqual(3);
  });

  it.each(sources)('%s: every line appears, in order, with its number or bullet', async (source) => {
    const lines = sourceLines(await readFile(path.join(SOURCES, source), 'utf8'));
    const text = pageTextWithMarkers(await readFile(path.join(siteDir, pageOf(source)), 'utf8'));
    expect(lines.length).toBeGreaterThan(8);
    expect(findMissingLines(lines, text)).toEqual([]);
  });

  it.each(sources)('%s: paragraph numbers and list markers run as in the source', async (source) => {
    const expected = markersOf(sourceLines(await readFile(path.join(SOURCES, source), 'utf8'))).map((m) =>
      m === '-' ? '•' : m,
    );
    const html = await readFile(path.join(siteDir, pageOf(source)), 'utf8');
    const article = /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? '';
    // Every marker of the page's report, in order: each source marker must be found in turn.
    const found = [
      ...pageTextWithMarkers(article).matchAll(/(?:^| )(•|\d+\.|\([ivxlcdm]+\)|\([a-z]\)|[a-z]\.)(?= )/gi),
    ].map((m) => m[1]);
    let from = 0;
    const missing = expected.filter((marker) => {
      const at = found.indexOf(marker, from);
      if (at === -1) return true;
      from = at + 1;
      return false;
    });
    expect(missing).toEqual([]);
  });

  it('a marker of another kind is caught', () => {
    expect(findMissingLines(['1. members ratify'], '• members ratify')).toEqual(['1. members ratify']);
  });
});
