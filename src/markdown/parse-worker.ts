// A worker thread of `startParsePool`: each message is a batch of reports' Markdown, answered with what it holds.
import { type MessagePort, workerData } from 'node:worker_threads';
import { answerOn } from './parse-in-workers.ts';
import { parseReportMarkdown } from './parse-report-markdown.ts';

answerOn((workerData as { port: MessagePort }).port, parseReportMarkdown);
