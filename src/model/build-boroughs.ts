import type { BoroughData } from '../schemas/borough.ts';
import type { FactTypesData } from '../schemas/shared-data.ts';
import type { Content } from '../content/content.ts';
import { formatDate } from '../domain/dates.ts';
import type { Borough, BoroughFact, BoroughOverview, Report, TileMap } from './types.ts';
import { boroughUrl } from '../domain/urls.ts';
import { crumbsToBoroughs } from './breadcrumbs.ts';
import { type BuiltMemo, keepBuilt } from '../util/keep-built.ts';

type FactType = FactTypesData['facts'][number];

const TILE = 64;
const GAP = 4;
/** Fill and text colours with at least 4.5:1 contrast between them. */
const PALETTE = [
  { fill: '#1d70b8', text: '#ffffff' },
  { fill: '#f47738', text: '#0b0c0c' },
  { fill: '#00703c', text: '#ffffff' },
  { fill: '#ffdd00', text: '#0b0c0c' },
  { fill: '#4c2c92', text: '#ffffff' },
];
const UNKNOWN = { fill: '#f3f2f1', text: '#0b0c0c' };

/** The reports that mention each borough, in the order given: each report is looked at once. */
function listReportsByBorough(reports: readonly Report[]): Map<string, Report[]> {
  const bySlug = new Map<string, Report[]>();
  for (const r of reports) {
    for (let i = 0; i < r.boroughs.length; i++) {
      const slug = r.boroughs[i]!;
      // A borough named twice lists the report once.
      if (r.boroughs.indexOf(slug) !== i) continue;
      const list = bySlug.get(slug);
      if (list) list.push(r);
      else bySlug.set(slug, [r]);
    }
  }
  return bySlug;
}

/** Borough pages (each kept in `memo` while what it is made from is the same), the London overview table and a tile map per kind of fact. */
export function buildBoroughs(
  content: Content,
  reports: readonly Report[],
  memo?: BuiltMemo<Borough>,
): { boroughs: Borough[]; overview: BoroughOverview } {
  const types = content.facts.data.facts;
  const reportsById = new Map(reports.map((r) => [r.id, r]));
  const reportsOf = listReportsByBorough(reports);
  const boroughs = keepBuilt(
    [...content.boroughs].sort((a, b) => a.data.name.localeCompare(b.data.name)),
    (entry) => entry.id,
    (entry) => listBoroughInputs(entry, content, reportsById, reportsOf.get(entry.id) ?? []),
    (entry) => buildBorough(entry, types, reportsById, reportsOf.get(entry.id) ?? []),
    memo,
  );
  const latest = (slug: string, fact: string) =>
    content.boroughs
      .find((b) => b.id === slug)
      ?.data.facts.filter((f) => f.fact === fact)
      .sort((a, b) => a.held_from.localeCompare(b.held_from))
      .at(-1);
  const rows = boroughs.map((borough) => ({
    borough,
    values: types.map((t) => {
      const f = latest(borough.slug, t.id);
      return f ? valueLabel(f.value, t) : 'Not recorded';
    }),
  }));
  const built = types.map((type) =>
    buildTileMap(
      type,
      content.boroughs.map((b) => ({ slug: b.id, data: b.data })),
      boroughs,
      latest,
    ),
  );
  const maps = built.map((map) => ({
    ...map,
    key: [...map.tiles].sort((a, b) => a.name.localeCompare(b.name)),
    others: built.filter((other) => other !== map).map((other) => ({ label: other.label, href: other.url })),
  }));
  return {
    boroughs,
    overview: { url: '/boroughs/', factColumns: types.map((t) => ({ id: t.id, label: t.label })), rows, maps },
  };
}

/** Each report's label in a borough's list, made once for each report built. */
const LABELS = new WeakMap<Report, string>();

function labelOf(r: Report): string {
  let label = LABELS.get(r);
  if (label === undefined) {
    label = `${r.title} (${r.committee.name}, ${r.dateLabel})`;
    LABELS.set(r, label);
  }
  return label;
}

/**
 * Everything a borough's page is made from: its file, the kinds of fact, and
 * of each report it cites or lists, only what the page shows of it (title,
 * committee, date, address): a report changed otherwise leaves the page be.
 */
function listBoroughInputs(
  entry: Content['boroughs'][number],
  content: Content,
  reportsById: ReadonlyMap<string, Report>,
  reports: readonly Report[],
): unknown[] {
  const inputs: unknown[] = [entry, content.facts];
  for (const f of entry.data.facts) {
    const r = reportsById.get(f.source.report);
    inputs.push(r?.title, r?.dateLabel, r?.url);
  }
  for (const r of reports) inputs.push(labelOf(r), r.url);
  return inputs;
}

