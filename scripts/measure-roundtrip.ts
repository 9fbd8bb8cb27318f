// Measures round-trip fidelity on the valid OASIS XLIFF 2.2 and 2.1 core files in /work/shared/conformance (run by hand:
// `npx tsx scripts/measure-roundtrip.ts [--verbose]`; needs xmllint). Each file goes the way of
// `convert FILE.xlf P.json && convert P.json OUT.xlf`, three times: untouched; with every target of the backup
// edited around the inline codes the editor shows (the target's, else the source's; text changed, codes kept as a
// reviewer keeps the chips, state approved);
// and edited as plain text without any codes (the file's codes are then placed by position). A file counts when OUT passes the 2.2 core schema (2.1: our validator, the
// suite has no 2.1 schemas), keeps the version, namespace, file, unit and segment ids and segment sources, and (edited) carries
// the edited target texts. The suite is never copied into the project.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBundle, serialiseBundle } from '../src/core/formats/backup.ts';
import { convertFile } from '../src/core/formats/convertFile.ts';
import { plainText, type Content } from '../src/core/formats/interchange.ts';
import { withoutCodes } from '../src/core/text/codeTokens.ts';
import { measureDocx, measureTmx } from './roundtrip-generated.ts';
import { readXliff2 } from '../src/core/formats/xliff2.ts';
import { validateXliff2 } from '../src/core/formats/xliff2Validate.ts';
import { parseXml } from '../src/core/formats/xml/parseXml.ts';
import { attr, type XmlElement } from '../src/core/formats/xml/xmlTypes.ts';

const SUITE = '/work/shared/conformance/xliff2-suite/xliff-22';
const verbose = process.argv.includes('--verbose');
const out = mkdtempSync(join(tmpdir(), 'roundtrip-measure-'));
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
for (const xsd of readdirSync(join(SUITE, 'schemas')).filter((f) => f.endsWith('.xsd'))) {
  const text = readFileSync(join(SUITE, 'schemas', xsd), 'utf8');
  writeFileSync(join(out, xsd), text.replaceAll('http://www.w3.org/2001/xml.xsd', 'xml.xsd'));
}

/** Ids in document order: files, groups, units, segments (with their parent unit), and the root's version and namespace. */
function skeleton(bytes: Uint8Array): string[] {
  const parsed = parseXml(bytes);
  if (!parsed.ok) return [`unparsable: ${parsed.error.message}`];
  const root = parsed.value.root;
  const ids: string[] = [`version=${attr(root, 'version') ?? ''}`, `ns=${root.uri}`];
  const walk = (el: XmlElement, unit: string) => {
    if (el.uri === root.uri && ['file', 'group', 'unit', 'segment', 'ignorable'].includes(el.local))
      ids.push(`${el.local}:${unit}/${attr(el, 'id') ?? ''}`);
    const here = el.local === 'unit' ? (attr(el, 'id') ?? '') : unit;
    for (const c of el.children) if (c.kind === 'element') walk(c, here);
  };
  walk(root, '');
  return ids;
}

function schemaProblem(path: string): string | undefined {
  try {
    execFileSync('xmllint', ['--noout', '--schema', join(out, 'xliff_core_2.2.xsd'), path], {
      stdio: 'pipe',
    });
    return undefined;
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e).slice(0, 300);
  }
}

