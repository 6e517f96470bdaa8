import type { DataPath } from '../content/yaml-source.ts';

/** What one entry of each list of the content files is called, as an officer would say it. */
const NOUNS: Record<string, string> = {
  key_points: 'key point',
  actions: 'action',
  progress: 'progress entry',
  revised_targets: 'revised target',
  commentary: 'commentary',
  facts: 'fact',
  agenda: 'agenda item',
  part_2: 'Part 2 item',
  items: 'item',
  appendices: 'appendix',
  authors: 'author',
  members: 'member',
  officers: 'officer entry',
  people: 'person',
  terms: 'term',
  statuses: 'status',
  aliases: 'alias',
  committees: 'committee',
  names: 'name',
  contacts: 'contact',
  abbreviations: 'abbreviation',
  background_papers: 'background paper',
  numbers: 'number',
  columns: 'column',
  owners: 'owner',
  boroughs: 'borough',
  apologies: 'apology',
  also: 'attendee',
};

/**
 * A place in a file as a person names it: `date` of key point 1, action 1,
 * progress entry 2 — never `key_points[0].actions[0].progress[1].date`.
 */
export function describePlace(path: DataPath): string {
  if (path.length === 0) return 'the file';
  const places: string[] = [];
  let field: string | undefined;
  path.forEach((segment, i) => {
    const next = path[i + 1];
    if (typeof segment === 'number') return;
    if (typeof next === 'number') places.push(`${NOUNS[segment] ?? `item of \`${segment}\``} ${next + 1}`);
    else if (i === path.length - 1) field = segment;
    else places.push(`\`${segment}\``);
  });
  const where = places.join(', ');
  if (field === undefined) return where;
  return where === '' ? `\`${field}\`` : `\`${field}\` of ${where}`;
}

/** "in key point 1, action 1", or nothing at the top of the file: where a field was found or is missing. */
export function describeWhere(path: DataPath): string {
  return path.length === 0 ? '' : ` in ${describePlace(path)}`;
}