function buildBorough(
  entry: Content['boroughs'][number],
  types: readonly FactType[],
  reportsById: ReadonlyMap<string, Report>,
  reports: readonly Report[],
): Borough {
  return {
    slug: entry.id,
    name: entry.data.name,
    shortName: entry.data.short_name ?? entry.data.name.slice(0, 3).toUpperCase(),
    url: boroughUrl(entry.id),
    facts: entry.data.facts.map((f) =>
      describeFact(
        f,
        types.find((t) => t.id === f.fact),
        reportsById.get(f.source.report),
      ),
    ),
    reports: reports.map((r) => ({ label: labelOf(r), href: r.url })),
    breadcrumb: crumbsToBoroughs(),
  };
}

function describeFact(
  f: BoroughData['facts'][number],
  type: FactType | undefined,
  report: Report | undefined,
): BoroughFact {
  const where = f.source.paragraph
    ? { label: `paragraph ${f.source.paragraph}`, anchor: `#para-${f.source.paragraph}` }
    : f.source.recommendation !== undefined
      ? {
          label: `Appendix ${f.source.appendix ?? 1}, recommendation ${f.source.recommendation}`,
          anchor: `#recommendation-${f.source.recommendation}`,
        }
      : f.source.appendix !== undefined
        ? { label: `Appendix ${f.source.appendix}`, anchor: `#appendix-${f.source.appendix}` }
        : { label: '', anchor: '' };
  const reportLabel = report ? `${report.title}, ${report.dateLabel}` : f.source.report;
  return {
    fact: f.fact,
    label: type?.label ?? f.fact,
    valueLabel: valueLabel(f.value, type),
    heldFromLabel: formatDate(f.held_from),
    source: {
      label: where.label ? `${reportLabel}, ${where.label}` : reportLabel,
      href: report ? `${report.url}${where.anchor}` : '#',
    },
  };
}

function valueLabel(value: boolean | number | string, type: FactType | undefined): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  return type?.choices?.find((c) => c.value === value)?.label ?? value;
}

function buildTileMap(
  type: FactType,
  data: Array<{ slug: string; data: BoroughData }>,
  boroughs: readonly Borough[],
  latest: (slug: string, fact: string) => BoroughData['facts'][number] | undefined,
): Omit<TileMap, 'others' | 'key'> {
  const values = [
    ...new Set(
      data.flatMap((b) => {
        const f = latest(b.slug, type.id);
        return f ? [valueLabel(f.value, type)] : [];
      }),
    ),
  ].sort();
  const colourOf = (label: string | undefined) =>
    label === undefined ? UNKNOWN : (PALETTE[values.indexOf(label) % PALETTE.length] ?? UNKNOWN);
  const placed = data.filter((b) => b.data.tile);
  const cols = Math.max(0, ...placed.map((b) => b.data.tile?.col ?? 0)) + 1;
  const rows = Math.max(0, ...placed.map((b) => b.data.tile?.row ?? 0)) + 1;
  const tiles = placed.map((b) => {
    const borough = boroughs.find((x) => x.slug === b.slug);
    const f = latest(b.slug, type.id);
    const label = f ? valueLabel(f.value, type) : undefined;
    const colour = colourOf(label);
    return {
      x: (b.data.tile?.col ?? 0) * (TILE + GAP),
      y: (b.data.tile?.row ?? 0) * (TILE + GAP),
      label: borough?.shortName ?? b.slug,
      name: b.data.name,
      valueLabel: label ?? 'Not recorded',
      fill: colour.fill,
      text: colour.text,
      href: borough?.url ?? '#',
    };
  });
  const legend = [...values.map((v) => ({ label: v, ...colourOf(v) })), { label: 'Not recorded', ...UNKNOWN }]
    .map((l) => ({ label: l.label, fill: l.fill, count: tiles.filter((t) => t.valueLabel === l.label).length }))
    .filter((l) => l.count > 0);
  return {
    fact: type.id,
    label: type.label,
    url: `/boroughs/map/${type.id}/`,
    width: cols * (TILE + GAP) - GAP,
    height: rows * (TILE + GAP) - GAP,
    tiles,
    legend,
    pageTitle: `Map: ${type.label}`,
    breadcrumb: crumbsToBoroughs(),
  };
}
