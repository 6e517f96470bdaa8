import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { checkModel } from '../../src/validate/check-model.ts';
import { checkReportBodies } from '../../src/validate/check-report-bodies.ts';
import { readReport, renderReportMarkdown } from '../../src/validate/read-report.ts';
import { withTextKey } from '../../src/model/report-parts.ts';
import type { Report } from '../../src/model/types.ts';
import { validateContent } from '../../src/validate/validate-content.ts';
import { REPO_ROOT } from '../helpers/project.ts';

const REPORT = '2005-12-08-x-ppr-06-crime-and-disorder-reduction-partnerships';

async function checkExample() {
  const { content, errors } = validateContent(await loadContent(REPO_ROOT));
  if (!content) throw new Error(`the example does not check: ${errors.map((e) => e.message).join('; ')}`);
  return content;
}

describe('checkModel, the one check that needs the model built', () => {
  it('finds nothing wrong with the example, whose model builds with nothing to report', async () => {
    const content = await checkExample();
    const built = buildModel(content);
    expect(built.model.reports.length).toBe(content.reports.length);
    expect(built.pages.length).toBeGreaterThan(50);
    expect(checkModel(content, built.pages)).toEqual([]);
  });

  it('reads the page list alone: two pages at one URL, and a URL that is not a plain path', async () => {
    const content = await checkExample();
    const { pages } = buildModel(content);
    const first = pages.find((p) => p.url === '/glossary/')!;
    const problems = checkModel(content, [
      ...pages,
      { url: '/glossary/', file: 'data/boroughs/greenwich.yaml' },
      { url: '/../x/', file: 'data/site.yaml' },
    ]);
    expect(problems.map((p) => [p.code, p.file, p.message])).toEqual([
      [
        'E_DUPLICATE_ID',
        'data/boroughs/greenwich.yaml',
        `a page here would have the URL /glossary/, as a page of ${first.file} does`,
      ],
      ['E_SCHEMA', 'data/site.yaml', 'the page URL /../x/ is not a plain path'],
    ]);
  });
});

describe('checkReportBodies, the reports as the validate stage reads them', () => {
  it('reads each body once: the model builds from the very reading the check made', async () => {
    const content = await checkExample();
    const entry = content.reports.find((r) => r.id === REPORT)!;
    const read = readReport(entry);
    expect(readReport(entry)).toBe(read);
    expect(read.body.paragraphs).toContain('B8');
    const report = buildModel(content).model.reports.find((r) => r.id === REPORT)!;
    expect(report.sections.map((s) => s.title)).toEqual(read.body.sections.map((s) => s.title));
    expect(renderReportMarkdown(entry).body).toContain(report.sections[0]!.parts[0]!.html);
  });

  it('keeps no report HTML with the model: each section renders its parts when asked, the same each time', async () => {
    const content = await checkExample();
    const report = buildModel(content).model.reports.find((r) => r.id === REPORT)!;
    expect(JSON.stringify(report)).not.toContain('<h2');
    const first = report.sections.map((s) => s.parts.map((p) => p.html ?? p.view.set));
    expect(first.flat().join('')).toContain('<h2');
    expect(report.sections.map((s) => s.parts.map((p) => p.html ?? p.view.set))).toEqual(first);
    expect({ ...report.sections[0] }).not.toHaveProperty('parts');
  });

  it('gives a report a textKey that changes with its Markdown and with which sections number their paragraphs', async () => {
    const content = await checkExample();
    const entry = content.reports.find((r) => r.id === REPORT)!;
    const keyOf = (e: typeof entry) => withTextKey(e, {} as Omit<Report, 'textKey'>).textKey;
    expect(keyOf(entry)).toBe(keyOf({ ...entry }));
    expect(keyOf({ ...entry, data: { ...entry.data, numbered_sections: [] } })).not.toBe(keyOf(entry));
    const body = { startLine: 1, text: `${entry.body!.text}\nOne more paragraph.\n` };
    expect(keyOf({ ...entry, body })).not.toBe(keyOf(entry));
  });

  it('locates a fact citing a paragraph its report lacks, at the fact', async () => {
    const content = await checkExample();
    const borough = content.boroughs.find((b) => b.data.facts.some((f) => f.source.report === REPORT))!;
    const i = borough.data.facts.findIndex((f) => f.source.report === REPORT);
    const fact = borough.data.facts[i]!;
    const facts = borough.data.facts.with(i, { ...fact, source: { ...fact.source, paragraph: 'B99' } });
    const changed = { ...content, boroughs: [{ ...borough, data: { ...borough.data, facts } }] };
    const problems = checkReportBodies(changed);
    expect(problems.map((p) => [p.code, p.file, p.message])).toEqual([
      ['E_UNKNOWN_REF', borough.file, `report \`${REPORT}\` has no numbered paragraph B99`],
    ]);
    expect(problems[0]!.line).toBeGreaterThan(1);
  });
});
