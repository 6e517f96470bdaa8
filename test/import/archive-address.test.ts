import { describe, expect, it } from 'vitest';
import { readAddress } from '../../src/import/list-archive-pages.ts';

describe("the archive's addresses", () => {
  it('give a report’s committee, meeting date and number, with or without a letter', () => {
    expect(readAddress('committees/mpa/2001/010726/04/index.html')).toMatchObject({
      kind: 'report',
      committee: 'mpa',
      date: '2001-07-26',
      number: 4,
    });
    expect(readAddress('committees/mpa/2001/010726/04a/index.html')).toMatchObject({ kind: 'report', number: '4a' });
    expect(readAddress('committees/mpa/2001/010726/index.html')).toMatchObject({ kind: 'meeting', date: '2001-07-26' });
    expect(readAddress('committees/mpa/2001/010726/4ab/index.html')).toMatchObject({ kind: 'other' });
  });
});

describe('the address of another meeting the same day', () => {
  it('gives its sitting, for a report and for the meeting', () => {
    expect(readAddress('committees/mpa/2006/060629-agm/03/index.html')).toMatchObject({
      kind: 'report',
      date: '2006-06-29',
      sitting: 'agm',
      number: 3,
    });
    expect(readAddress('committees/mpa/2006/060629-agm/index.html')).toMatchObject({
      kind: 'meeting',
      date: '2006-06-29',
      sitting: 'agm',
    });
  });
});

describe('the address of a meeting’s minutes', () => {
  it('gives the meeting, with its sitting', () => {
    expect(readAddress('committees/mpa/2006/060629-agm/minutes/index.html')).toMatchObject({
      kind: 'minutes',
      committee: 'mpa',
      date: '2006-06-29',
      sitting: 'agm',
    });
    expect(readAddress('committees/sop/2009/090402/minutes/')).toMatchObject({ kind: 'minutes', date: '2009-04-02' });
  });
});
