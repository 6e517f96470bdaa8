import { didYouMean } from '../errors/suggest.ts';
import { isKnown, type ReferenceCheck } from './reference-check.ts';

/** Boroughs: a square of the map each, and facts of known kinds, values and sources that do not contradict each other. */
export function checkBoroughs(check: ReferenceCheck): void {
  const { content, unchecked, report } = check;
  const reportIds = content.reports.map((r) => r.id);
  // Looked up for every fact a borough cites: 20,000 reports in a large archive.
  const reportIdSet = new Set(reportIds);
  const tiles = new Map<string, string>();
  for (const borough of content.boroughs) {
    const tile = borough.data.tile;
    if (!tile) continue;
    const key = `${tile.col},${tile.row}`;
    const other = tiles.get(key);
    if (other)
      report(
        borough,
        ['tile'],
        'E_DUPLICATE_ID',
        `this tile (column ${tile.col}, row ${tile.row}) is also ${other}'s`,
        'give each borough its own square on the map',
      );
    else tiles.set(key, borough.id);
  }

  const factTypes = content.facts.data.facts;
  for (const borough of content.boroughs) {
    // One fact holds one value from a date: a second entry for the same date that says otherwise contradicts it.
    const held = new Map<string, { value: unknown; index: number }>();
    borough.data.facts.forEach((fact, i) => {
      const key = `${fact.fact}\u0000${fact.held_from}`;
      const earlier = held.get(key);
      if (earlier && earlier.value !== fact.value)
        report(
          borough,
          ['facts', i, 'value'],
          'E_DUPLICATE_ID',
          `\`${fact.fact}\` is given as ${String(fact.value)} from ${fact.held_from}, and as ${String(earlier.value)} from the same date above`,
          'keep the value the source states, and delete the other entry; a change of value needs the date it took effect',
        );
      else if (!earlier) held.set(key, { value: fact.value, index: i });
    });
    // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
    borough.data.facts.forEach((fact, i) => {
      const type = factTypes.find((f) => f.id === fact.fact);
      if (unchecked.has('facts')) {
        // data/facts.yaml failed its own check: its kinds are not known.
      } else if (!type)
        report(
          borough,
          ['facts', i, 'fact'],
          'E_UNKNOWN_REF',
          `unknown fact \`${fact.fact}\``,
          didYouMean(
            fact.fact,
            factTypes.map((f) => f.id),
            `add \`- id: ${fact.fact}\` with its \`label\` and \`type\` to data/facts.yaml`,
          ),
        );
      else if (typeof fact.value !== JS_TYPE[type.type])
        report(
          borough,
          ['facts', i, 'value'],
          'E_SCHEMA',
          `the fact \`${fact.fact}\` takes ${type.type === 'boolean' ? 'true or false' : type.type === 'number' ? 'a number' : 'text'}`,
          `correct the value; data/facts.yaml says it is ${type.type}`,
        );
      else if (type.choices && !type.choices.some((c) => c.value === fact.value))
        report(
          borough,
          ['facts', i, 'value'],
          'E_SCHEMA',
          `\`${String(fact.value)}\` is not a value of \`${fact.fact}\``,
          `use one of: ${type.choices.map((c) => c.value).join(', ')}`,
        );
      if (!isKnown(check, 'report', fact.source.report, reportIdSet))
        report(
          borough,
          ['facts', i, 'source', 'report'],
          'E_UNKNOWN_REF',
          `no report \`${fact.source.report}\``,
          didYouMean(fact.source.report, reportIds, 'write the report’s file name under content/reports without .md'),
        );
    });
  }
}

const JS_TYPE = { boolean: 'boolean', number: 'number', text: 'string' } as const;
