import { describe, expect, it } from 'vitest';
import { numberAgenda } from '../../src/meetings/number-agenda.ts';
import { municipalYearOf, numberMinutes } from '../../src/meetings/number-minutes.ts';

describe('minute and agenda numbers', () => {
  it('places a date in the municipal year that began on or before it', () => {
    expect(municipalYearOf('2009-04-02', '05-01')).toBe('2008');
    expect(municipalYearOf('2009-05-01', '05-01')).toBe('2009');
    expect(municipalYearOf('2009-04-02', '04-01')).toBe('2009');
  });

  it('runs minute numbers on through a committee’s year, and from 1 in the next year or another committee', () => {
    const numbered = numberMinutes(
      [
        { id: 'sop/2009-04-02', itemCount: 3 },
        { id: 'sop/2008-11-13', itemCount: 3 },
        { id: 'sop/2009-03-05', itemCount: 16, firstNumber: 75 },
        { id: 'sop/2009-06-04', itemCount: 2 },
        { id: 'mpa/2009-03-05', itemCount: 4 },
      ],
      '05-01',
    );
    expect(Object.fromEntries([...numbered].map(([id, n]) => [id, n.first]))).toEqual({
      'mpa/2009-03-05': 1,
      'sop/2008-11-13': 1,
      'sop/2009-03-05': 75,
      'sop/2009-04-02': 91,
      'sop/2009-06-04': 1,
    });
    expect(numbered.get('sop/2009-03-05')?.previous).toEqual({ id: 'sop/2008-11-13', last: 3 });
  });

  it('numbers agenda items after the one above, unless an item or its report gives its own', () => {
    expect(
      numberAgenda([{}, {}, { report: 'r' }, {}, { number: 12 }, {}], (id) => (id === 'r' ? 6 : undefined)),
    ).toEqual([1, 2, 6, 7, 12, 13]);
  });
});
