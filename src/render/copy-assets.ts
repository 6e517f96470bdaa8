import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { TEMPLATES } from './package-root.ts';

/** Noto Sans (SIL Open Font License), shipped so every machine prints the same. */
export const FONT_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/package.json')),
  'files',
);
const FONT_FILES = ['400-normal', '400-italic', '700-normal', '700-italic'].map((v) => `noto-sans-latin-${v}.woff2`);

/**
 * The site's assets into `outDir`'s `assets/`, one file at a time: the
 * templates' own (styles, scripts, icon) and the fonts with their licence.
 */
export async function copyAssets(outDir: string): Promise<void> {
  const from = path.join(TEMPLATES, 'assets');
  const to = path.join(outDir, 'assets');
  const copies: Array<[string, string]> = [];
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    copies.push([file, path.join(to, path.relative(from, file))]);
  }
  for (const name of FONT_FILES) copies.push([path.join(FONT_DIR, name), path.join(to, 'fonts', name)]);
  copies.push([path.join(FONT_DIR, '..', 'LICENSE'), path.join(to, 'fonts', 'LICENSE.txt')]);
  for (const [source, target] of copies) {
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(source, target);
  }
}
