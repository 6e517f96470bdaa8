import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlBasePlugin } from '@11ty/eleventy';
import { papersPlugin } from './src/render/eleventy-plugin.ts';

/**
 * Eleventy renders the validated model that `papers build` hands it as the
 * global `papers`; it never discovers content on its own.
 */
export default function configureEleventy(eleventyConfig: EleventyConfigLike): void {
  eleventyConfig.addPlugin(papersPlugin);
  // Under a path prefix (a site at owner.github.io/repo/), every root-relative URL of every page gets it.
  eleventyConfig.addPlugin(HtmlBasePlugin);
}

export const config = {
  // The tool's own templates, wherever it is run from: never a `templates/` of the current folder.
  dir: {
    input: path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates'),
    includes: '_includes',
    layouts: '_layouts',
    data: '_data',
  },
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
};

interface EleventyConfigLike {
  addPlugin(plugin: (config: never) => void): void;
}
