import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { hashDirectory } from '../content/hash-directory.ts';
import type { KnownFile } from '../content/known-file.ts';
import type { ParsedReportMarkdown, ReportSettings } from '../markdown/parse-report-markdown.ts';
import { createKeptValues, digestKey, type KeptValues } from '../util/kept-values.ts';
import { writeFileAnew } from '../util/link-file.ts';

/**
 * What a check read from each file, kept between runs (`output/.cache/check.bin`)
 * by a digest of what it was read from: an archive's check then reads again only
 * the files that changed. It is written whole, holding only what a run used.
 */
export interface CheckStore {
  /** Each file read without a problem: its data as the quick reader read it, and where its body starts. */
  files: KeptValues<KnownFile>;
  /** Each report's Markdown, as the house rules read it: its sections, views and problems. */
  readings: KeptValues<ParsedReportMarkdown>;
}

interface StoreFile {
  code: string;
  files: ReadonlyMap<string, KnownFile>;
  readings: ReadonlyMap<string, ParsedReportMarkdown>;
}

export function createCheckStore(file?: Partial<StoreFile>): CheckStore {
  // A reading is only ever read (`readReport`): reports alike share one.
  return { files: createKeptValues(file?.files), readings: createKeptValues(file?.readings, true) };
}

/** A digest of everything a report's Markdown is parsed from: its settings and its body's bytes. */
export function keyOfReading(settings: ReportSettings, body: string | Uint8Array): string {
  return digestKey(JSON.stringify(settings), body);
}

/** The code what is kept depends on: the loader, the Markdown rules and what they import, and the pinned packages. */
const CODE_FOLDERS = ['content', 'markdown', 'meetings', 'domain', 'util'];

let codeHash: Promise<string> | undefined;

/**
 * A digest of the reading code as installed, worked out once a process: a store
 * written by other code is not read. Code that cannot be read gives a digest no
 * store matches.
 */
export function hashCheckCode(): Promise<string> {
  codeHash ??= (async () => {
    const code = fileURLToPath(new URL('..', import.meta.url));
    const hash = createHash('sha256');
    for (const folder of CODE_FOLDERS) hash.update(folder).update(await hashDirectory(path.join(code, folder)));
    return hash.update(await readFile(path.join(code, '..', 'package.json'))).digest('hex');
  })().catch(() => `unknown code ${process.pid} ${Date.now()}`);
  return codeHash;
}

/** The store kept in `file`; an empty one if there is none, it cannot be read, or other code wrote it. */
export async function readCheckStore(file: string): Promise<CheckStore> {
  const [bytes, code] = await Promise.all([readFile(file).catch(() => undefined), hashCheckCode()]);
  if (!bytes) return createCheckStore();
  try {
    const stored = deserialize(bytes) as Partial<StoreFile> | null;
    if (stored?.code === code && stored.files instanceof Map && stored.readings instanceof Map)
      return createCheckStore(stored);
  } catch {
    // A store that cannot be read is as none: every file is read again.
  }
  return createCheckStore();
}

/**
 * What a run used, as the store's bytes: taken as soon as the files are read,
 * before anything that follows could change what they hold.
 */
export async function sealCheckStore(store: CheckStore): Promise<Uint8Array> {
  return serialize({
    code: await hashCheckCode(),
    files: store.files.used,
    readings: store.readings.used,
  } satisfies StoreFile);
}

/**
 * Write the store's bytes in place of the store before (`writeFileAnew`: a new
 * file, renamed over it); whether it was written. A store that cannot be written (a full
 * disk) is left as it was, which is still true of the files it names: the next
 * run reads again what it does not find, and whatever stops the build is said
 * by what meets it next.
 */
export async function writeCheckStore(file: string, bytes: Uint8Array): Promise<boolean> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAnew(file, bytes);
    return true;
  } catch {
    return false;
  }
}
