import { meetingDay } from '../domain/meeting-ids.ts';
import { reportIdPrefix } from '../domain/slugs.ts';
import type { Entry } from '../content/entry.ts';
import type { ReportData } from '../schemas/report.ts';
import type { Reporter } from './reference-check.ts';

/**
 * A report named `<date>-<committee>-<nn>-<slug>.md` whose name no longer
 * agrees with its date, committee or number (say, after `number:` was changed)
 * gets a warning with the `git mv` that renames it. A name of another form is left alone.
 */
export function checkReportName(rep: Entry<ReportData>, report: Reporter): void {
  const d = rep.data;
  if (!/^\d{4}-\d{2}-\d{2}-/.test(rep.id)) return;
  const expected = reportIdPrefix(meetingDay(d.date, d.sitting), d.committee, d.number);
  if (rep.id.startsWith(expected)) return;
  const slug = rep.id.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/^[a-z0-9]+(-[a-z0-9]+)*?-\d+[a-z]?-(?=[a-z])/, '');
  const id = `${expected}${slug}`;
  const to = `${rep.file.slice(0, rep.file.lastIndexOf('/', rep.file.lastIndexOf('/') - 1))}/${d.date.slice(0, 4)}/${id}.md`;
  report(
    rep,
    ['number'],
    'E_FILE_NAME',
    `the file name says ${rep.id.slice(0, expected.length - 1)}, and the report is number ${d.number} of ${d.committee} on ${d.date}`,
    `rename it: \`git mv ${rep.file} ${to}\`, then write \`${id}\` where the report is named (its meeting's agenda, borough facts)`,
    false,
    'warning',
  );
}
