import type { DateStyle } from '../schemas/common.ts';
import type { CommitteesData } from '../schemas/shared-data.ts';
import { fillUrlPattern } from './urls.ts';

/** A committee as of a date: its name and short name then, and its page. */
export interface Committee {
  code: string;
  /** The name in force at the date it was looked up for. */
  name: string;
  shortName?: string;
  url: string;
}

export type CommitteeLookup = (code: string, date?: string) => Committee;

/**
 * A committee as it was called on a date: a committee renamed under the same
 * code keeps its pages and URLs, and each page names it as its meeting did.
 * Without a date, the latest name.
 */
export function createCommitteeLookup(data: CommitteesData, urlPattern: string): CommitteeLookup {
  const byCode = new Map(data.committees.map((c) => [c.code, c]));
  return (code, date) => {
    const c = byCode.get(code);
    const url = fillUrlPattern(urlPattern, { committee: code, date: '0000-00-00' });
    if (!c) return { code, name: code, url };
    const names = [
      { from: '', name: c.name, short_name: c.short_name },
      ...[...c.renamed].sort((a, b) => a.from.localeCompare(b.from)),
    ];
    const current = names.filter((n) => date === undefined || n.from <= date).at(-1) ?? names[0]!;
    return { code, name: current.name, ...(current.short_name ? { shortName: current.short_name } : {}), url };
  };
}

/**
 * The style in which a committee's generated lines print a meeting's date:
 * the latest of its `date_styles` begun by that date, else the site's.
 */
export function dateStyleAt(data: CommitteesData, siteStyle: DateStyle, code: string, date: string): DateStyle {
  const styles = data.committees.find((c) => c.code === code)?.date_styles ?? [];
  return (
    [...styles]
      .sort((a, b) => a.from.localeCompare(b.from))
      .filter((s) => s.from <= date)
      .at(-1)?.style ?? siteStyle
  );
}
