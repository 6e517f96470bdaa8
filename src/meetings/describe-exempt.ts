import type { ExemptNote } from '../model/types.ts';

/** "Exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972": what the public sees of an exempt item. */
export function describeExempt(paragraph: number | true): ExemptNote {
  return {
    paragraph,
    label: paragraph === true ? 'Exempt under Schedule 12A to the Local Government Act 1972' : `Exempt under paragraph ${paragraph} of Schedule 12A to the Local Government Act 1972`,
  };
}
