import type { Content } from '../content/content.ts';
import { licenceOf } from './build-open-data.ts';
import type { DataFile, Decision } from './types.ts';
import { absoluteUrl } from '../domain/urls.ts';

/** Decisions that named recommendations or sets, as JSON and CSV: one CSV row per decision and thing it named. */
export function buildDecisionData(content: Content, decisions: readonly Decision[], baseUrl: string): DataFile[] {
  const json = () =>
    decisions.map((d) => ({
      date: d.date,
      committee: d.committee,
      minute: d.minute,
      minute_title: d.minuteTitle,
      url: absoluteUrl(d.url, baseUrl),
      action: d.action,
      names: d.targets,
      text: d.text,
    }));
  const rows = () =>
    decisions.flatMap((d) =>
      d.targets.map((t) => [d.date, d.committee, d.minute, d.action, t, absoluteUrl(d.url, baseUrl), d.text]),
    );
  return [
    {
      url: '/data/decisions.json',
      title: 'Decisions (JSON)',
      description:
        'Every decision of a committee’s minutes that agreed, noted or closed recommendations or a set, with the minute it was taken at.',
      make: () => ({ format: 'json', data: { ...licenceOf(content), decisions: json() } }),
    },
    {
      url: '/data/decisions.csv',
      title: 'Decisions (CSV)',
      description: 'One row per decision and each recommendation or set it named.',
      make: () => ({
        format: 'csv',
        header: ['date', 'committee', 'minute', 'action', 'names', 'minute_url', 'text'],
        rows: rows(),
      }),
    },
  ];
}
