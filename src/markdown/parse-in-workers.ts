import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
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

/** Worker threads that parse reports' Markdown, each batch sent to the least busy. */
export interface ParsePool {
  /** Parse `inputs` on a worker; rejects if the worker fails (the caller then parses them itself). */
  parse(inputs: readonly ReportMarkdownInput[]): Promise<ParsedReportMarkdown[]>;
  /** Batches sent and not yet answered, once the answers that have come are taken in (without waiting). */
  countWaiting(): number;
  close(): Promise<void>;
}

/** A pool of `threads` workers, each started when first sent a batch. */
export function startParsePool(threads = countParseThreads()): ParsePool {
  const workers: ParseWorker[] = [];
  return {
    parse(inputs) {
      if (workers.length < Math.max(1, threads)) workers.push(startWorker());
      const idlest = workers.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
      return idlest.ask(inputs);
    },
    countWaiting() {
      let n = 0;
      for (const w of workers) {
        w.takeAnswers();
        n += w.waiting.size;
      }
      return n;
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

type Waiting = Map<number, { resolve(results: ParsedReportMarkdown[]): void; reject(err: Error): void }>;

interface ParseWorker {
  worker: Worker;
  waiting: Waiting;
  ask(inputs: readonly ReportMarkdownInput[]): Promise<ParsedReportMarkdown[]>;
  /** Take in the answers that have come, even while this thread has not let its event loop run. */
  takeAnswers(): void;
}

/** A worker and the batches it has in hand, each answered by its id on a port of its own; if it fails, each fails. */
function startWorker(): ParseWorker {
  const tsx = WORKER_FILE.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : undefined;
  const { port1: answers, port2 } = new MessageChannel();
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: { file: pathToFileURL(WORKER_FILE).href, tsx, port: port2 },
    transferList: [port2],
  });
  const waiting: Waiting = new Map();
  let next = 0;
  // A batch in hand keeps the process alive; an idle worker does not.
  const hold = () => {
    for (const handle of [worker, answers]) {
      if (waiting.size > 0) handle.ref();
      else handle.unref();
    }
  };
  const answer = (message: { id: number; results: ParsedReportMarkdown[] }) => {
    waiting.get(message.id)?.resolve(message.results);
    waiting.delete(message.id);
    hold();
  };
  const fail = (err: unknown) => {
    for (const batch of waiting.values())
      batch.reject(err instanceof Error ? err : new Error(`a Markdown worker stopped (${String(err)})`));
    waiting.clear();
    hold();
  };
  answers.on('message', answer);
  worker.on('error', fail);
  worker.on('exit', fail);
  hold();
  return {
    worker,
    waiting,
    ask(inputs) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        hold();
        // Bodies in shared memory are shared as they are; any others are copied into one buffer, handed over.
        if (inputs.every((i) => typeof i.body !== 'string' && i.body.buffer instanceof SharedArrayBuffer))
          answers.postMessage({ id, inputs });
        else {
          const packed = packBodies(inputs);
          answers.postMessage({ id, inputs: packed.inputs }, [packed.buffer]);
        }
      });
    },
    takeAnswers() {
      for (let m = receiveMessageOnPort(answers); m; m = receiveMessageOnPort(answers)) answer(m.message);
    },
  };
}

/** The batch's bodies copied into one buffer, which is handed over to the worker rather than copied again. */
function packBodies(inputs: readonly ReportMarkdownInput[]): { inputs: ReportMarkdownInput[]; buffer: ArrayBuffer } {
  const bytes = inputs.map((i) => (typeof i.body === 'string' ? Buffer.from(i.body, 'utf8') : i.body));
  const buffer = new ArrayBuffer(bytes.reduce((n, b) => n + b.byteLength, 0));
  let offset = 0;
  const packed = inputs.map((input, i) => {
    const body = new Uint8Array(buffer, offset, bytes[i]!.byteLength);
    body.set(bytes[i]!);
    offset += body.byteLength;
    return { ...input, body };
  });
  return { inputs: packed, buffer };
}

/** The worker's side: each batch on `port` answered with what each report's Markdown holds. */
export function answerOn(port: MessagePort, parse: (input: ReportMarkdownInput) => ParsedReportMarkdown): void {
  port.on('message', (batch: { id: number; inputs: ReportMarkdownInput[] }) => {
    port.postMessage({ id: batch.id, results: batch.inputs.map(parse) });
  });
}
