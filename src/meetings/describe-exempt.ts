/** An exempt paper or item: listed in public by its title and this note only. */
export interface ExemptNote {
  /** The paragraph of Schedule 12A, or `true` where the record does not say which. */
  paragraph: number | true;
  /** "Exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972". */
  label: string;
}

/** "Exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972": what the public sees of an exempt item. */
export function describeExempt(paragraph: number | true): ExemptNote {
  return {
    paragraph,
    label:
      paragraph === true
        ? 'Exempt under Schedule 12A to the Local Government Act 1972'
        : `Exempt under paragraph ${paragraph} of Schedule 12A to the Local Government Act 1972`,
  };
}

/** What members' papers print of their exemption: at the head of the paper, and on every printed page. */
export interface NotForPublication {
  /** "NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972". */
  label: string;
  /** "NOT FOR PUBLICATION: Schedule 12A, paragraph 3", the running head of every printed page. */
  runningHead: string;
}

/** The notice on papers that only members read, with every paragraph of Schedule 12A they rest on. */
export function describeNotForPublication(paragraphs: ReadonlyArray<number | true>): NotForPublication {
  const numbers = [...new Set(paragraphs.filter((p): p is number => p !== true))].sort((a, b) => a - b);
  const list =
    numbers.length <= 1 ? String(numbers[0] ?? '') : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
  const plural = numbers.length > 1 ? 's' : '';
  return numbers.length === 0
    ? {
        label: 'NOT FOR PUBLICATION by virtue of Part 1 of Schedule 12A to the Local Government Act 1972',
        runningHead: 'NOT FOR PUBLICATION: Schedule 12A',
      }
    : {
        label: `NOT FOR PUBLICATION by virtue of paragraph${plural} ${list} of Part 1 of Schedule 12A to the Local Government Act 1972`,
        runningHead: `NOT FOR PUBLICATION: Schedule 12A, paragraph${plural} ${list}`,
      };
}
