import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pageFile } from '../domain/urls.ts';
import type { SiteModel } from '../model/types.ts';
import { putFiles } from '../util/link-file.ts';
import type { PublishedTexts } from './list-text-files.ts';
import { type PageManifest, planRender, type RenderPlan } from './plan-render.ts';

/** What the previous build published, for a build to take what is unchanged from. */
export interface PreviousRender {
  /** The site the previous build published. */
  siteDir: string;
  manifest: PageManifest;
}

/** The published site's text files, and the fingerprint of each as it was written. */
export function linkableTexts(previous: PreviousRender): PublishedTexts | undefined {
  const hashes = previous.manifest.texts;
  return hashes && { siteDir: previous.siteDir, hashes };
}

/**
 * Link the unchanged pages from the published site (but those `present` names, already there), and plan again without any whose file is no longer
 * there (removed by hand): those are rendered, and so are the other pages of their items, which are
 * taken out of the new release first, since rendering must never write through a link.
 */
export async function linkUnchangedPages(
  model: SiteModel,
  renderHash: string,
  plan: RenderPlan,
  previous: PreviousRender,
  outDir: string,
  { present, signal }: { present?: ReadonlySet<string> | undefined; signal?: AbortSignal | undefined } = {},
): Promise<RenderPlan> {
  // A page the release holds already (kept from its spare) is the published file: it is not linked again.
  const absent = present ? plan.reuse.filter((url) => !present.has(pageFile(url))) : plan.reuse;
  const missing = await linkPages(previous.siteDir, outDir, absent, signal);
  if (missing.size === 0) return plan;
  const pages = Object.fromEntries(Object.entries(previous.manifest.pages).filter(([url]) => !missing.has(url)));
  const replanned = planRender(model, renderHash, { version: 1, pages });
  const kept = new Set(replanned.reuse);
  for (const url of plan.reuse) if (!kept.has(url)) await rm(path.join(outDir, pageFile(url)), { force: true });
  return replanned;
}

/**
 * Unchanged pages are linked, not copied: whatever writes a page after rendering (its file sizes, a pack's
 * agenda pages) writes a new file in its place, so the published release keeps its own bytes. The URLs of
 * the pages whose file the published site no longer has.
 */
async function linkPages(
  fromDir: string,
  toDir: string,
  urls: readonly string[],
  signal?: AbortSignal,
): Promise<Set<string>> {
  const urlOf = new Map(urls.map((url) => [pageFile(url), url]));
  const missing = await putFiles(fromDir, toDir, [...urlOf.keys()], signal);
  return new Set(missing.map((file) => urlOf.get(file) ?? file));
}
