import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cssString } from './css-string.ts';
import { prefixIds } from './prefix-ids.ts';

/** The subset of Eleventy's config API the project uses (Eleventy ships no types). */
export interface EleventyConfig {
  addPassthroughCopy(map: Record<string, string>): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addGlobalData(name: string, value: unknown): void;
  addPlugin(plugin: (config: never) => void): void;
  setQuietMode(quiet: boolean): void;
  /** Input files Eleventy skips, relative to the working folder. */
  ignores: Set<string>;
  /** Eleventy's timings of the configuration's filters (not in every version). */
  benchmarks?: { config?: { setIsVerbose(verbose: boolean): void } };
}

const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');
/** Noto Sans (SIL Open Font License), shipped so every machine prints the same. */
export const FONT_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/package.json')),
  'files',
);
const FONT_FILES = ['400-normal', '400-italic', '700-normal', '700-italic'].map((v) => `noto-sans-latin-${v}.woff2`);

/** Assets and settings: everything the templates need beyond the model itself. */
export function papersPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setQuietMode(true);
  // Eleventy would print its timing of a filter that takes much of a run ("[11ty] Benchmark …") on every build.
  eleventyConfig.benchmarks?.config?.setIsVerbose(false);
  const fromCwd = (p: string) => path.relative(process.cwd(), p);
  eleventyConfig.addPassthroughCopy({ [fromCwd(path.join(TEMPLATES, 'assets'))]: 'assets' });
  for (const file of FONT_FILES)
    eleventyConfig.addPassthroughCopy({ [fromCwd(path.join(FONT_DIR, file))]: `assets/fonts/${file}` });
  eleventyConfig.addPassthroughCopy({ [fromCwd(path.join(FONT_DIR, '..', 'LICENSE'))]: 'assets/fonts/LICENSE.txt' });
  eleventyConfig.addFilter('prefixIds', prefixIds);
  eleventyConfig.addFilter('cssString', cssString);
}
