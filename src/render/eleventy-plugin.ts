import { cssString } from './css-string.ts';
import { prefixIds } from './prefix-ids.ts';
import { renderOnceTag } from './render-once.ts';

/** The subset of Eleventy's config API the project uses (Eleventy ships no types). */
export interface EleventyConfig {
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addNunjucksTag(name: string, tag: (nunjucks: never) => object): void;
  addGlobalData(name: string, value: unknown): void;
  addPlugin(plugin: (config: never) => void): void;
  setQuietMode(quiet: boolean): void;
  /** Input files Eleventy skips, relative to the working folder. */
  ignores: Set<string>;
  /** Eleventy's timings of the configuration's filters (not in every version). */
  benchmarks?: { config?: { setIsVerbose(verbose: boolean): void } };
}

/**
 * The settings, filters and tags the templates need beyond the model itself.
 * Eleventy renders the pages and papers writes them (`writePages`), with the
 * assets (`copyAssets`).
 */
export function papersPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setQuietMode(true);
  // Eleventy would print its timing of a filter that takes much of a run ("[11ty] Benchmark …") on every build.
  eleventyConfig.benchmarks?.config?.setIsVerbose(false);
  eleventyConfig.addFilter('prefixIds', prefixIds);
  eleventyConfig.addFilter('cssString', cssString);
  eleventyConfig.addNunjucksTag('once', renderOnceTag);
}
