// Bundles the command line into build/cli/ so that a run starts without transpiling TypeScript: audarma.mjs (the
// command list and argument handling), checkWorker.mjs (the thread `check` runs slices on) and chunk-*.mjs, one
// or more per command, loaded only when that command runs. bin/audarma.mjs calls this when the bundle is missing
// or older than one of its sources; `npm run build:cli` does it ahead of time. The files sit two folders below
// the root, like src/cli/*.ts, so paths such as '../../locales/…' resolved from import.meta.url point at the
// same files.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = join(root, 'build', 'cli');
export const bundlePath = join(outDir, 'audarma.mjs');
export const inputsPath = join(outDir, 'inputs.json');
export const workerPath = join(outDir, 'checkWorker.mjs');

/** Size and modification time of each source, the signature bin/audarma.mjs compares before trusting the bundle. */
export function signature(file) {
  const s = statSync(join(root, file));
  return `${s.size}:${s.mtimeMs}`;
}

/**
 * tinyld takes ~100 ms to load and most runs never ask it: a check calls it only for a long target that script
 * and function words cannot place. The checks are synchronous, so the bundle gets a stand-in that requires the
 * package on its first call instead of importing it up front.
 */
const LAZY_TINYLD = `import { createRequire } from 'node:module';
let tinyld;
export function detectAll(text, options) {
  tinyld ??= createRequire(import.meta.url)('tinyld');
  return tinyld.detectAll(text, options);
}
`;

const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({ filter: /^tinyld$/ }, () => ({ path: 'tinyld', namespace: 'lazy' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({ contents: LAZY_TINYLD, loader: 'js' }));
  },
};

/** Chunks older than this that the new build no longer names are removed; younger ones may be in use by a run. */
const STALE_CHUNK_MS = 10 * 60 * 1000;

export async function buildCli() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: {
      audarma: join(root, 'src', 'cli', 'main.ts'),
      checkWorker: join(root, 'src', 'cli', 'check', 'checkWorker.ts'),
    },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    // Dependencies stay in node_modules: only the project's own TypeScript needs compiling.
    packages: 'external',
    plugins: [lazyModules],
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    if (file.startsWith('lazy:')) continue;
    const rel = relative(root, resolve(root, file));
    inputs[rel] = signature(rel);
  }
  mkdirSync(outDir, { recursive: true });
  // Chunks are named by their content, so writing one never changes a file a running command is reading. Every
  // file is written beside and renamed, the entries and the signatures last: a run started meanwhile sees the old
  // build or the new one, never half of one.
  const suffix = `.${process.pid}.tmp`;
  const entries = [];
  const written = new Set();
  for (const file of result.outputFiles) {
    const name = basename(file.path);
    written.add(name);
    if (name.startsWith('chunk-')) {
      // Already there whole (same name, same size): left as it is, so its time still matches older records.
      if (!existsSync(file.path) || statSync(file.path).size !== file.contents.length) {
        writeFileSync(file.path + suffix, file.contents);
        renameSync(file.path + suffix, file.path);
      }
    } else {
      writeFileSync(file.path + suffix, file.contents);
      entries.push(file.path);
    }
    // What was written is recorded beside the sources (a rename keeps size and time): a chunk removed or
    // changed since makes bin/audarma.mjs build again rather than fail when a command asks for it.
    const s = statSync(name.startsWith('chunk-') ? file.path : file.path + suffix);
    inputs[relative(root, file.path)] = `${s.size}:${s.mtimeMs}`;
  }
  writeFileSync(inputsPath + suffix, JSON.stringify(inputs));
  for (const path of entries.sort((a, b) => (a === bundlePath) - (b === bundlePath)))
    renameSync(path + suffix, path);
  renameSync(inputsPath + suffix, inputsPath);
  const now = Date.now();
  for (const name of readdirSync(outDir)) {
    if (!name.startsWith('chunk-') || written.has(name)) continue;
    const path = join(outDir, name);
    if (now - statSync(path).mtimeMs > STALE_CHUNK_MS) rmSync(path, { force: true });
  }
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
