import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParsedReportMarkdown, ReportMarkdownInput } from './parse-report-markdown.ts';

/** The worker's own file: TypeScript when papers runs from its source, JavaScript when compiled. */
const WORKER_FILE = fileURLToPath(
  new URL(`./parse-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

/** Started as code, so that a TypeScript worker can first register the loader the source runs with. */
const BOOT = `const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.file);
})();`;

/** Threads that parse while this one goes on with its own work: one a core beside this one's, up to three. */
export function countParseThreads(): number {
  return Math.min(os.availableParallelism() - 1, 3);
}

/** Worker threads that parse reports' Markdown, each batch sent to the next in turn. */
export interface ParsePool {
  /** Parse `inputs` on a worker; rejects if the worker fails (the caller then parses them itself). */
  parse(inputs: readonly ReportMarkdownInput[]): Promise<ParsedReportMarkdown[]>;
  close(): Promise<void>;
}

/** A pool of `threads` workers, each started when first sent a batch. */
export function startParsePool(threads = countParseThreads()): ParsePool {
  const workers: ParseWorker[] = [];
  let sent = 0;
  return {
    parse(inputs) {
      const slot = sent++ % Math.max(1, threads);
      workers[slot] ??= startWorker();
      return workers[slot].ask(inputs);
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

interface ParseWorker {
  worker: Worker;
  ask(inputs: readonly ReportMarkdownInput[]): Promise<ParsedReportMarkdown[]>;
}

/** A worker and the batches it has in hand, each answered by its id; if it fails, every batch in hand fails. */
function startWorker(): ParseWorker {
  const tsx = WORKER_FILE.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : undefined;
  const worker = new Worker(BOOT, { eval: true, workerData: { file: pathToFileURL(WORKER_FILE).href, tsx } });
  const waiting = new Map<number, { resolve(results: ParsedReportMarkdown[]): void; reject(err: Error): void }>();
  let next = 0;
  // A batch in hand keeps the process alive; an idle worker does not.
  worker.unref();
  worker.on('message', (message: { id: number; results: ParsedReportMarkdown[] }) => {
    waiting.get(message.id)?.resolve(message.results);
    waiting.delete(message.id);
    if (waiting.size === 0) worker.unref();
  });
  const fail = (err: unknown) => {
    for (const batch of waiting.values())
      batch.reject(err instanceof Error ? err : new Error(`a Markdown worker stopped (${String(err)})`));
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', fail);
  return {
    worker,
    ask(inputs) {
      const id = next++;
      worker.ref();
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, inputs });
      });
    },
  };
}
