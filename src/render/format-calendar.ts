import ical from 'ical-generator';
import type { Meeting, SiteInfo } from '../model/types.ts';
import { absoluteUrl } from '../domain/urls.ts';

/**
 * The meetings as an iCalendar file, beside the feed. Times are floating (the
 * meeting's local time, as the agenda states it); a meeting without a time is
 * a whole day. Every stamp is the meeting's own date, so the file is the same
 * on every build. Only the public agenda's titles go in.
 */
export function formatCalendar(site: SiteInfo, name: string, meetings: readonly Meeting[]): string {
  const host = new URL(site.baseUrl).host;
  const calendar = ical({ name, prodId: { company: site.body, product: 'papers', language: 'EN' } });
  for (const m of [...meetings].sort((a, b) => a.id.localeCompare(b.id))) {
    const day = new Date(`${m.date}T${m.time ?? '00:00'}:00Z`);
    const end = m.time ? new Date(day.getTime() + 2 * 3_600_000) : new Date(day.getTime() + 86_400_000);
    calendar.createEvent({
      id: `${m.id.replace('/', '-')}@${host}`,
      start: day,
      end,
      allDay: m.time === undefined,
      floating: true,
      stamp: new Date(`${m.date}T00:00:00Z`),
      summary: m.committee.name,
      ...(m.venue ? { location: m.venue } : {}),
      url: absoluteUrl(m.url, site.baseUrl),
      description: m.parts
        .flatMap((part) => [
          ...(m.parts.length > 1 ? [`${part.heading}:`] : []),
          ...part.items.map((item) => `${item.number}. ${item.title}`),
        ])
        .join('\n'),
    });
  }
  return calendar.toString();
}
