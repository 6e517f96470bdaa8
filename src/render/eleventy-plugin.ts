import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The subset of Eleventy's config API the project uses (Eleventy ships no types). */
export interface EleventyConfig {
  addPassthroughCopy(map: Record<string, string>): void;
  addGlobalData(name: string, value: unknown): void;
  setQuietMode(quiet: boolean): void;
}

const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

/** Assets and settings: everything the templates need beyond the model itself. */
export function papersPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setQuietMode(true);
  eleventyConfig.addPassthroughCopy({ [path.relative(process.cwd(), path.join(TEMPLATES, 'assets'))]: 'assets' });
}
