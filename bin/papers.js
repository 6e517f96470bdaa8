#!/usr/bin/env node
// papers starts from the JavaScript that `npm ci` compiles into dist/, in a fraction of the time
// TypeScript takes to compile on each run. Whenever a file of src/ is newer than that build (an
// edit, a checkout), it runs the TypeScript source through tsx instead: never a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function compiledIsCurrent() {
  const stamp = path.join(root, 'dist', '.built');
  if (!existsSync(stamp) || !existsSync(path.join(root, 'dist', 'cli', 'main.js'))) return false;
  const built = statSync(stamp).mtimeMs;
  for (const entry of readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && statSync(path.join(entry.parentPath, entry.name)).mtimeMs > built) return false;
  }
  return true;
}

// Help and errors are plain text when they go to no terminal, or when NO_COLOR is set (no-color.org):
// no escape codes in logs, files or CI. The CLI library reads NO_COLOR=1 when it loads, so it is set first.
if (process.env.NO_COLOR || !process.stdout.isTTY || !process.stderr.isTTY) process.env.NO_COLOR = '1';

let main;
// PAPERS_SOURCE=1 runs the source whatever the build (the benchmark compares the two).
if (!process.env.PAPERS_SOURCE && compiledIsCurrent()) main = await import('../dist/cli/main.js');
else {
  const { register } = await import('tsx/esm/api');
  register();
  main = await import('../src/cli/main.ts');
}
await main.runCli(process.argv.slice(2));
