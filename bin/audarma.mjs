#!/usr/bin/env node
// Runs the command line from its bundle (build/cli/audarma.mjs), rebuilding it first when it is missing or
// one of its sources changed since, so a run costs no TypeScript transpiling. Without esbuild (an install
// without development packages) the sources run through tsx as before.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundlePath = join(root, 'build', 'cli', 'audarma.mjs');

function fresh() {
  try {
    const inputs = JSON.parse(readFileSync(join(root, 'build', 'cli', 'inputs.json'), 'utf8'));
    statSync(bundlePath);
    statSync(join(root, 'build', 'cli', 'checkWorker.mjs'));
    for (const [file, recorded] of Object.entries(inputs)) {
      const s = statSync(join(root, file));
      if (`${s.size}:${s.mtimeMs}` !== recorded) return false;
    }
    return true;
  } catch {
    return false;
  }
}

async function load() {
  if (!fresh()) {
    try {
      const { buildCli } = await import('../scripts/build-cli.mjs');
      await buildCli();
    } catch {
      const { register } = await import('tsx/esm/api');
      register();
      const { main } = await import('../src/cli/main.ts');
      const { processIo } = await import('../src/cli/io.ts');
      return { main, processIo };
    }
  }
  return import(pathToFileURL(bundlePath).href);
}

const { main, processIo } = await load();
process.exitCode = await main(process.argv.slice(2), processIo);
