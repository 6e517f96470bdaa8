import type { StatusesData } from '../schemas/shared-data.ts';

export type Status = StatusesData['statuses'][number];

/** A status word (an id or an alias, any case) to its status: the one type every stage uses. */
export type StatusResolver = (word: string) => Status | undefined;

/** Resolve a status word (id or alias, any case) to its status. */
export function createStatusResolver(data: StatusesData): StatusResolver {
  const known = RESOLVERS.get(data);
  if (known) return known;
  const byWord = new Map<string, Status>();
  for (const status of data.statuses) {
    byWord.set(status.id.toLowerCase(), status);
    for (const alias of status.aliases) byWord.set(alias.toLowerCase(), status);
  }
  const resolve: StatusResolver = (word) => byWord.get(word.trim().toLowerCase());
  RESOLVERS.set(data, resolve);
  return resolve;
}

/** Each statuses file's resolver, made once: every recommendation's every position asks it. */
const RESOLVERS = new WeakMap<StatusesData, StatusResolver>();
