import path from 'node:path';
import { hasErrors, type ContentError } from '../errors/content-error.ts';
import type { SiteModel } from '../model/types.ts';
import { renderSite } from '../render/render-site.ts';
import { checkProject } from './check-project.ts';
import { publishOutput } from './publish-output.ts';

export interface BuildOptions {
  root: string;
  /** Defaults to `<root>/output`. */
  outputDir?: string;
}

export interface BuildResult {
  ok: boolean;
  errors: ContentError[];
  model?: SiteModel;
  siteDir: string;
}

/** Check, then render the site; nothing is written unless the check passed. */
export async function buildProject(options: BuildOptions): Promise<BuildResult> {
  const siteDir = path.join(options.outputDir ?? path.join(options.root, 'output'), 'site');
  const checked = await checkProject(options.root);
  if (!checked.model || hasErrors(checked.errors)) return { ok: false, errors: checked.errors, siteDir };
  const model = checked.model;
  await publishOutput(siteDir, (staging) => renderSite(model, staging));
  return { ok: true, errors: checked.errors, model, siteDir };
}
