import type { Status } from './statuses.ts';

/**
 * A recommendation's status from its actions' statuses: the least advanced
 * (statuses are listed from least to most advanced), ignoring neutral ones
 * unless every action is neutral.
 */
export function rollUpStatus(statuses: readonly Status[], order: readonly Status[]): Status | undefined {
  const counted = statuses.some((s) => !s.neutral) ? statuses.filter((s) => !s.neutral) : statuses;
  let least: Status | undefined;
  for (const status of counted) {
    if (!least || order.indexOf(status) < order.indexOf(least)) least = status;
  }
  return least;
}
