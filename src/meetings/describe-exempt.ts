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
