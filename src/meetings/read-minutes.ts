import type { Entry } from '../content/entry.ts';
import { bodyText } from '../content/entry.ts';
import { type MinuteItemData, type MinutesProblem, parseMinutes } from './parse-minutes.ts';

/** A minutes file's body as read: its items (lines as in the file) and the problems met. */
export interface ReadMinutes {
  items: MinuteItemData[];
  problems: MinutesProblem[];
}

/** Each minutes body read, kept while its entry is: the check reads it, and the model builds from that reading. */
const READ = new WeakMap<Entry<unknown>, ReadMinutes>();

/** A minutes file's body split into its items once, with its lines as in the file. */
export function readMinutes(entry: Entry<unknown>): ReadMinutes {
  const known = READ.get(entry);
  if (known) return known;
  const read = parseMinutes(bodyText(entry), entry.body?.startLine ?? 1);
  READ.set(entry, read);
  return read;
}
