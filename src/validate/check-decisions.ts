import type { Content } from '../content/content.ts';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';
import { didYouMean } from '../errors/suggest.ts';
import { isExemptItem } from '../meetings/agenda-items.ts';
import type { MinuteItemData } from '../meetings/parse-minutes.ts';

/**
 * The sets and recommendations a minute item's decisions name exist, and a
 * public item decides nothing on an exempt recommendation.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
export function checkDecisions(item: MinuteItemData, file: string, content: Content): ContentProblem[] {
  const errors: ContentProblem[] = [];
  const recommendations = new Map(content.recommendations.map((r) => [r.id, r]));
  const setIds = content.sets.map((s) => s.id);
  for (const decision of item.decisions) {
    const where = { file, line: decision.line, col: decision.col };
    for (const target of decision.targets) {
      const isSet = !target.includes('/');
      const found = isSet ? setIds.includes(target) : recommendations.has(target);
      // A recommendation kept under exempt/ is known by its name to the public check; the whole check says more.
      if (!found && !isSet && content.found?.has(`recommendation:${target}`)) continue;
      if (!found)
        errors.push(
          createProblem(
            where,
            'E_UNKNOWN_REF',
            `no recommendation ${isSet ? 'set ' : ''}\`${target}\``,
            didYouMean(
              target,
              isSet ? setIds : [...recommendations.keys()],
              'name a set by its folder under content/recommendations, or a recommendation as <set>/<number>',
            ),
          ),
        );
      else if (!isExemptItem(item) && !isSet && recommendations.get(target)?.data.exempt !== undefined)
        errors.push(
          createProblem(
            where,
            'E_EXEMPT',
            `recommendation \`${target}\` is exempt, and this minute item is public`,
            'record the decision in the Part 2 item that took it, in exempt/minutes/, or mark this item `exempt=<paragraph>`',
          ),
        );
    }
  }
  return errors;
}
