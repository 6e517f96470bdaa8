import type { StatusesData } from '../schemas/shared-data.ts';

export type Status = StatusesData['statuses'][number];

/** Resolve a status word (id or alias, any case) to its status. */
export function createStatusResolver(data: StatusesData): (word: string) => Status | undefined {
  const byWord = new Map<string, Status>();
  for (const status of data.statuses) {
    byWord.set(status.id.toLowerCase(), status);
    for (const alias of status.aliases) byWord.set(alias.toLowerCase(), status);
  }
  return (word) => byWord.get(word.trim().toLowerCase());
}
