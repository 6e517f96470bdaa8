import { locatePath } from '../content/yaml-source.ts';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';
import { formatDate } from '../domain/dates.ts';
import type { Content } from '../content/content.ts';
import { createStatusResolver } from '../domain/statuses.ts';

/** The target in force: the last revision, or the original. */
export function currentTarget(action: {
  target?: string | undefined;
  revised_targets: ReadonlyArray<{ date: string }>;
}): string | undefined {
  return action.revised_targets.at(-1)?.date ?? action.target;
}

/**
 * Warn about actions whose target date has passed without a closed status.
 * Only `check` asks this, with today's date: what is published never depends on the clock.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: to be split into smaller functions
export function checkTargets(content: Content, today: string): ContentProblem[] {
  const resolve = createStatusResolver(content.statuses.data);
  const warnings: ContentProblem[] = [];
  for (const rec of content.recommendations) {
    for (const [k, kp] of rec.data.key_points.entries()) {
      for (const [a, action] of kp.actions.entries()) {
        for (const [p, entry] of action.progress.entries()) {
          if (entry.date > today)
            warnings.push(
              createProblem(
                locatePath(rec.source, ['key_points', k, 'actions', a, 'progress', p, 'date']),
                'E_DATE',
                `recommendation ${rec.data.number}: this position is dated ${formatDate(entry.date)}, after today`,
                'date a position on the day it was reported; correct the year if it is a typo',
                'warning',
              ),
            );
        }
        const target = currentTarget(action);
        if (!target || target >= today) continue;
        const latest = action.progress.at(-1);
        if (latest && resolve(latest.status)?.closed) continue;
        const path =
          action.revised_targets.length > 0
            ? ['key_points', k, 'actions', a, 'revised_targets', action.revised_targets.length - 1, 'date']
            : ['key_points', k, 'actions', a, 'target'];
        warnings.push(
          createProblem(
            locatePath(rec.source, path),
            'E_PAST_TARGET',
            `recommendation ${rec.data.number}: the action is past its target of ${formatDate(target)} and ${latest ? `its latest status is “${latest.status}”` : 'has no progress'}`,
            'record its progress with `papers status`, or add a revised target with a reason',
            'warning',
          ),
        );
      }
    }
  }
  return warnings;
}

/** Today as YYYY-MM-DD in UTC. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
