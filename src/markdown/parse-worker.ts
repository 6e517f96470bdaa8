// A worker thread of `parseInWorkers`: each message is a batch of reports' Markdown, answered with what it holds.
import { parentPort } from 'node:worker_threads';
import { parseReportMarkdown, type ReportMarkdownInput } from './parse-report-markdown.ts';

parentPort?.on('message', (batch: { id: number; inputs: ReportMarkdownInput[] }) => {
  parentPort?.postMessage({ id: batch.id, results: batch.inputs.map(parseReportMarkdown) });
});
