import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eleventy } from '@11ty/eleventy';
import { register } from 'tsx/esm/api';
import type { SiteModel } from '../model/types.ts';
import { pageFile, planRender, type PageManifest } from './plan-render.ts';

/** Where the tool itself lives: templates and the Eleventy config ship with it. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let loaderRegistered = false;

/** Eleventy imports `.eleventy.ts` itself, so Node must be able to load TypeScript however we were started. */
function registerTypeScriptLoader(): void {
  if (loaderRegistered) return;
  register();
  loaderRegistered = true;
}

export interface PreviousRender {
  /** The site the previous build published. */
  siteDir: string;
  manifest: PageManifest;
}

export interface RenderResult {
  manifest: PageManifest;
  /** Pages Eleventy rendered, and pages copied unchanged from the previous build. */
  rendered: number;
  reused: number;
  /** Fingerprint of the templates and render code the pages were made with. */
  renderHash: string;
}

/**
 * Render the model to static HTML in `outDir` through Eleventy. Given the
 * previous build, pages whose inputs are unchanged are copied from it instead.
 */
export async function renderSite(model: SiteModel, outDir: string, previous?: PreviousRender): Promise<RenderResult> {
  registerTypeScriptLoader();
  const renderHash = await hashRenderCode();
  const plan = planRender(model, renderHash, previous && (await keepPublishedPages(previous)));
  const eleventy = new Eleventy(path.join(PACKAGE_ROOT, 'templates'), outDir, {
    quietMode: true,
    configPath: path.join(PACKAGE_ROOT, '.eleventy.ts'),
    config: (eleventyConfig) => {
      eleventyConfig.addGlobalData('papers', model);
      eleventyConfig.addGlobalData('pages', plan.lists);
    },
  });
  const written = (await eleventy.write()) as unknown as [unknown[], unknown[]];
  if (previous) await copyPages(previous.siteDir, outDir, plan.reuse);
  return { manifest: plan.manifest, rendered: written[1]?.length ?? 0, reused: plan.reuse.length, renderHash };
}

/** The previous manifest, less any page whose file is no longer there. */
async function keepPublishedPages(previous: PreviousRender): Promise<PageManifest> {
  const files = new Set(await readdir(previous.siteDir, { recursive: true }).catch(() => []));
  const pages = Object.fromEntries(Object.entries(previous.manifest.pages).filter(([url]) => files.has(pageFile(url).split('/').join(path.sep))));
  return { version: 1, pages };
}

async function copyPages(fromDir: string, toDir: string, urls: readonly string[]): Promise<void> {
  const dirs = new Set(urls.map((url) => path.dirname(path.join(toDir, pageFile(url)))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const file = pageFile(urls[next++] ?? '');
      await copyFile(path.join(fromDir, file), path.join(toDir, file));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

/** A fingerprint of what turns the model into pages: the templates, the Eleventy config and the render code. */
async function hashRenderCode(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of ['templates', 'src/render']) {
    const root = path.join(PACKAGE_ROOT, dir);
    const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
    for (const file of files.sort()) hash.update(path.relative(PACKAGE_ROOT, file)).update(await readFile(file));
  }
  return hash.update(await readFile(path.join(PACKAGE_ROOT, '.eleventy.ts'))).digest('hex');
}
