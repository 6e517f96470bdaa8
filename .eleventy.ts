import { papersPlugin } from './src/render/eleventy-plugin.ts';

/**
 * Eleventy renders the validated model that `papers build` hands it as the
 * global `papers`; it never discovers content on its own.
 */
export default function configureEleventy(eleventyConfig: EleventyConfigLike): void {
  eleventyConfig.addPlugin(papersPlugin);
}

export const config = {
  dir: { input: 'templates', includes: '_includes', layouts: '_layouts', data: '_data' },
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
};

interface EleventyConfigLike {
  addPlugin(plugin: (config: never) => void): void;
}
