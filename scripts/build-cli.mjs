// Bundles the command line into build/cli/audarma.mjs so that a run starts without transpiling TypeScript.
// bin/audarma.mjs calls this when the bundle is missing or older than one of its sources; `npm run build:cli`
// does it ahead of time. The bundle sits two folders below the root, like src/cli/*.ts, so paths such as
// '../../locales/…' resolved from import.meta.url point at the same files.
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const bundlePath = join(root, 'build', 'cli', 'audarma.mjs');
export const inputsPath = join(root, 'build', 'cli', 'inputs.json');

/** Size and modification time of each source, the signature bin/audarma.mjs compares before trusting the bundle. */
export function signature(file) {
  const s = statSync(join(root, file));
  return `${s.size}:${s.mtimeMs}`;
}

export const workerPath = join(root, 'build', 'cli', 'checkWorker.mjs');

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies stay in node_modules: only the project's own TypeScript needs compiling.
  packages: 'external',
  metafile: true,
  write: false,
  logLevel: 'silent',
};

export async function buildCli() {
  const { build } = await import('esbuild');
  // The command and the worker thread `check` runs its slices on, built side by side.
  const [result, worker] = await Promise.all([
    build({
      ...common,
      stdin: {
        contents: "export { main } from './src/cli/main.ts';\nexport { processIo } from './src/cli/io.ts';\n",
        resolveDir: root,
        sourcefile: 'cli-entry.ts',
        loader: 'ts',
      },
    }),
    build({ ...common, entryPoints: [join(root, 'src', 'cli', 'check', 'checkWorker.ts')] }),
  ]);
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), ...Object.keys(worker.metafile.inputs)]) {
    if (file === 'cli-entry.ts') continue;
    const rel = relative(root, resolve(root, file));
    inputs[rel] = signature(rel);
  }
  mkdirSync(dirname(bundlePath), { recursive: true });
  // Written beside and renamed, so a run started meanwhile sees the old bundle or the new one, never half of one.
  const suffix = `.${process.pid}.tmp`;
  writeFileSync(bundlePath + suffix, result.outputFiles[0].contents);
  writeFileSync(workerPath + suffix, worker.outputFiles[0].contents);
  writeFileSync(inputsPath + suffix, JSON.stringify(inputs));
  renameSync(workerPath + suffix, workerPath);
  renameSync(bundlePath + suffix, bundlePath);
  renameSync(inputsPath + suffix, inputsPath);
  return bundlePath;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  // --optional (the install step): an install without esbuild keeps working; bin/audarma.mjs then runs the sources.
  if (process.argv.includes('--optional')) {
    try {
      await import('esbuild');
    } catch {
      console.log('esbuild is not installed: the command line will run from its sources');
      process.exit(0);
    }
  }
  await buildCli();
  console.log(`${relative(root, bundlePath)} built in ${Math.round(performance.now() - started)} ms`);
}
