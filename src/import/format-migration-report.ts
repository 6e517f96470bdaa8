import { escapeXml } from '../render/format-feeds.ts';
import { formatCsv } from '../render/format-csv.ts';
import type { ImportWarning } from './import-types.ts';

/** One page of the migration, as the report lists it. */
export interface MigrationRow {
  source: string;
  status: 'imported' | 'unchanged' | 'edited' | 'refused' | 'skipped';
  file?: string;
  warnings: readonly ImportWarning[];
  reason?: string;
  code?: string;
  lines?: { found: number; total: number; missing: readonly string[] };
}

const STATUS_WORDS: Record<MigrationRow['status'], string> = {
  imported: 'imported',
  unchanged: 'unchanged since the last import',
  edited: 'edited by hand since: left as it is',
  refused: 'refused',
  skipped: 'skipped',
};

/** A page's line fidelity as a percentage with one decimal, or empty when it was not measured. */
export function formatFidelity(lines: MigrationRow['lines']): string {
  if (!lines) return '';
  return lines.total === 0 ? '100.0' : ((100 * lines.found) / lines.total).toFixed(1);
}

/** The migration report as CSV: one row per page, warnings joined, safe to open in a spreadsheet. */
export function formatMigrationCsv(rows: readonly MigrationRow[]): string {
  return formatCsv(
    ['source', 'status', 'file', 'lines_found', 'lines_total', 'fidelity_percent', 'code', 'reason', 'warnings'],
    rows.map((r) => [
      r.source,
      r.status,
      r.file ?? '',
      r.lines?.found ?? '',
      r.lines?.total ?? '',
      formatFidelity(r.lines),
      r.code ?? '',
      r.reason ?? '',
      r.warnings.map((w) => `${w.at}: ${w.message}`).join(' | '),
    ]),
  );
}

/** The migration report as a page: the totals, then each page with its status, fidelity and what to review. */
export function formatMigrationHtml(rows: readonly MigrationRow[], checkErrors: number): string {
  const count = (status: MigrationRow['status']) => rows.filter((r) => r.status === status).length;
  const measured = rows.filter((r) => r.lines);
  const found = measured.reduce((n, r) => n + r.lines!.found, 0);
  const total = measured.reduce((n, r) => n + r.lines!.total, 0);
  const totals = (Object.keys(STATUS_WORDS) as Array<MigrationRow['status']>)
    .map((s) => `<li>${escapeXml(STATUS_WORDS[s])}: ${count(s)}</li>`)
    .join('');
  const check =
    checkErrors === 0
      ? '<p><code>papers check</code> passes on the whole project.</p>'
      : `<p><strong><code>papers check</code> fails with ${checkErrors} error${checkErrors > 1 ? 's' : ''}</strong>: run it to see them; line fidelity is measured once it passes.</p>`;
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Migration report</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;margin:1rem auto;max-width:75rem;padding:0 1rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}.refused{background:#fde8e8}.warned{background:#fff6d6}</style>
</head><body><main>
<h1>Migration report</h1>
<ul>${totals}</ul>
${check}
<p>Line fidelity: ${total === 0 ? 'not measured' : `${((100 * found) / total).toFixed(1)}% of ${total} source lines found, in order, on the built pages`}.</p>
<table><caption>Each page of the archive</caption>
<thead><tr><th scope="col">Page</th><th scope="col">Status</th><th scope="col">File</th><th scope="col">Lines found</th><th scope="col">To review</th></tr></thead>
<tbody>
${rows.map(formatRow).join('\n')}
</tbody></table>
</main></body></html>
`;
}

function formatRow(row: MigrationRow): string {
  const review = [
    ...(row.reason ? [`${row.code ? `${row.code}: ` : ''}${row.reason}`] : []),
    ...row.warnings.map((w) => `${w.at}: ${w.message}`),
    ...(row.lines?.missing ?? []).map(
      (line) => `not on the built page: "${line.length > 80 ? `${line.slice(0, 77)}…` : line}"`,
    ),
  ];
  const kind =
    row.status === 'refused'
      ? ' class="refused"'
      : review.length > 0 && row.status === 'imported'
        ? ' class="warned"'
        : '';
  const fidelity = row.lines ? `${formatFidelity(row.lines)}% (${row.lines.found} of ${row.lines.total})` : '';
  return `<tr${kind}><td>${escapeXml(row.source)}</td><td>${escapeXml(STATUS_WORDS[row.status])}</td><td>${escapeXml(row.file ?? '')}</td><td>${fidelity}</td><td>${review.length > 0 ? `<ul>${review.map((r) => `<li>${escapeXml(r)}</li>`).join('')}</ul>` : ''}</td></tr>`;
}
