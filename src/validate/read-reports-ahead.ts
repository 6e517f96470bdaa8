import type { Entry, MarkdownBody } from '../content/entry.ts';
import { bodyText } from '../content/entry.ts';
import { countParseThreads, type ParsePool, startParsePool } from '../markdown/parse-in-workers.ts';
import type { ReportMarkdownInput } from '../markdown/parse-report-markdown.ts';
import { keepParsedAhead, settingsOf } from './read-report.ts';

/** Reports sent to a thread at once; fewer new reports than this are left to the check, where a thread would cost more than it saves. */
const BATCH = 100;

/** Bodies already sent: a process that checks again (the preview) sends only what is new. */
const SENT = new WeakSet<MarkdownBody>();

/** Reports handed over as they are loaded, parsed on other threads meanwhile. */
export interface ReadingAhead {
  add(entry: Entry): void;
  /** Wait for what was sent; gives how many reports were parsed ahead. */
  finish(): Promise<number>;
}

/**
 * Parse reports' Markdown on other threads while this one loads the rest:
 * the check then takes each report's result in place of parsing it
 * (`readReport`), and the parsing, a third of a large archive's check, is done
 * beside the loading. A report whose checked data differs from what was sent,
 * or any failure of a thread, leaves the check to parse it itself.
 */
export function startReadingAhead({ threads = countParseThreads(), batchSize = BATCH } = {}): ReadingAhead {
  let pool: ParsePool | undefined;
  let batch: Array<Entry & { body: MarkdownBody }> = [];
  const done: Array<Promise<number>> = [];
  const send = () => {
    pool ??= startParsePool(threads);
    const entries = batch;
    batch = [];
    const inputs: ReportMarkdownInput[] = entries.map((e) => ({
      ...settingsOf(e.data),
      body: e.body.utf8 ?? bodyText(e),
    }));
    done.push(
      pool.parse(inputs).then(
        (parsed) => {
          entries.forEach((e, i) => {
            SENT.add(e.body);
            keepParsedAhead(e.body, inputs[i]!, parsed[i]!);
          });
          return entries.length;
        },
        () => 0,
      ),
    );
  };
  return {
    add(entry) {
      if (threads < 1 || entry.kind !== 'report' || !entry.body || SENT.has(entry.body)) return;
      batch.push(entry as Entry & { body: MarkdownBody });
      if (batch.length === batchSize) send();
    },
    async finish() {
      if (pool && batch.length > 0) send();
      const counts = await Promise.all(done);
      await pool?.close();
      return counts.reduce((a, b) => a + b, 0);
    },
  };
}
