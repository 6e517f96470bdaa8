import type { Entry, MarkdownBody } from '../content/entry.ts';
import { bodyText } from '../content/entry.ts';
import { countParseThreads, type ParsePool, startParsePool } from '../markdown/parse-in-workers.ts';
import {
  type ParsedReportMarkdown,
  parseReportMarkdown,
  type ReportMarkdownInput,
} from '../markdown/parse-report-markdown.ts';
import { keepParsedAhead, settingsOf } from './read-report.ts';
import { type CheckStore, keyOfReading } from './check-store.ts';

/** Reports sent to a thread at once; fewer new reports than this start no thread, which would cost more than it saves. */
const BATCH = 100;

/**
 * Bodies already handed over, parsed ahead or left to the check: a process that checks
 * again (the preview) keeps each report's reading, and sends only what is new.
 */
const SEEN = new WeakSet<MarkdownBody>();

/** Reports handed over as they are loaded, parsed on other threads meanwhile. */
export interface ReadingAhead {
  add(entry: Entry): void;
  /** Parse what is still queued, here and on the threads, and wait for it; gives how many reports were parsed on other threads and here. */
  finish(): Promise<{ threads: number; here: number }>;
}

/** Batches a thread is given before it answers one: enough that it never waits for this thread. */
const IN_HAND = 2;

/**
 * Parse reports' Markdown on other threads while this one loads the rest:
 * the check then takes each report's result in place of parsing it
 * (`readReport`), and the parsing, a third of a large archive's check, is done
 * beside the loading. Each thread is kept two batches ahead; what none had
 * time for when the loading ends is parsed by this thread from the front of the
 * queue while the threads take it from the back, so that no thread waits. A
 * report whose checked data differs from what was sent, or any failure of a
 * thread, is left to the check.
 */
export function startReadingAhead({
  threads = countParseThreads(),
  batchSize = BATCH,
  store,
}: {
  threads?: number;
  batchSize?: number;
  store?: CheckStore['readings'] | undefined;
} = {}): ReadingAhead {
  let pool: ParsePool | undefined;
  let batch: Queued[] = [];
  const queue: Array<typeof batch> = [];
  const done: Array<Promise<number>> = [];
  const keep = (q: Queued, parsed: ParsedReportMarkdown) => {
    keepParsedAhead(q.entry.body, q.input, parsed);
    if (q.key) store?.keep(q.key, parsed);
  };
  const send = (queued: typeof batch) => {
    pool ??= startParsePool(threads);
    done.push(
      pool.parse(queued.map((q) => q.input)).then(
        (parsed) => {
          for (const [i, q] of queued.entries()) keep(q, parsed[i]!);
          return queued.length;
        },
        () => 0,
      ),
    );
  };
  // The worker takes batches from the back of the queue, this thread from the front: they meet in the middle.
  const pump = () => {
    while (queue.length > 0 && (pool?.countWaiting() ?? 0) < threads * IN_HAND) send(queue.pop()!);
  };
  const parseHere = (queued: typeof batch) => {
    for (const q of queued) keep(q, parseReportMarkdown(q.input));
    return queued.length;
  };
  return {
    add(entry) {
      if (entry.kind !== 'report' || !entry.body || SEEN.has(entry.body)) return;
      if (threads < 1 && !store) return;
      SEEN.add(entry.body);
      const settings = settingsOf(entry.data);
      const input: ReportMarkdownInput = { ...settings, body: entry.body.utf8 ?? bodyText(entry) };
      const key = store && keyOfReading(settings, input.body);
      const stored = key && store.take(key);
      if (stored) return keepParsedAhead(entry.body, input, stored);
      batch.push({ entry: entry as Queued['entry'], input, ...(key ? { key } : {}) });
      if (batch.length < batchSize) return;
      queue.push(batch);
      batch = [];
      pump();
    },
    async finish() {
      if ((pool || store) && batch.length > 0) queue.push(batch);
      // What is still queued once the loading ends is parsed here and on the threads at once; fewer
      // reports than a batch start no thread, whose start would cost more than their parsing.
      const feed = () => pool && pump();
      let here = 0;
      for (feed(); queue.length > 0; feed()) here += parseHere(queue.shift()!);
      const counts = await Promise.all(done);
      await pool?.close();
      return { threads: counts.reduce((a, b) => a + b, 0), here };
    },
  };
}

/** A report waiting to be parsed: what it is parsed from, and its key in the store. */
interface Queued {
  entry: Entry & { body: MarkdownBody };
  input: ReportMarkdownInput;
  key?: string;
}
