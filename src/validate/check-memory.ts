import type { Content } from '../content/content.ts';
import type { ContentProblem } from '../errors/content-problem.ts';
import { type BuiltMemo, createBuiltMemo, sameItems } from '../util/keep-built.ts';
import { groupBySet } from './shown-recommendations.ts';

/**
 * What a process that checks again and again (the preview) keeps of the
 * checks of references: each report's problems, with everything they were
 * found from, and the lists those are compared by. A report is checked again
 * only when it, or something it names, is not the very same as last time.
 */
export interface ReferenceMemory {
  /** Each report's own reference checks (`checkReports`), by file. */
  reports: BuiltMemo<ContentProblem[]>;
  /** Each report's Markdown checked (`checkReportBodies`), by file. */
  bodies: BuiltMemo<ContentProblem[]>;
  /** Lists kept while they hold the very same items, by name: a borough list, a set's recommendations. */
  lists: Map<string, readonly unknown[]>;
}

export function createReferenceMemory(): ReferenceMemory {
  return { reports: createBuiltMemo(), bodies: createBuiltMemo(), lists: new Map() };
}

/**
 * The list kept under `name` when it holds the very same items as `list`, or
 * `list`, kept from now on: so a check can tell by one comparison that the
 * boroughs, say, are as they were.
 */
export function keepList<T>(memory: ReferenceMemory, name: string, list: readonly T[]): readonly T[] {
  const kept = memory.lists.get(name) as readonly T[] | undefined;
  if (kept && sameItems(kept, list)) return kept;
  memory.lists.set(name, list);
  return list;
}

/**
 * What this check compares reports' inputs by: each list as kept while the same, found once for the
 * whole check; the names of the files found as the loader gives them (the same set while they are the same).
 */
export interface KeptInputs {
  found: ReadonlySet<string>;
  boroughs: readonly unknown[];
  /** What a check of a view of set `id` is made from: the sets, the set's recommendations, the files found. */
  viewOf(id: string): readonly unknown[];
}

/** The inputs kept, with the memory they are kept in. */
export type KeptMemory = KeptInputs & { memory: ReferenceMemory };

export function keepInputs(memory: ReferenceMemory, content: Content, found: ReadonlySet<string>): KeptMemory {
  const sets = keepList(memory, 'sets', content.sets);
  const views = new Map<string, readonly unknown[]>();
  return {
    memory,
    found,
    boroughs: keepList(memory, 'boroughs', content.boroughs),
    viewOf(id) {
      let inputs = views.get(id);
      if (!inputs) {
        inputs = [sets, keepList(memory, `set:${id}`, groupBySet(content.recommendations).get(id) ?? []), found];
        views.set(id, inputs);
      }
      return inputs;
    },
  };
}
