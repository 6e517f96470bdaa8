import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { UsageError } from '../errors/usage-error.ts';

export interface ActionRef {
  /** 1-based position in reading order: the table row. */
  position: number;
  keyPoint: number;
  action: number;
  text: string;
}

export interface FoundRecommendation {
  file: string;
  text: string;
  actions: ActionRef[];
}

/** `cdrp-scrutiny-2003/3` → its file and its actions in reading order. */
export async function findRecommendation(root: string, ref: string): Promise<FoundRecommendation> {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/(\d+)$/.exec(ref);
  if (!match) throw new UsageError(`"${ref}" is not <set>/<number>, such as cdrp-scrutiny-2003/3`);
  const [, set, number] = match as unknown as [string, string, string];
  // `3`, `03` and `0003` all name recommendation 3, whose file is 03.yaml (or 3.yaml).
  const plain = String(Number(number));
  const candidates = [...new Set([`${plain.padStart(2, '0')}.yaml`, `${plain}.yaml`])].map((name) =>
    path.join('content/recommendations', set, name),
  );
  for (const file of candidates) {
    const full = path.join(root, file);
    if (
      !(await access(full).then(
        () => true,
        () => false,
      ))
    )
      continue;
    const text = await readFile(full, 'utf8');
    const data = parse(text) as { key_points?: Array<{ actions?: Array<{ text?: string }> }> };
    const actions: ActionRef[] = [];
    for (const [k, kp] of (data.key_points ?? []).entries()) {
      for (const [i, a] of (kp.actions ?? []).entries())
        actions.push({ position: actions.length + 1, keyPoint: k, action: i, text: String(a.text ?? '').trim() });
    }
    return { file, text, actions };
  }
  throw new UsageError(
    `there is no recommendation ${Number(number)} in set ${set} (looked for ${candidates.join(', ')})`,
  );
}
