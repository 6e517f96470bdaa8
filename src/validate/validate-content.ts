import type { RawEntry } from '../content/entry.ts';
import type { LoadResult } from '../content/load-content.ts';
import type { ContentError } from '../errors/content-error.ts';
import { SCHEMAS } from '../schemas/index.ts';
import { checkReferences } from './check-references.ts';
import type { Checked, Content } from './content.ts';
import { mapSchemaIssues } from './map-schema-issues.ts';

export interface ValidateResult {
  /** Present only when there were no errors. */
  content?: Content;
  errors: ContentError[];
}

/** Check every file against its schema, then every reference between files. */
export function validateContent(loaded: LoadResult): ValidateResult {
  const errors = [...loaded.errors];
  const checked = new Map<string, Checked<unknown>[]>();
  for (const entry of loaded.entries) {
    const result = checkEntry(entry);
    errors.push(...result.errors);
    if (result.checked) {
      const list = checked.get(entry.kind) ?? [];
      list.push(result.checked);
      checked.set(entry.kind, list);
    }
  }
  const one = (kind: string) => checked.get(kind)?.[0];
  const many = (kind: string) => checked.get(kind) ?? [];
  const site = one('site');
  const committees = one('committees');
  const contacts = one('contacts');
  const glossary = one('glossary');
  const statuses = one('statuses');
  const facts = one('facts');
  if (!site || !committees || !contacts || !glossary || !statuses || !facts) return { errors };
  const content = {
    site,
    committees,
    contacts,
    glossary,
    statuses,
    facts,
    boroughs: many('borough'),
    sets: many('recommendation-set'),
    recommendations: many('recommendation'),
    meetings: many('meeting'),
    reports: many('report'),
  } as Content;
  // Files that failed their schema still exist: references to them are not reported twice.
  errors.push(...checkReferences(content, loaded.found));
  return errors.some((e) => e.severity === 'error') ? { errors } : { content, errors };
}

function checkEntry(entry: RawEntry): { checked?: Checked<unknown>; errors: ContentError[] } {
  const schema = SCHEMAS[entry.kind];
  const result = schema.safeParse(entry.data ?? {}, { reportInput: true });
  if (!result.success) return { errors: mapSchemaIssues(entry, schema, result.error.issues) };
  const data = entry.kind === 'report' ? { ...(result.data as object), body: entry.body?.text ?? '' } : result.data;
  return { checked: { id: entry.id, file: entry.file, source: entry.source, data, body: entry.body }, errors: [] };
}
