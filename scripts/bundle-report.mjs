// Prints what the first screen downloads: the gzip size of the entry script and of every module it preloads
// (read from dist/index.html), with the source module each chunk is named after and the chunk that pulls it in
// statically (from dist/.vite/manifest.json), then each lazily loaded chunk and the worker. Run after `vite build`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = resolve(process.argv[2] ?? 'dist');
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const gzipped = (file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;

const html = readFileSync(join(dir, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
// The scripts index.html runs (the entry, merged with everything it imports statically, and the bundler's runtime).
const scripts = new Set([...html.matchAll(/<script[^>]*src="\/?([^"]+\.js)"/g)].map((m) => m[1]));
const total = initial.reduce((sum, file) => sum + gzipped(file), 0);
console.log(`initial JS (entry + ${initial.length - 1} preloads): ${kib(total)} gzip`);
// Why each preloaded chunk is there: the manifest names a chunk's source and the chunks importing it statically.
const manifestFile = join(dir, '.vite', 'manifest.json');
const manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
const chunks = Object.entries(manifest).map(([key, chunk]) => ({ key, ...chunk }));
const byFile = new Map(chunks.map((chunk) => [chunk.file, chunk]));
const why = (file) => {
  const chunk = byFile.get(file);
  if (!chunk) return scripts.has(file) ? 'script of index.html' : '';
  if (chunk.isEntry || scripts.has(file)) return `script of index.html (${chunk.src ?? chunk.name ?? chunk.key})`;
  const importers = chunks.filter(
    (other) => other.imports?.includes(chunk.key) && initial.includes(other.file),
  );
  const source = chunk.src ?? chunk.name ?? chunk.key;
  return `${source} ← ${importers.map((other) => other.src ?? other.name ?? other.key).join(', ') || '?'}`;
};
const first = initial.map((f) => [f, gzipped(f)]).sort((a, b) => b[1] - a[1]);
for (const [file, size] of first)
  console.log(`  ${kib(size).padStart(10)}  ${file.replace(/^assets\//, '').padEnd(34)} ${why(file)}`);
console.log('loaded later (lazy chunks and the worker), gzip:');
const rest = readdirSync(join(dir, 'assets'))
  .filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`))
  .map((f) => [f, gzipped(join('assets', f))])
  .sort((a, b) => b[1] - a[1]);
for (const [file, size] of rest) console.log(`  ${kib(size).padStart(10)}  ${file}`);
