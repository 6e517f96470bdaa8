import type { StatusesData } from '../schemas/shared-data.ts';

export type Status = StatusesData['statuses'][number];

/** Resolve a status word (id or alias, any case) to its status. */
/** A status word (an id or an alias, any case) to its status: the one type every stage uses. */
export type StatusResolver = (word: string) => Status | undefined;

export function createStatusResolver(data: StatusesData): StatusResolver {
  const byWord = new Map<string, Status>();
  for (const status of data.statuses) {
    byWord.set(status.id.toLowerCase(), status);
    for (const alias of status.aliases) byWord.set(alias.toLowerCase(), status);
  }
  return (word) => byWord.get(word.trim().toLowerCase());
}
