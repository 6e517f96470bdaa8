import type { Content } from '../content/content.ts';
import { locatePath } from '../content/yaml-source.ts';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';
import type { RecommendationViewData } from '../schemas/recommendation-view.ts';
import { keepBuilt } from '../util/keep-built.ts';
import type { KeptMemory } from './check-memory.ts';
import { checkViewReferences } from './check-view-references.ts';
import { type ReadReport, readReport } from './read-report.ts';
import { selectShown } from './shown-recommendations.ts';

type ReportEntry = Content['reports'][number];

/**
 * What each report's Markdown holds, checked: the house rules' problems, the
 * sets and recommendations its `::: recommendations` blocks name, the sections
 * `numbered_sections` names, and the paragraphs, appendices and
 * recommendations that borough facts cite as their sources.
 */
export function checkReportBodies(content: Content, kept?: KeptMemory): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const found = keepBuilt(
    content.reports,
    (entry) => entry.file,
    // A report's Markdown is checked again only when it, or a set its views show, is not as it was.
    (entry) => [entry, ...listViews(readReport(entry)).flatMap((view) => kept?.viewOf(view.data?.set ?? '') ?? [])],
    (entry) => checkBody(entry, readReport(entry), content),
    kept?.memory.bodies,
  );
  for (const list of found) problems.push(...list);
  checkFactSources(content, problems);
  return problems;
}

function checkBody(entry: ReportEntry, report: ReadReport, content: Content): ContentProblem[] {
  const problems = [...report.problems];
  checkViews(entry, report, content, problems);
  checkNumberedSections(entry, report, problems);
  return problems;
}

function listViews(report: ReadReport) {
  return [...report.body.views, ...report.appendices.flatMap((a) => a?.views ?? [])];
}

function checkViews(entry: ReportEntry, report: ReadReport, content: Content, problems: ContentProblem[]): void {
  for (const { data, source } of listViews(report)) {
    if (!data || !source) continue;
    for (const { path, message, hint, exempt } of checkViewReferences(data, content, entry.data.exempt === undefined))
      problems.push(createProblem(locatePath(source, path), exempt ? 'E_EXEMPT' : 'E_UNKNOWN_REF', message, hint));
  }
}

/** `numbered_sections` names sections the body has. */
function checkNumberedSections(entry: ReportEntry, report: ReadReport, problems: ContentProblem[]): void {
  const sections = report.body.sections.map((s) => s.title);
  entry.data.numbered_sections.forEach((title, i) => {
    if (sections.some((s) => s.toLowerCase() === title.toLowerCase())) return;
    problems.push(
      createProblem(
        locatePath(entry.source, ['numbered_sections', i]),
        'E_UNKNOWN_REF',
        `no section is headed "${title}"`,
        `use a \`## \` heading of the body: ${sections.join(', ') || 'there are none'}`,
      ),
    );
  });
}

/** What an appendix shows of a set: the set its first view names, and the numbers of every recommendation it shows. */
function describeAppendix(
  views: readonly RecommendationViewData[],
  content: Content,
): { set?: string; numbers: number[] } {
  const numbers = views.flatMap((v) => selectShown(v, content.recommendations).map((r) => r.data.number));
  return { ...(views[0] ? { set: views[0].set } : {}), numbers };
}

/** Each appendix of a report, as facts cite it. */
function listAppendices(entry: ReportEntry, report: ReadReport, content: Content) {
  return entry.data.appendices.map((a, i) => {
    const views = a.recommendations
      ? [a.recommendations]
      : (report.appendices[i]?.views ?? []).flatMap((v) => (v.data ? [v.data] : []));
    return describeAppendix(views, content);
  });
}

type BoroughEntry = Content['boroughs'][number];
type Fact = BoroughEntry['data']['facts'][number];

/** A borough fact's source names a paragraph, appendix and recommendation its report has. */
function checkFactSources(content: Content, problems: ContentProblem[]): void {
  const reports = new Map(content.reports.map((r) => [r.id, r]));
  for (const borough of content.boroughs) {
    borough.data.facts.forEach((fact, i) => {
      const entry = reports.get(fact.source.report);
      if (!entry) return;
      const shown = readReport(entry);
      const at = (field: string) => locatePath(borough.source, ['facts', i, 'source', field]);
      const paragraphs = shown.body.paragraphs;
      const { report, paragraph } = fact.source;
      if (paragraph !== undefined && !paragraphs.includes(paragraph))
        problems.push(
          createProblem(
            at('paragraph'),
            'E_UNKNOWN_REF',
            `report \`${report}\` has no numbered paragraph ${paragraph}`,
            `its numbered paragraphs are ${paragraphs.join(', ') || 'none'}`,
          ),
        );
      const problem = checkCitedAppendix(fact, listAppendices(entry, shown, content), content);
      if (problem) problems.push(createProblem(at(problem.field), 'E_UNKNOWN_REF', problem.message, problem.hint));
    });
  }
}

/** The appendix a fact cites, and the recommendation it cites in it, are there. */
function checkCitedAppendix(
  fact: Fact,
  appendices: ReadonlyArray<{ set?: string; numbers: number[] }>,
  content: Content,
): { field: string; message: string; hint: string } | undefined {
  const { report, appendix, recommendation } = fact.source;
  if (appendix === undefined) return undefined;
  const cited = appendices[appendix - 1];
  if (!cited)
    return {
      field: 'appendix',
      message: `report \`${report}\` has no appendix ${appendix}`,
      hint: `it has ${appendices.length} appendices`,
    };
  if (recommendation === undefined || cited.numbers.includes(recommendation)) return undefined;
  const recommendationId = `${cited.set}/${String(recommendation).padStart(2, '0')}`;
  // A recommendation whose own file failed its check is reported there, not again here.
  const failedOwnCheck =
    content.found?.has(`recommendation:${recommendationId}`) &&
    !content.recommendations.some((r) => r.id === recommendationId);
  if (failedOwnCheck) return undefined;
  return {
    field: 'recommendation',
    message: `appendix ${appendix} of \`${report}\` shows no recommendation ${recommendation}`,
    hint: 'correct the recommendation number',
  };
}
