import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What an archive import wrote for each page: so a second run skips what is done and never writes over a hand edit. */
export interface ImportManifest {
  pages: Record<string, { sourceHash: string; file: string; writtenHash: string }>;
}

/** Where the migration's manifest and report are kept, in the project's output. */
export const IMPORT_DIR = 'output/import';

export function hashText(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

export async function readManifest(root: string): Promise<ImportManifest> {
  const text = await readFile(path.join(root, IMPORT_DIR, 'manifest.json'), 'utf8').catch(() => undefined);
  if (!text) return { pages: {} };
  try {
    const parsed = JSON.parse(text) as ImportManifest;
    return parsed && typeof parsed.pages === 'object' ? parsed : { pages: {} };
  } catch {
    return { pages: {} };
  }
}

export async function writeManifest(root: string, manifest: ImportManifest): Promise<void> {
  const file = path.join(root, IMPORT_DIR, 'manifest.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, `${JSON.stringify(manifest, null, 1)}\n`);
  await rename(`${file}.tmp`, file);
}
