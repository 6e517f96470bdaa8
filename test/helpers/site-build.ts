import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pageFile } from '../../src/domain/urls.ts';
import { buildProject, type BuildResult } from '../../src/pipeline/build-project.ts';
import { copyExampleProject } from './project.ts';

/** A full build (HTML, PDFs, search) of a fresh copy of the example project. */
export async function buildExampleSite(prepare?: (root: string) => Promise<void>): Promise<BuildResult> {
  const root = await copyExampleProject();
  await prepare?.(root);
  const result = await buildProject({ root });
  if (!result.ok) throw new Error(`example build failed: ${JSON.stringify(result.errors)}`);
  return result;
}

export async function listFiles(dir: string, ending: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(ending))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The file a site URL is served from. */
export function fileForUrl(siteDir: string, url: string): string {
  const clean = decodeURIComponent(url.split(/[?#]/)[0] ?? '/');
  return path.join(siteDir, pageFile(clean));
}