const enc = (s: string) => new TextEncoder().encode(s);
/** The 2.1 suite ships no schemas: its files are checked by our own validator instead. */
function validatorProblem(bytes: Uint8Array): string | undefined {
  const parsed = parseXml(bytes);
  if (!parsed.ok) return parsed.error.message;
  const first = validateXliff2(parsed.value)[0];
  return first ? `line ${first.line ?? '?'}: ${first.message}` : undefined;
}
const report: Record<string, unknown> = {};
const MODES = ['untouched', 'edited', 'editedPlain'] as const;
for (const version of ['xliff-22', 'xliff-21'] as const) {
  const dir = join(SUITE, '..', version, 'test-suite/core/valid');
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlf'));
  const counts = {
    files: files.length,
    untouched: 0,
    edited: 0,
    editedPlain: 0,
    byteIdenticalUntouched: 0,
    /** Units whose target has as many codes as the file's target (or source) had, after each kind of edit. */
    codesKept: 0,
    codesUnits: 0,
    codesKeptPlain: 0,
    /** Units that have inline codes at all, and how many of them came back with their codes after an edit. */
    unitsWithCodes: 0,
    unitsWithCodesKept: 0,
  };
  for (const f of files) {
    const input = new Uint8Array(readFileSync(join(dir, f)));
    const problems: string[] = [];
    const toJson = convertFile(input, f, 'P.json', { now: 0 });
    if (!toJson.ok) {
      console.log(`${f}: does not convert to a backup: ${toJson.error.message}`);
      continue;
    }
    const before = skeleton(input);
    const sourcesOf = (bytes: Uint8Array) => {
      const d = readXliff2(bytes);
      return d.ok ? d.value.units.map((u) => plainText(u.source)) : [`unreadable: ${d.error.message}`];
    };
    const sources = JSON.stringify(sourcesOf(input));
    for (const mode of MODES) {
      let json = toJson.value.bytes;
      const expected = new Map<number, string>();
      if (mode !== 'untouched') {
        const b = parseBundle(new TextDecoder().decode(json));
        if (!b.ok) throw new Error(b.error.message);
        const lang = b.value.project.targetLangs[0] ?? 'fr';
        const project = {
          ...b.value.project,
          targetLangs: b.value.project.targetLangs.length ? b.value.project.targetLangs : [lang],
        };
        const renderings = b.value.units.map((u) => {
          const old = b.value.renderings.find((r) => r.unitId === u.id && r.lang === lang);
          // The editor starts from the target (or nothing): a reviewer keeps the codes it shows, else the source's.
          const start = old && old.text !== '' ? old.text : u.source;
          const text = `edited ${u.index}: ${mode === 'edited' ? start : withoutCodes(start)}`;
          expected.set(u.index, withoutCodes(text));
          return {
            ...(old ?? {
              id: `${u.id}:${lang}`,
              unitId: u.id,
              documentId: u.documentId,
              lang,
              updatedAt: 0,
              updatedBy: '',
              revision: 0,
            }),
            text,
            state: 'approved' as const,
          } as (typeof b.value.renderings)[number];
        });
        const revisions = b.value.revisions.filter((v) => renderings.some((r) => r.id === v.renderingId));
        json = enc(serialiseBundle({ ...b.value, project, renderings, revisions }));
      }
      const back = convertFile(json, 'P.json', f, { now: 0 });
      if (!back.ok) {
        problems.push(`${mode}: does not convert back: ${back.error.message}`);
        continue;
      }
      const path = join(out, `${mode}-${f}`);
      writeFileSync(path, back.value.bytes);
      const schema = version === 'xliff-22' ? schemaProblem(path) : validatorProblem(back.value.bytes);
      if (schema)
        problems.push(
          `${mode}: ${version === 'xliff-22' ? 'fails the 2.2 core schema' : 'is not valid XLIFF 2.1'}: ${schema}`,
        );
      const after = skeleton(back.value.bytes);
      if (JSON.stringify(after) !== JSON.stringify(before))
        problems.push(
          `${mode}: ids differ: ${before
            .filter((x) => !after.includes(x))
            .slice(0, 3)
            .join(' ')} → ${after
            .filter((x) => !before.includes(x))
            .slice(0, 3)
            .join(' ')}`,
        );
      if (JSON.stringify(sourcesOf(back.value.bytes)) !== sources) problems.push(`${mode}: sources differ`);
      if (mode !== 'untouched') {
        const d = readXliff2(back.value.bytes);
        if (d.ok) {
          const lang = d.value.targetLangs[0] ?? '';
          const wrong = d.value.units.filter(
            (u, i) => plainText(u.targets[lang]?.content ?? []) !== expected.get(i),
          );
          if (wrong.length > 0)
            problems.push(`${mode}: ${wrong.length} targets not as edited (first: ${wrong[0]?.id})`);
          // Every inline code of the original target (or of the source where there was none) is still there.
          const original = readXliff2(input);
          const codes = (c: Content) => c.filter((p) => typeof p !== 'string' && p.element !== 'cp').length;
          if (original.ok) {
            const lost = d.value.units.filter((u, i) => {
              const o = original.value.units[i];
              const t = o?.targets[lang];
              const reference = t && plainText(t.content) !== '' ? t.content : (o?.source ?? []);
              return codes(u.targets[lang]?.content ?? []) !== codes(reference);
            });
            if (mode === 'edited') {
              counts.codesKept += d.value.units.length - lost.length;
              counts.codesUnits += d.value.units.length;
              const coded = original.value.units.filter((u) => codes(u.source) > 0);
              counts.unitsWithCodes += coded.length;
              counts.unitsWithCodesKept += coded.filter((u) => !lost.some((l) => l.id === u.id)).length;
            } else counts.codesKeptPlain += d.value.units.length - lost.length;
            if (lost.length > 0)
              problems.push(`${mode}: codes lost in ${lost.length} units (first: ${lost[0]?.id})`);
          }
        }
      }
      if (problems.filter((p) => p.startsWith(mode)).length === 0) {
        counts[mode] += 1;
        if (mode === 'untouched' && Buffer.compare(Buffer.from(back.value.bytes), Buffer.from(input)) === 0)
          counts.byteIdenticalUntouched += 1;
      }
    }
    if (verbose || problems.length > 0) for (const p of problems) console.log(`${version}/${f}: ${p}`);
  }
  report[version] = counts;
}
report.docx = measureDocx();
report.tmx = measureTmx();
console.log(JSON.stringify(report, null, 2));
