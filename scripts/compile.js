// Compile src/ to dist/ (run by `npm ci` and `npm install` as `prepare`): `papers` then starts
// from JavaScript, with no TypeScript to compile on every run. bin/papers.js uses dist/ only
// while it is newer than every file of src/, so an edit is never run from a stale build.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // Installed without its development tools: papers runs from its TypeScript source instead.
  process.exit(0);
}
const dist = path.join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
const started = Date.now();
try {
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
} catch {
  // A type error still emits JavaScript; an emit that failed leaves no stamp, so the source is run.
}
if (existsSync(path.join(dist, 'cli', 'main.js'))) {
  // The stamp is dated when compiling began: a file saved during the compile counts as newer.
  const stamp = path.join(dist, '.built');
  writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
  utimesSync(stamp, new Date(started), new Date(started));
}
