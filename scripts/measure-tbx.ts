// Loads the public TBX samples in /work/shared/conformance/tmx-tbx (measurement only: never copied into the
// project, never used by tests) and prints, per file, whether it loaded and how many concepts it held.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseTbx } from '../src/core/formats/tbx.ts';
import { projectId } from '../src/core/model/ids.ts';

const ROOT = '/work/shared/conformance/tmx-tbx';
const dirs = ['ltac-tbx-test-files', 'ltac-tbx-basic-dialect'];
const rows: Record<string, string | number>[] = [];
let goodConcepts = 0;
let goodLoaded = 0;
let goodFiles = 0;
let badRejected = 0;
let badFiles = 0;
for (const dir of dirs) {
  for (const name of readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.tbx'))
    .sort()) {
    const expectGood = /good|VALID/.test(name);
    const text = readFileSync(join(ROOT, dir, name), 'utf8');
    const expected = (text.match(/<conceptEntry\b/g) ?? []).length;
    const t0 = performance.now();
    const result = parseTbx(text, projectId('measure'), 0);
    const ms = Math.round((performance.now() - t0) * 10) / 10;
    if (expectGood) {
      goodFiles += 1;
      if (result.ok && result.value.length === expected) goodLoaded += 1;
      if (result.ok) goodConcepts += result.value.length;
    } else {
      badFiles += 1;
      if (!result.ok) badRejected += 1;
    }
    rows.push({
      file: `${dir}/${name}`,
      expect: expectGood ? 'load' : 'reject',
      result: result.ok
        ? `loaded ${result.value.length}/${expected} concepts, ${result.value.reduce((n, e) => n + e.terms.length, 0)} terms`
        : `rejected: line ${result.error.line}: ${result.error.message}`,
      ms,
    });
  }
}
console.table(rows);
console.log(
  JSON.stringify({
    goodFiles,
    goodLoaded,
    goodConceptsPerFile: goodConcepts / Math.max(1, goodFiles),
    badFiles,
    badRejected,
  }),
);
