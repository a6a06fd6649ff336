#!/usr/bin/env node
// The podlab command: runs the TypeScript CLI through tsx, so the engine is the same code the app runs.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
