import { UsageError } from '../errors/usage-error.ts';
import { createHash } from 'node:crypto';
import type { PdfTask } from './list-pdf-tasks.ts';

export interface Shard {
  index: number;
  count: number;
}

/** `2/4` → the second of four shards. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard ${text} is not k/n with 1 ≤ k ≤ n, such as 2/4`);
  return { index, count };
}

/**
 * A fixed share of the PDFs: each PDF belongs to the shard its URL hashes to,
 * so every machine of a matrix agrees without talking to the others, and a
 * PDF stays in its shard as others are added.
 */
export function selectShard(tasks: readonly PdfTask[], shard: Shard): PdfTask[] {
  return tasks.filter(
    (task) => createHash('sha256').update(task.pdfUrl).digest().readUInt32BE(0) % shard.count === shard.index - 1,
  );
}
