import { countChanges, type Changes } from './diff-content.ts';

/** Changes as Markdown, for a pull-request comment. */
export function formatChangesMarkdown(changes: Changes, heading: string): string {
  const out = [`## ${heading}`, ''];
  if (countChanges(changes) === 0) return `${out.join('\n')}\nNo changes.\n`;
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push(`### ${title}`, '', ...lines, '');
  };
  section(
    'Recommendation status',
    changes.statuses.map(
      (c) =>
        `- [${c.recommendation}](${c.url}) (${c.set}), “${c.action}”: ${c.before ? `${c.before} → ` : 'first entry: '}**${c.after}** (${c.dateLabel}). ${c.result}`,
    ),
  );
  section(
    'Target dates',
    changes.targets.map(
      (t) => `- [${t.recommendation}](${t.url}), “${t.action}”: ${t.fromLabel} → **${t.toLabel}**. Reason: ${t.reason}`,
    ),
  );
  section(
    'Borough facts',
    changes.facts.map(
      (f) =>
        `- [${f.borough}](${f.url}): ${f.fact}: ${f.before ? `${f.before} → ` : ''}**${f.after}** (${f.kind}, held from ${f.heldFromLabel})`,
    ),
  );
  section(
    'New reports',
    changes.reports.map((r) => `- [${r.title}](${r.url}), ${r.committee}, ${r.dateLabel}`),
  );
  section(
    'New meetings',
    changes.meetings.map((m) => `- [${m.committee}, ${m.dateLabel}](${m.url})`),
  );
  return `${out.join('\n').trimEnd()}\n`;
}
