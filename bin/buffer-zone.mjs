#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so the installed bin needs no build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const { run } = await import(fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)));
process.exitCode = run(process.argv.slice(2));
