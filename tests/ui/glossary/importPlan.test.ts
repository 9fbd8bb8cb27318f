import { describe, expect, it } from 'vitest';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import type { TermEntry, TermStatus } from '../../../src/core/model/term.ts';
import {
  parseGlossaryFile,
  planImport,
  previewImport,
} from '../../../src/ui/features/glossary/importPlan.ts';

const P = projectId('p');
const entry = (id: string, terms: [string, string, TermStatus][], definition?: string): TermEntry => ({
  id: entryId(id),
  projectId: P,
  terms: terms.map(([lang, text, status]) => ({ lang, text, status })),
  ...(definition ? { definition } : {}),
  createdAt: 0,
  updatedAt: 0,
});

const existing = [
  entry(
    'akim',
    [
      ['en', 'Akim', 'approved'],
      ['ru', 'аким', 'approved'],
    ],
    'Head of a region.',
  ),
  entry('lps', [['en', 'LPS', 'approved']]),
];

describe('import preview', () => {
  const rows = previewImport(existing, [
    entry('x1', [
      ['en', 'akim', 'approved'],
      ['ru', 'аким', 'approved'],
    ]),
    entry('x2', [
      ['en', 'Akim', 'approved'],
      ['kk', 'әкім', 'proposed'],
    ]),
    entry('x3', [['en', 'LPS', 'forbidden']]),
    entry('akim', [['en', 'Governor', 'proposed']]),
    entry('x5', [['en', 'Deputy', 'proposed']]),
    entry('x6', [['en', 'Akim', 'approved']], 'Another definition.'),
  ]);
  it('matches by a term in common (any case) or by id, and says new, same or conflicting', () => {
    expect(rows.map((r) => [r.match, r.existing?.id ?? null])).toEqual([
      ['same', 'akim'],
      ['conflict', 'akim'],
      ['conflict', 'lps'],
      ['conflict', 'akim'],
      ['new', null],
      ['conflict', 'akim'],
    ]);
  });
  it('lists what differs', () => {
    expect(rows[1]?.differences).toEqual([{ kind: 'newTerm', lang: 'kk', text: 'әкім', status: 'proposed' }]);
    expect(rows[2]?.differences).toEqual([
      { kind: 'status', lang: 'en', text: 'LPS', existing: 'approved', incoming: 'forbidden' },
    ]);
    expect(rows[5]?.differences).toEqual([
      { kind: 'field', field: 'definition', existing: 'Head of a region.', incoming: 'Another definition.' },
    ]);
  });
  it('writes each row as chosen: merge keeps decisions, update takes the file’s, with the file as reason', () => {
    const context = { projectId: P, by: 'dana', at: 9, file: 'f.tbx' };
    const { write, counts, before } = planImport(
      rows,
      ['skip', 'merge', 'update', 'skip', 'add', 'merge'],
      context,
    );
    expect(counts).toEqual({ added: 1, merged: 2, updated: 1, skipped: 2 });
    const akim = write.put?.find((e) => e.id === 'akim');
    expect(akim?.terms.map((t) => t.text)).toEqual(['Akim', 'аким', 'әкім']);
    // Merging never overwrites: the existing definition stays.
    expect(akim?.definition).toBe('Head of a region.');
    const lps = write.put?.find((e) => e.id === 'lps');
    expect(lps?.terms[0]?.status).toBe('forbidden');
    expect(write.history.find((h) => h.entryId === 'lps')).toMatchObject({
      field: 'status',
      reason: 'f.tbx',
    });
    expect(before.map((e) => e.id).sort()).toEqual(['akim', 'lps']);
    expect(write.put?.find((e) => e.terms[0]?.text === 'Deputy')?.id).not.toBe('x5');
  });
});

describe('reading a glossary file for import', () => {
  it.each([
    ['terms.csv', 'en,ru\nDeputy,депутат\n'],
    [
      'terms.tbx',
      '<?xml version="1.0"?><tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader><text><body><conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>Deputy</term></termSec></langSec></conceptEntry></body></text></tbx>',
    ],
  ])('brings %s terms without a status in as proposed, or as asked', (name, text) => {
    const proposed = parseGlossaryFile(name, text, P, 0);
    expect(proposed.ok && proposed.value[0]?.terms.map((t) => t.status)).toEqual(
      name.endsWith('.csv') ? ['proposed', 'proposed'] : ['proposed'],
    );
    const approved = parseGlossaryFile(name, text, P, 0, 'approved');
    expect(approved.ok && approved.value[0]?.terms[0]?.status).toBe('approved');
  });
  it('keeps the status the file gives', () => {
    const parsed = parseGlossaryFile('t.csv', 'en,status\nDeputy,forbidden\n', P, 0);
    expect(parsed.ok && parsed.value[0]?.terms[0]?.status).toBe('forbidden');
  });
});
