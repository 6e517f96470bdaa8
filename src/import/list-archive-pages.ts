import { type ItemNumber, readItemNumber } from '../domain/item-numbers.ts';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** A page of a saved archive, with what its address says of it. */
export interface ArchivePage {
  /** The page's path inside the saved folder, with forward slashes. */
  source: string;
  kind: 'report' | 'meeting' | 'minutes' | 'other';
  /** From the address `committees/<code>/<yyyy>/<yymmdd>/<nn>/`: the committee, the meeting's date and the item. */
  committee?: string;
  date?: string;
  /** Another meeting that day, from an address such as `…/060629-agm/`. */
  sitting?: string;
  number?: ItemNumber;
}

const DAY = '(\\d{4})\\/(\\d{2})(\\d{2})(\\d{2})(?:-([a-z0-9]+(?:-[a-z0-9]+)*))?';
const REPORT = new RegExp(`(?:^|\\/)committees\\/([a-z0-9-]+)\\/${DAY}\\/(\\d{1,3}[a-z]?)\\/(?:index\\.html?)?$`, 'i');
const MEETING = new RegExp(`(?:^|\\/)committees\\/([a-z0-9-]+)\\/${DAY}\\/(minutes\\/)?(?:index\\.html?)?$`, 'i');

/** Every HTML page of a saved archive, in a stable order, each read from its address. */
export async function listArchivePages(folder: string): Promise<ArchivePage[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.html?$/i.test(e.name))
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort()
    .map(readAddress);
}

/** What a page's address says: a report's committee, meeting date (and sitting) and number, or a meeting's page or minutes. */
export function readAddress(source: string): ArchivePage {
  const report = REPORT.exec(source);
  const reportDay = report && readDay(report);
  if (reportDay) return { source, kind: 'report', ...reportDay, number: readItemNumber(report![7]!.toLowerCase())! };
  const meeting = MEETING.exec(source);
  const meetingDay = meeting && readDay(meeting);
  if (meetingDay) return { source, kind: meeting![7] ? 'minutes' : 'meeting', ...meetingDay };
  return { source, kind: 'other' };
}

/** The committee, date and sitting an address gives (`…/mpa/2006/060629-agm/`), when its year and date agree. */
function readDay(match: RegExpExecArray): { committee: string; date: string; sitting?: string } | undefined {
  const [, committee, year, yy, mm, dd, sitting] = match;
  if (year!.slice(2) !== yy) return undefined;
  return { committee: committee!, date: `${year}-${mm}-${dd}`, ...(sitting ? { sitting: sitting.toLowerCase() } : {}) };
}
