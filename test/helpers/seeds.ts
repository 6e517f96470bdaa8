import path from 'node:path';
import { normaliseSpace } from './page-text.ts';
import { REPO_ROOT } from './project.ts';

/** The two archived reports the example content reproduces, as captured from the archive. */
export const SEEDS = path.join(REPO_ROOT, 'test/fixtures/seeds');
export const SEED_2005 = '000_86ca2f85fe60113d.txt';
export const SEED_2004 = '001_d259d8fd6fb4f14a.txt';
/** Lines of the archive's page furniture, not of the report. */
const CHROME = new Set(['You are in:', 'Contents', 'Send an e-mail linking to this page', 'Feedback']);

/** The report body of a seed: from the description line to the end, less site chrome. */
export function seedBodyLines(seed: string): string[] {
  const lines = seed.split('\n');
  const start = lines.findIndex((l) => /^Report \d+ of the /.test(l));
  return (
    lines
      .slice(start)
      .filter((l) => l.trim() !== '' && !CHROME.has(l.trim()))
      // Indented lines are list items: their bullets and numbers are list markers, drawn by the browser.
      .map((l) => normaliseSpace(/^\s/.test(l) ? l.replace(/^\s*(•|\d+\.|[a-z]\.)\s+/, '') : l))
  );
}
