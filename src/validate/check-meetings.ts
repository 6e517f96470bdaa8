import { isIsoDate } from '../domain/dates.ts';
import { isMeetingDay, readMeetingId } from '../domain/meeting-ids.ts';
import { didYouMean } from '../errors/suggest.ts';
import { describeCommitteeFix, isKnown, meetingOfReport, type ReferenceCheck } from './reference-check.ts';

/** Meetings: the committee and date their file names give, and the reports their agendas list. */
export function checkMeetings(check: ReferenceCheck): void {
  const { content, unchecked, report } = check;
  const committeeCodes = content.committees.data.committees.map((c) => c.code);
  const committeeSet = new Set(committeeCodes);
  const reportIds = content.reports.map((r) => r.id);
  const reportsById = new Map(content.reports.map((r) => [r.id, r]));
  for (const meeting of content.meetings) {
    const { committee, date, day } = readMeetingId(meeting.id);
    if (!unchecked.has('committees') && !committeeSet.has(committee))
      report(
        meeting,
        [],
        'E_UNKNOWN_REF',
        `the folder names the committee \`${committee}\`, which is not in data/committees.yaml`,
        didYouMean(committee, committeeCodes, describeCommitteeFix(committee, committeeCodes)),
      );
    if (!isMeetingDay(day) || !isIsoDate(date))
      report(
        meeting,
        [],
        'E_FILE_NAME',
        `the file name \`${day}\` is not a meeting date`,
        'name a meeting file after its date, as YYYY-MM-DD.yaml (YYYY-MM-DD-agm.yaml for another meeting that day, such as its AGM)',
      );
    for (const field of ['agenda', 'part_2'] as const) {
      meeting.data[field].forEach((item, i) => {
        if (item.report === undefined) return;
        const target = reportsById.get(item.report);
        if (!target && !isKnown(check, 'report', item.report, reportsById))
          report(
            meeting,
            [field, i, 'report'],
            'E_UNKNOWN_REF',
            `no report \`${item.report}\``,
            didYouMean(item.report, reportIds, 'write the report’s file name under content/reports without .md'),
          );
        if (target && meetingOfReport(target.data) !== meeting.id)
          report(
            meeting,
            [field, i, 'report'],
            'E_UNKNOWN_REF',
            `report \`${item.report}\` belongs to the meeting ${meetingOfReport(target.data)}, not this one`,
            'list it on its own meeting’s agenda, or correct the report’s committee and date',
          );
      });
    }
  }
}
