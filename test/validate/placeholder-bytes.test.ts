import { describe, expect, it } from 'vitest';
import { mayHoldPlaceholder } from '../../src/validate/check-placeholders.ts';

/** What the check finds in text: `[To be written`, in any case, ending a word. */
const FOUND = /\[To be written\b/i;

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('looking for a placeholder in a body’s bytes before reading it as text', () => {
  it('finds it exactly where the check on the text would, whatever its case and whatever follows', () => {
    const cases = [
      '[To be written]',
      '[TO BE WRITTEN: the summary]',
      'Text [to be written',
      '[To be writtenx',
      '[To be written_',
      '[To be written9',
      '[To  be written]',
      '[To be writte',
      '[[To be written é',
      'é[tO Be WrItTeN—',
      '[Tö be written',
      '[To be ſritten',
      '[To be written\n',
      'no bracket at all: To be written',
      '[To be written'.repeat(3),
      '',
    ];
    for (const text of cases) expect(mayHoldPlaceholder(bytesOf(text)), text).toBe(FOUND.test(text));
  });

  it('agrees with the text’s check on every mix of the words’ letters, cases and what follows', () => {
    const tails = ['', ' ', ']', 'x', '_', '1', 'é', '\t', ':'];
    let found = 0;
    for (let mask = 0; mask < 2 ** 5; mask++)
      for (const tail of tails) {
        const words = 'to be written'.replace(/[a-z]/g, (c, i) => ((mask >> (i % 5)) & 1 ? c.toUpperCase() : c));
        const text = `A line [${words}${tail} and more`;
        expect(mayHoldPlaceholder(bytesOf(text)), text).toBe(FOUND.test(text));
        if (FOUND.test(text)) found++;
      }
    expect(found).toBeGreaterThan(100);
  });
});
