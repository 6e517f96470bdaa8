import { type Entry, makeEntry } from '../content/entry.ts';
import type { LoadResult } from '../content/load-content.ts';
import type { ExemptMinutes } from '../content/load-exempt.ts';
import type { ContentProblem } from '../errors/content-problem.ts';
import { SCHEMAS } from '../schemas/index.ts';
import { createMarkdown } from '../markdown/create-markdown.ts';
import { checkOutsideImages } from './check-images.ts';
import { keepInputs, type ReferenceMemory } from './check-memory.ts';
import { checkReferences } from './check-references.ts';
import { checkReportBodies } from './check-report-bodies.ts';
import { readReport } from './read-report.ts';
import { checkStatusWords } from './check-recommendations.ts';
import { createReporter } from './reference-check.ts';
import type { Content } from '../content/content.ts';
import { mapSchemaIssues } from './map-schema-issues.ts';

export interface ValidateResult {
  /** Present only when there were no errors. */
  content?: Content;
  /**
   * The files that passed their schemas, present whenever the shared data did:
   * later checks run on it, so that one file's mistake hides no other's.
   */
  partial?: Content;
  errors: ContentProblem[];
}

/** Shared files that may fail their own check without stopping the reference checks: an empty stand-in is checked against instead. */
const STAND_INS = {
  committees: { committees: [] },
  contacts: { heading: '', contacts: [] },
  glossary: { terms: [] },
  statuses: { statuses: [] },
  facts: { facts: [] },
} as const;

/** Check every file against its schema, then every reference between files. */
export function validateContent(
  loaded: LoadResult,
  { exemptMinutes, memory }: { exemptMinutes?: ExemptMinutes[]; memory?: ReferenceMemory } = {},
): ValidateResult {
  const errors = [...loaded.errors];
  const { checked, failed } = checkEntries(loaded.entries, errors);
  const many = (kind: string) => checked.get(kind) ?? [];
  const unchecked = new Set<string>();
  const shared = (kind: keyof typeof STAND_INS) => {
    const found = checked.get(kind)?.[0];
    if (found) return found;
    unchecked.add(kind);
    return {
      id: kind,
      file: `data/${kind}.yaml`,
      source: undefined,
      data: STAND_INS[kind],
    } as unknown as Entry<unknown>;
  };
  const content = {
    site: checked.get('site')?.[0],
    committees: shared('committees'),
    contacts: shared('contacts'),
    glossary: shared('glossary'),
    statuses: shared('statuses'),
    facts: shared('facts'),
    ...(checked.get('audit')?.[0] ? { audit: checked.get('audit')?.[0] } : {}),
    boroughs: many('borough'),
    sets: many('recommendation-set'),
    recommendations: many('recommendation'),
    meetings: many('meeting'),
    reports: many('report'),
    minutes: many('minutes'),
    found: loaded.found,
    ...(exemptMinutes ? { exemptMinutes } : {}),
  } as Content;
  // Files that failed their schema still exist: references to them are not reported twice.
  // The preview's memory: what the last check found of each report, and what from.
  const kept = memory && keepInputs(memory, content, loaded.found);
  errors.push(...checkReferences(content, loaded.found, unchecked, kept));
  // A file that failed its schema is still read for its status words: every mistake in one round.
  if (!unchecked.has('statuses')) {
    const check = { content, known: loaded.found, unchecked, report: createReporter(errors), problems: errors };
    for (const entry of failed) if (entry.kind === 'recommendation') checkStatusWords(entry, check);
  }
  errors.push(...checkOutsideImages(content, createMarkdown()));
  // Each report's Markdown is read here, once; its references only once the shared data they name has passed.
  errors.push(
    ...(unchecked.size === 0
      ? checkReportBodies(content, kept)
      : content.reports.flatMap((r) => readReport(r).problems)),
  );
  if (!content.site) return { errors };
  const partial = unchecked.size === 0 ? { partial: content } : {};
  return errors.some((e) => e.severity === 'error') ? { ...partial, errors } : { content, errors };
}

/** Each entry against its schema: those that pass, by kind, and those that fail. */
function checkEntries(
  entries: readonly Entry[],
  errors: ContentProblem[],
): { checked: Map<string, Entry<unknown>[]>; failed: Entry[] } {
  const checked = new Map<string, Entry<unknown>[]>();
  const failed: Entry[] = [];
  for (const entry of entries) {
    const result = checkEntry(entry);
    errors.push(...result.errors);
    if (!result.checked) {
      failed.push(entry);
      continue;
    }
    const list = checked.get(entry.kind) ?? [];
    list.push(result.checked);
    checked.set(entry.kind, list);
  }
  return { checked, failed };
}

type EntryCheck = { checked?: Entry<unknown>; errors: ContentProblem[] };

/**
 * Each entry's check, kept while the entry is: a process that loads again
 * (the preview) keeps the entries of unchanged files, and gets their checked
 * data back as the same objects, so the model can tell what is unchanged.
 */
const CHECKS = new WeakMap<Entry, EntryCheck>();

function checkEntry(entry: Entry): EntryCheck {
  const known = CHECKS.get(entry);
  if (known) return known;
  const result = checkEntryAnew(entry);
  CHECKS.set(entry, result);
  return result;
}

function checkEntryAnew(entry: Entry): EntryCheck {
  const schema = SCHEMAS[entry.kind];
  const result = schema.safeParse(entry.data ?? {}, { reportInput: true });
  if (!result.success) return { errors: mapSchemaIssues(entry, schema, result.error.issues) };
  return { checked: makeEntry(entry, entry.source, result.data, entry.body), errors: [] };
}
