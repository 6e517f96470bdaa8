import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eleventy } from '@11ty/eleventy';
import { register } from 'tsx/esm/api';
import type { SiteModel } from '../model/types.ts';

/** Where the tool itself lives: templates and the Eleventy config ship with it. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let loaderRegistered = false;

/** Eleventy imports `.eleventy.ts` itself, so Node must be able to load TypeScript however we were started. */
function registerTypeScriptLoader(): void {
  if (loaderRegistered) return;
  register();
  loaderRegistered = true;
}

/** Render the model to static HTML in `outDir` through Eleventy. */
export async function renderSite(model: SiteModel, outDir: string): Promise<void> {
  registerTypeScriptLoader();
  const eleventy = new Eleventy(path.join(PACKAGE_ROOT, 'templates'), outDir, {
    quietMode: true,
    configPath: path.join(PACKAGE_ROOT, '.eleventy.ts'),
    config: (eleventyConfig) => {
      eleventyConfig.addGlobalData('papers', model);
    },
  });
  await eleventy.write();
}
