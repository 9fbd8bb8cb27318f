// Measures the XLIFF 2 reader and validator against the OASIS test suites in /work/shared/conformance
// (run by hand: `npx tsx scripts/measure-xliff.ts [--verbose] [--schema]`). The suite is never copied here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseXml } from '../src/core/formats/xml/parseXml.ts';
import { validateXliff2 } from '../src/core/formats/xliff2Validate.ts';
import { readXliff2, writeXliff2 } from '../src/core/formats/xliff2.ts';

const SUITE = '/work/shared/conformance/xliff2-suite';
const verbose = process.argv.includes('--verbose');
const schema = process.argv.includes('--schema');
const out = mkdtempSync(join(tmpdir(), 'xliff-measure-'));

function problemsOf(path: string): string[] {
  const parsed = parseXml(new Uint8Array(readFileSync(path)));
  if (!parsed.ok) return [`line ${parsed.error.line}: ${parsed.error.message}`];
  return validateXliff2(parsed.value).map((p) => `line ${p.line}: ${p.message}`);
}

const report: Record<string, string> = {};
for (const version of ['xliff-21', 'xliff-22']) {
  for (const kind of ['core', 'modules']) {
    for (const expect of ['valid', 'invalid']) {
      const dir = join(SUITE, version, 'test-suite', kind, expect);
      const files = readdirSync(dir).filter((f) => f.endsWith('.xlf'));
      let right = 0;
      let schemaOk = 0;
      let schemaRun = 0;
      for (const f of files) {
        const problems = problemsOf(join(dir, f));
        const good = expect === 'valid' ? problems.length === 0 : problems.length > 0;
        if (good) right += 1;
        else if (verbose) console.log(`${version}/${kind}/${expect}/${f}: ${problems[0] ?? 'accepted'}`);
        if (expect === 'valid' && problems.length === 0) {
          const doc = readXliff2(new Uint8Array(readFileSync(join(dir, f))));
          if (!doc.ok) {
            console.log(`${f}: validated but did not import: ${doc.error.message}`);
            continue;
          }
          const again = writeXliff2(doc.value);
          const reread = readXliff2(again);
          if (!reread.ok) console.log(`${f}: export does not re-import: ${reread.error.message}`);
          if (schema && version === 'xliff-22' && kind === 'core') {
            schemaRun += 1;
            const target = join(out, f);
            writeFileSync(target, again);
            try {
              execFileSync(
                'xmllint',
                ['--noout', '--schema', join(SUITE, 'xliff-22/schemas/xliff_core_2.2.xsd'), target],
                {
                  stdio: 'pipe',
                },
              );
              schemaOk += 1;
            } catch (e) {
              console.log(
                `${f}: exported file fails the 2.2 core schema: ${String((e as { stderr?: Buffer }).stderr ?? e).slice(0, 300)}`,
              );
            }
          }
        }
      }
      report[`${version} ${kind} ${expect}`] =
        `${right}/${files.length} ${expect === 'valid' ? 'accepted' : 'rejected'}${schemaRun ? `; exports passing the 2.2 core schema ${schemaOk}/${schemaRun}` : ''}`;
    }
  }
}
console.log(JSON.stringify(report, null, 2));
