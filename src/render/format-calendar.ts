import type { Meeting, SiteInfo } from '../model/types.ts';
import { absoluteUrl } from '../domain/urls.ts';

/**
 * The meetings as an iCalendar file (RFC 5545), beside the feed. Times are
 * floating (the meeting's local time, as the agenda states it); a meeting
 * without a time is a whole day. Every stamp is the meeting's own date, so the
 * file is the same on every build. Only the public agenda's titles go in.
 * Written here, not by a library: the one used before folded its lines by
 * encoding every character on its own (2.3 s of a 20,000-report build).
 */
export function formatCalendar(site: SiteInfo, name: string, meetings: readonly Meeting[]): string {
  const host = new URL(site.baseUrl).host;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${escapeText(site.body)}//papers//EN`,
    `NAME:${escapeText(name)}`,
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const m of [...meetings].sort((a, b) => a.id.localeCompare(b.id))) lines.push(...describeMeeting(m, site, host));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n').concat('\r\n');
}

/** One meeting as the lines of its event. */
function describeMeeting(m: Meeting, site: SiteInfo, host: string): string[] {
  const start = new Date(`${m.date}T${m.time ?? '00:00'}:00Z`);
  const description = m.parts
    .flatMap((part) => [
      ...(m.parts.length > 1 ? [`${part.heading}:`] : []),
      ...part.items.map((item) => `${item.number}. ${item.title}`),
    ])
    .join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${m.id.replace('/', '-')}@${host}`)}`,
    'SEQUENCE:0',
    `DTSTAMP:${formatDate(start)}T000000Z`,
    ...(m.time === undefined
      ? [
          `DTSTART;VALUE=DATE:${formatDate(start)}`,
          `DTEND;VALUE=DATE:${formatDate(new Date(start.getTime() + 86_400_000))}`,
          'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
          'X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT:TRUE',
        ]
      : [`DTSTART:${formatDateTime(start)}`, `DTEND:${formatDateTime(new Date(start.getTime() + 2 * 3_600_000))}`]),
    `SUMMARY:${escapeText(m.committee.name)}`,
    ...(m.venue ? [`LOCATION:${escapeText(m.venue)}`] : []),
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    `URL;VALUE=URI:${absoluteUrl(m.url, site.baseUrl)}`,
    'END:VEVENT',
  ];
}

/** A TEXT value: backslash, semicolon and comma escaped, each line break as `\n`. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** `20090402`, of a date read as UTC. */
function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}

/** `20090402T140000`, floating: the wall-clock time, read as UTC. */
function formatDateTime(date: Date): string {
  return `${formatDate(date)}T${date.toISOString().slice(11, 19).replaceAll(':', '')}`;
}

/** A content line folded so that no line is longer than 75 octets of UTF-8: each line after the first starts with a space. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = 75;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    // A pair of surrogates is one character of four octets, never split.
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < line.length;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (octets + size > limit) {
      pieces.push(line.slice(start, i));
      start = i;
      octets = 0;
      limit = 74;
    }
    octets += size;
    if (pair) i++;
  }
  pieces.push(line.slice(start));
  return pieces.join('\r\n ');
}
