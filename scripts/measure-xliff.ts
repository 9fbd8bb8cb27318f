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
// The core schema imports xml.xsd from w3.org; xmllint runs offline, so it gets this stand-in
// declaring the four xml: attributes the way the W3C schema does.
writeFileSync(
  join(out, 'xml.xsd'),
  `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xs:attribute name="lang"><xs:simpleType><xs:union memberTypes="xs:language"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value=""/></xs:restriction></xs:simpleType></xs:union></xs:simpleType></xs:attribute>
  <xs:attribute name="space"><xs:simpleType><xs:restriction base="xs:NCName"><xs:enumeration value="default"/><xs:enumeration value="preserve"/></xs:restriction></xs:simpleType></xs:attribute>
  <xs:attribute name="base" type="xs:anyURI"/>
  <xs:attribute name="id" type="xs:ID"/>
  <xs:attributeGroup name="specialAttrs"><xs:attribute ref="xml:base"/><xs:attribute ref="xml:lang"/><xs:attribute ref="xml:space"/><xs:attribute ref="xml:id"/></xs:attributeGroup>
</xs:schema>`,
);
// Schemas are read from the suite and written to the temporary folder with xml.xsd pointing at the stand-in.
for (const xsd of readdirSync(join(SUITE, 'xliff-22/schemas')).filter((f) => f.endsWith('.xsd'))) {
  const text = readFileSync(join(SUITE, 'xliff-22/schemas', xsd), 'utf8');
  writeFileSync(join(out, xsd), text.replaceAll('http://www.w3.org/2001/xml.xsd', 'xml.xsd'));
}

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
            // Both the patched original and a fresh file written from the model alone must pass.
            const { original: _dropped, ...model } = doc.value;
            void _dropped;
            for (const [suffix, text] of [
              ['', again],
              ['.fresh', writeXliff2(model, { version: '2.2' })],
            ] as const) {
              schemaRun += 1;
              const target = join(out, f + suffix);
              writeFileSync(target, text);
              try {
                execFileSync('xmllint', ['--noout', '--schema', join(out, 'xliff_core_2.2.xsd'), target], {
                  stdio: 'pipe',
                });
                schemaOk += 1;
              } catch (e) {
                console.log(
                  `${f}${suffix}: exported file fails the 2.2 core schema: ${String((e as { stderr?: Buffer }).stderr ?? e).slice(0, 300)}`,
                );
              }
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
