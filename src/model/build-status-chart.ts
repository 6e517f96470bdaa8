import type { DashboardRow, StatusChart, StatusInfo } from './types.ts';

const CHART = { label: 150, bar: 28, gap: 12, plot: 420, top: 36 };

/** A set's dashboard chart: one bar per report, split by status, with its legend and a summary in words. */
export function buildChart(
  statuses: readonly StatusInfo[],
  rows: readonly DashboardRow[],
  setTitle: string,
): StatusChart {
  const max = Math.max(1, ...rows.map((r) => r.counts.reduce((a, b) => a + b, 0)));
  const scale = CHART.plot / max;
  const bars = rows.map((row, i) => {
    let x = CHART.label;
    const segments = row.counts.flatMap((count, k) => {
      const status = statuses[k];
      if (!status || count === 0) return [];
      const segment = { x, width: count * scale, fill: status.colour, title: `${status.label}: ${count}` };
      x += count * scale;
      return [segment];
    });
    return {
      y: CHART.top + i * (CHART.bar + CHART.gap),
      label: row.dateLabel,
      total: row.counts.reduce((a, b) => a + b, 0),
      segments,
    };
  });
  const used = statuses.filter((_, k) => rows.some((r) => (r.counts[k] ?? 0) > 0));
  const legend = used.map((s, i) => ({ x: CHART.label + i * 110, label: s.label, fill: s.colour }));
  const summary = rows
    .map(
      (r) =>
        `${r.dateLabel}: ${statuses
          .map((s, k) => ((r.counts[k] ?? 0) > 0 ? `${r.counts[k]} ${s.label.toLowerCase()}` : ''))
          .filter(Boolean)
          .join(', ')}`,
    )
    .join('; ');
  return {
    width: CHART.label + CHART.plot + 40,
    height: CHART.top + rows.length * (CHART.bar + CHART.gap) + 8,
    bars,
    legend,
    summary: `Recommendations of ${setTitle} by status as at each report: ${summary || 'none reported yet'}.`,
  };
}
