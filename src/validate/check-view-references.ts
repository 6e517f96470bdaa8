import type { DataPath } from '../content/yaml-source.ts';
import { didYouMean } from '../errors/suggest.ts';
import type { Content } from '../content/content.ts';
import { groupBySet, selectShown } from './shown-recommendations.ts';

export interface ViewProblem {
  path: DataPath;
  message: string;
  hint: string;
  /** The problem is that exempt content would be published. */
  exempt?: boolean;
}

/**
 * A view of a recommendation set names a set, an owner and numbers that exist;
 * in a public paper (`inPublic`), it shows no exempt recommendation.
 */
export function checkViewReferences(
  view: { set: string; owner?: string | undefined; numbers?: number[] | undefined },
  content: Pick<Content, 'sets' | 'recommendations' | 'found'>,
  inPublic = false,
): ViewProblem[] {
  const set = content.sets.find((s) => s.id === view.set);
  // The public check knows a set exempt as a whole by its file's name alone: a public paper never shows it.
  if (!set && inPublic && content.found?.has(`exempt:recommendation-set:${view.set}`)) return [exemptSet(view.set)];
  // A set or recommendation whose own file failed its check is reported there, not here again.
  if (!set && content.found?.has(`recommendation-set:${view.set}`)) return [];
  const setIds = content.sets.map((s) => s.id);
  if (!set)
    return [
      {
        path: ['set'],
        message: `no recommendation set \`${view.set}\``,
        hint: didYouMean(
          view.set,
          setIds,
          `a set is a folder of content/recommendations with an index.yaml; the sets are: ${setIds.join(', ') || 'none yet'}`,
        ),
      },
    ];
  return [
    ...checkOwner(view, set),
    ...checkNumbers(view, set, content),
    ...(inPublic ? checkNothingExempt(view, set, content) : []),
  ];
}

type View = Parameters<typeof checkViewReferences>[0];
type SetEntry = Content['sets'][number];
type Found = Pick<Content, 'recommendations' | 'found'>;

function checkOwner(view: View, set: SetEntry): ViewProblem[] {
  if (view.owner === undefined || set.data.owners.includes(view.owner)) return [];
  return [
    {
      path: ['owner'],
      message: `\`${view.owner}\` is not an owner in set \`${set.id}\``,
      hint: didYouMean(
        view.owner,
        set.data.owners,
        `write one of the owners listed under \`owners:\` in ${set.file}: ${set.data.owners.join(', ')}`,
      ),
    },
  ];
}

function checkNumbers(view: View, set: SetEntry, content: Found): ViewProblem[] {
  const numbers = new Set((groupBySet(content.recommendations).get(set.id) ?? []).map((r) => r.data.number));
  return (view.numbers ?? []).flatMap((n, i) =>
    numbers.has(n) || content.found?.has(`recommendation:${set.id}/${String(n).padStart(2, '0')}`)
      ? []
      : [
          {
            path: ['numbers', i],
            message: `set \`${set.id}\` has no recommendation ${n}`,
            hint: `write one of ${[...numbers].sort((a, b) => a - b).join(', ')}, or add content/recommendations/${set.id}/${String(n).padStart(2, '0')}.yaml`,
          },
        ],
  );
}

function exemptSet(id: string): ViewProblem {
  return {
    path: ['set'],
    message: `the set \`${id}\` is exempt as a whole, and this public paper would show it`,
    hint: 'show it only in an exempt report (kept under exempt/reports/), or mark this report `exempt`',
    exempt: true,
  };
}

/** A public paper shows no exempt recommendation, nor any of a set exempt as a whole. */
function checkNothingExempt(view: View, set: SetEntry, content: Found): ViewProblem[] {
  if (set.data.exempt !== undefined) return [exemptSet(set.id)];
  return selectShown(view, content.recommendations)
    .filter((r) => r.data.exempt !== undefined)
    .map((rec) => {
      const at = view.numbers?.indexOf(rec.data.number) ?? -1;
      return {
        path: at >= 0 ? ['numbers', at] : ['set'],
        message: `recommendation ${rec.data.number} of \`${set.id}\` is exempt (paragraph ${rec.data.exempt} of Schedule 12A), and this public paper would show it`,
        hint:
          at >= 0
            ? 'take its number out of `numbers`, or mark this report `exempt`'
            : 'list the public recommendations under `numbers`, or mark this report `exempt`',
        exempt: true,
      };
    });
}
