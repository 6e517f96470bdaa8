#!/usr/bin/env node
// The source is TypeScript run through tsx, so there is no compile step to forget.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
await runCli(process.argv.slice(2));
