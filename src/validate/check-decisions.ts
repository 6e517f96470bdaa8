import type { Content } from '../content/content.ts';
import { createProblem, type ContentProblem, type Location } from '../errors/content-problem.ts';
import { didYouMean } from '../errors/suggest.ts';
import { isExemptItem } from '../meetings/agenda-items.ts';
import type { MinuteItemData } from '../meetings/parse-minutes.ts';

/** What a decision may name: the sets and recommendations, and which are exempt. */
interface Targets {
  setIds: string[];
  recommendations: Map<string, Content['recommendations'][number]>;
  /** Sets exempt as a whole: read (the whole check) or known by their file's name (the public one). */
  isExemptSet: (id: string) => boolean;
  found?: ReadonlySet<string>;
}

/**
 * The sets and recommendations a minute item's decisions name exist, and a
 * public item decides nothing on an exempt recommendation, nor on a set
 * exempt as a whole or any of its recommendations.
 */
export function checkDecisions(item: MinuteItemData, file: string, content: Content): ContentProblem[] {
  const exemptSets = new Set(content.sets.filter((s) => s.data.exempt !== undefined).map((s) => s.id));
  const targets: Targets = {
    setIds: content.sets.map((s) => s.id),
    recommendations: new Map(content.recommendations.map((r) => [r.id, r])),
    isExemptSet: (id) => exemptSets.has(id) || content.found?.has(`exempt:recommendation-set:${id}`) === true,
    ...(content.found ? { found: content.found } : {}),
  };
  const inPublic = !isExemptItem(item);
  return item.decisions.flatMap((decision) =>
    decision.targets.flatMap((target) =>
      checkTarget(target, { file, line: decision.line, col: decision.col }, inPublic, targets),
    ),
  );
}

function checkTarget(target: string, where: Location, inPublic: boolean, targets: Targets): ContentProblem[] {
  const isSet = !target.includes('/');
  const exempt =
    targets.isExemptSet(target.split('/')[0]!) ||
    (!isSet && targets.recommendations.get(target)?.data.exempt !== undefined);
  if (exempt && inPublic)
    return [
      createProblem(
        where,
        'E_EXEMPT',
        `${isSet ? 'the set' : 'recommendation'} \`${target}\` is exempt, and this minute item is public`,
        'record the decision in the Part 2 item that took it, in exempt/minutes/, or mark this item `exempt=<paragraph>`',
      ),
    ];
  const found = isSet ? targets.setIds.includes(target) : targets.recommendations.has(target);
  // A file kept under exempt/ is known by its name to the public check; the whole check says more.
  if (found || targets.found?.has(`recommendation:${target}`)) return [];
  return [
    createProblem(
      where,
      'E_UNKNOWN_REF',
      `no recommendation ${isSet ? 'set ' : ''}\`${target}\``,
      didYouMean(
        target,
        isSet ? targets.setIds : [...targets.recommendations.keys()],
        'name a set by its folder under content/recommendations, or a recommendation as <set>/<number>',
      ),
    ),
  ];
}
