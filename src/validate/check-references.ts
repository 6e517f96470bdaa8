import type { ContentProblem } from '../errors/content-problem.ts';
import type { Content } from '../content/content.ts';
import { checkBoroughs } from './check-boroughs.ts';
import { checkExemptPapers } from './check-exempt-papers.ts';
import { checkMeetingPapers } from './check-meeting-papers.ts';
import { checkMeetings } from './check-meetings.ts';
import { checkRecommendations } from './check-recommendations.ts';
import { checkReports } from './check-reports.ts';
import { checkSharedData } from './check-shared-data.ts';
import { checkWebNames } from './check-web-names.ts';
import type { KeptMemory } from './check-memory.ts';
import { createReporter } from './reference-check.ts';

/**
 * Every reference between files: statuses, owners, sets, reports, meetings,
 * committees, glossary terms, boroughs and fact kinds; and every id that must be unique.
 * `known` holds `kind:id` of every file that was read, even one that failed its schema.
 */
export function checkReferences(
  content: Content,
  known: ReadonlySet<string>,
  unchecked: ReadonlySet<string> = new Set(),
  kept?: KeptMemory,
): ContentProblem[] {
  const errors: ContentProblem[] = [];
  const check = {
    content,
    known,
    unchecked,
    report: createReporter(errors),
    problems: errors,
    ...(kept ? { kept } : {}),
  };
  checkSharedData(check);
  checkWebNames(check);
  checkRecommendations(check);
  checkMeetings(check);
  checkReports(check);
  checkBoroughs(check);
  errors.push(...checkMeetingPapers(content, known));
  errors.push(...checkExemptPapers(content));
  return errors;
}
