import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { hashDirectory } from '../content/hash-directory.ts';
import type { ParsedReportMarkdown, ReportSettings } from '../markdown/parse-report-markdown.ts';

/**
 * What reports' Markdown held when it was last parsed, kept between runs by
 * the digest of what it was parsed from (`keyOfReading`): an archive's check
 * then parses only the reports that changed. It is written whole, holding only
 * the readings a run used, so it never grows past the archive.
 */
export interface ReadingStore {
  /** The reading kept under `key`, which this run then keeps. */
  take(key: string): ParsedReportMarkdown | undefined;
  /** A reading made by this run. */
  keep(key: string, parsed: ParsedReportMarkdown): void;
  /** Every reading this run took or made: what is written back. */
  readonly used: ReadonlyMap<string, ParsedReportMarkdown>;
}

export function createReadingStore(known: ReadonlyMap<string, ParsedReportMarkdown> = new Map()): ReadingStore {
  const used = new Map<string, ParsedReportMarkdown>();
  return {
    take(key) {
      const parsed = known.get(key);
      if (parsed) used.set(key, parsed);
      return parsed;
    },
    keep(key, parsed) {
      used.set(key, parsed);
    },
    used,
  };
}

/** A digest of everything a report's Markdown is parsed from: its settings and its body's bytes. */
export function keyOfReading(settings: ReportSettings, body: string | Uint8Array): string {
  return createHash('sha256').update(JSON.stringify(settings)).update('\0').update(body).digest('base64url');
}

/** The code a reading depends on: the Markdown rules and what they import, and the pinned packages. */
const CODE_FOLDERS = ['markdown', 'meetings', 'domain', 'content'];

/** A digest of the parsing code as installed: a store written by other code is not read. */
export async function hashReadingCode(): Promise<string> {
  const code = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256');
  for (const folder of CODE_FOLDERS) hash.update(folder).update(await hashDirectory(path.join(code, folder)));
  return hash.update(await readFile(path.join(code, '..', 'package.json'))).digest('hex');
}

interface StoreFile {
  code: string;
  readings: ReadonlyMap<string, ParsedReportMarkdown>;
}

/** The store kept in `file`; an empty one if there is none, it cannot be read, or other code wrote it. */
export async function readReadingStore(file: string): Promise<ReadingStore> {
  const [bytes, code] = await Promise.all([readFile(file).catch(() => undefined), hashReadingCode()]);
  if (!bytes) return createReadingStore();
  try {
    const stored = deserialize(bytes) as Partial<StoreFile> | null;
    if (stored?.code === code && stored.readings instanceof Map) return createReadingStore(stored.readings);
  } catch {
    // A store that cannot be read is as none: every report is parsed again.
  }
  return createReadingStore();
}

/** Write what this run used, whole, in place of the store before (a new file renamed over it). */
export async function writeReadingStore(file: string, store: ReadingStore): Promise<void> {
  const bytes = serialize({ code: await hashReadingCode(), readings: store.used } satisfies StoreFile);
  await mkdir(path.dirname(file), { recursive: true });
  const fresh = `${file}.${process.pid}.new`;
  try {
    await writeFile(fresh, bytes);
    await rename(fresh, file);
  } finally {
    await rm(fresh, { force: true });
  }
}
