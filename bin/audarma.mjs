#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so that the same sources serve the app and the command line.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const { processIo } = await import('../src/cli/io.ts');
process.exitCode = await main(process.argv.slice(2), processIo);
