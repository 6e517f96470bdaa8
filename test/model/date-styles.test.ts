import { describe, expect, it } from 'vitest';
import { formatDateIn } from '../../src/domain/dates.ts';
import { checkProject } from '../../src/pipeline/check-project.ts';
import { copyExampleProject, editFile } from '../helpers/project.ts';

describe('date styles', () => {
  it('print a date long or short, with or without the day’s leading zero', () => {
    expect(formatDateIn('long', '2008-02-07')).toBe('7 February 2008');
    expect(formatDateIn('long-zero', '2008-02-07')).toBe('07 February 2008');
    expect(formatDateIn('short', '2008-02-07')).toBe('7 Feb 08');
    expect(formatDateIn('short-zero', '2008-02-07')).toBe('07 Feb 08');
    expect(formatDateIn('long-zero', '2005-12-18')).toBe('18 December 2005');
  });

  it('are chosen per committee and period: each opening line takes the style in force at its meeting', async () => {
    const root = await copyExampleProject();
    await editFile(
      root,
      'data/committees.yaml',
      '    short_name: PPR\n',
      '    short_name: PPR\n    date_styles:\n      - { from: 2005-01-01, style: long-zero }\n      - { from: 2006-01-01, style: short }\n',
    );
    await editFile(root, 'data/site.yaml', 'language: en-GB\n', 'language: en-GB\ndate_style: short-zero\n');
    const { model, errors } = await checkProject(root);
    expect(errors.filter((e) => e.severity === 'error')).toEqual([]);
    const lineOf = (date: string) => model!.reports.find((r) => r.date === date)!.descriptionLine;
    // Before the committee's first style, the site's.
    expect(lineOf('2004-11-04')).toMatch(/^Report 6 of the 04 Nov 04 meeting of the /);
    expect(lineOf('2005-12-08')).toMatch(/^Report 6 of the 08 December 2005 meeting of the /);
  });
});
