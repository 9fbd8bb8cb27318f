// `npm run bench`: runs every workload and prints one JSON object of figures (milliseconds unless named).
// A workload exports `bench(): Promise<Record<string, number | string>>`; add it to the list below.
import { pathToFileURL } from 'node:url';

type Workload = { readonly name: string; readonly module: string };

const workloads: readonly Workload[] = [
  { name: 'formats', module: './formats.ts' },
  { name: 'glossary', module: './glossary.ts' },
  { name: 'align', module: './align.ts' },
  { name: 'checks', module: './checks.ts' },
  { name: 'backup', module: './backup.ts' },
  { name: 'browser', module: './browser.ts' },
  { name: 'checks-browser', module: './checksBrowser.ts' },
  { name: 'review', module: './review.ts' },
  { name: 'kazakh', module: './kazakh.ts' },
  { name: 'kazakh-browser', module: './kazakhBrowser.ts' },
  { name: 'limits', module: './limits.ts' },
  { name: 'sync', module: './sync.ts' },
  { name: 'tm', module: './memory.ts' },
  { name: 'compare', module: './compare.ts' },
];

const only = process.argv.slice(2);
const results: Record<string, unknown> = {
  node: process.version,
  cores: (await import('node:os')).cpus().length,
};
for (const w of workloads) {
  if (only.length > 0 && !only.includes(w.name)) continue;
  const mod = (await import(pathToFileURL(new URL(w.module, import.meta.url).pathname).href)) as {
    bench: () => Promise<Record<string, number | string>>;
  };
  results[w.name] = await mod.bench();
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
