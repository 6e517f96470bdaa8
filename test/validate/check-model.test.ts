import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.ts';
import { buildModel } from '../../src/model/build-model.ts';
import { checkModel, type ModelIndex } from '../../src/validate/check-model.ts';
import { validateContent } from '../../src/validate/validate-content.ts';
import { REPO_ROOT } from '../helpers/project.ts';

const REPORT = '2005-12-08-x-ppr-06-crime-and-disorder-reduction-partnerships';

/** The example content, checked and modelled: what checkModel is given in a build. */
async function modelExample() {
  const { content } = validateContent(await loadContent(REPO_ROOT));
  if (!content) throw new Error('the example does not check');
  return { content, built: buildModel(content) };
}

describe('checkModel, the checks that need the model built', () => {
  it('finds nothing wrong with the example', async () => {
    const { content, built } = await modelExample();
    expect(built.model).toBeDefined();
    expect(built.index.pages.length).toBeGreaterThan(50);
    expect(built.index.reports.get(REPORT)?.paragraphs).toContain('B8');
    expect(checkModel(content, built.index)).toEqual([]);
  });

  it('reads the index alone: a fact citing a paragraph the report lacks, and two pages at one URL', async () => {
    const { content, built } = await modelExample();
    const shown = built.index.reports.get(REPORT)!;
    const first = built.index.pages.find((p) => p.url === '/glossary/')!;
    const index: ModelIndex = {
      reports: new Map([
        ...built.index.reports,
        [REPORT, { ...shown, paragraphs: shown.paragraphs.filter((p) => p !== 'B8') }],
      ]),
      pages: [...built.index.pages, { url: '/glossary/', file: 'data/boroughs/greenwich.yaml' }],
    };
    const problems = checkModel(content, index);
    expect(problems.map((p) => [p.code, p.file, p.message])).toEqual(
      expect.arrayContaining([
        ['E_UNKNOWN_REF', 'data/boroughs/greenwich.yaml', `report \`${REPORT}\` has no numbered paragraph B8`],
        [
          'E_DUPLICATE_ID',
          'data/boroughs/greenwich.yaml',
          `a page here would have the URL /glossary/, as a page of ${first.file} does`,
        ],
      ]),
    );
    // The fact is located at its own line, not the top of the file.
    expect(problems.find((p) => p.message.includes('paragraph B8'))!.line).toBeGreaterThan(1);
  });
});
