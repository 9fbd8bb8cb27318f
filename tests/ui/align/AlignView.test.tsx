// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../src/i18n/i18n.ts';
import { openAudarmaDb, type AudarmaDb } from '../../../src/storage/db.ts';
import { ensureDemoProject } from '../../../src/storage/demo.ts';
import { listUnits } from '../../../src/storage/documents.ts';
import { listRenderings, listRevisions } from '../../../src/storage/renderings.ts';
import { useWorkbench } from '../../../src/ui/app/useWorkbench.ts';
import { AlignView } from '../../../src/ui/features/align/AlignView.tsx';
import { DEMO_DOCUMENT_ID } from '../../../src/core/demo/project.ts';
import { renderingId } from '../../../src/core/model/ids.ts';

/** A short article in the demo project: a heading and five sentences of English machine translation. */
const ENGLISH = [
  'Municipal police in Kazakhstan',
  '',
  'The experiment began in January 2016. The Local police service reports to the Akim twice a year. Its head is appointed with the consent of the Maslikhat.',
  '',
  'The service was abolished in 2019. Its staff returned to the Ministry of Internal Affairs.',
].join('\n');

const RUSSIAN = [
  'Муниципальная полиция в Казахстане',
  '',
  'Эксперимент начался в январе 2016 года. Местная полицейская служба отчитывается перед акимом два раза в год. Её начальник назначается с согласия маслихата.',
  '',
  'Служба была упразднена в 2019 году. Её сотрудники вернулись в Министерство внутренних дел.',
].join('\r\n');

const KAZAKH = [
  'Қазақстандағы муниципалдық полиция',
  '',
  'Тәжірибе 2016 жылғы қаңтарда басталды. Жергілікті полиция қызметі әкімге жылына екі рет есеп береді. Оның басшысы мәслихаттың келісімімен тағайындалады.',
  '',
  'Қызмет 2019 жылы таратылды. Оның қызметкерлері Ішкі істер министрлігіне оралды.',
].join('\n');

let counter = 0;

async function demoDb(): Promise<AudarmaDb> {
  const db = await openAudarmaDb(`align-ui-${Date.now()}-${counter++}`);
  await ensureDemoProject(db, ENGLISH, 'tester', 1000);
  return db;
}

function Harness({ db }: { readonly db: AudarmaDb }) {
  const state = useWorkbench(db, 'tester');
  return state.status === 'ready' ? <AlignView workbench={state} /> : <p>loading</p>;
}

async function renderAlign(db?: AudarmaDb) {
  const database = db ?? (await demoDb());
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createI18n()}>
      <Harness db={database} />
    </I18nextProvider>,
  );
  await screen.findByRole('heading', { name: 'Align another language version' });
  return { user, db: database };
}

const rowsOf = () =>
  within(screen.getByRole('table', { name: 'Proposed alignment' }))
    .getAllByRole('row')
    .slice(1);
const imported = (row: number) =>
  screen.getByRole<HTMLTextAreaElement>('textbox', { name: `Imported text, row ${row}` });

async function alignPasted(user: ReturnType<typeof userEvent.setup>, lang: string, text: string) {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Language of the version' }), lang);
  await user.click(screen.getByRole('textbox', { name: 'Or paste the text' }));
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Align' }));
}

describe('Align view', () => {
  it('aligns a Russian original under the English machine translation, then corrects, undoes and applies it', async () => {
    const { user, db } = await renderAlign();
    expect(screen.getByText(/aligned with the units' English machine translation/)).toBeInTheDocument();
    await alignPasted(user, 'ru', RUSSIAN);
    await screen.findByRole('table', { name: 'Proposed alignment' }, { timeout: 5000 });
    expect(screen.getByRole('heading', { name: 'Russian aligned with English' })).toBeInTheDocument();
    // One row per unit, each pairing the unit with its Russian sentence, with a confidence.
    expect(rowsOf()).toHaveLength(6);
    expect(imported(3)).toHaveValue('Местная полицейская служба отчитывается перед акимом два раза в год.');
    expect(
      within(rowsOf()[2]!).getByText('The Local police service reports to the Akim twice a year.'),
    ).toBeInTheDocument();
    expect(within(rowsOf()[2]!).getByText(/^\d+%$/)).toBeInTheDocument();

    // Merge row 2 with the next by keyboard, undo it, redo it with the button, undo again.
    await user.click(imported(2));
    await user.keyboard('{Alt>}m{/Alt}');
    expect(rowsOf()).toHaveLength(5);
    expect(imported(2).value).toBe(
      'Эксперимент начался в январе 2016 года. Местная полицейская служба отчитывается перед акимом два раза в год.',
    );
    expect(within(rowsOf()[1]!).getByText('Fixed by hand')).toBeInTheDocument();
    await user.keyboard('{Control>}z{/Control}');
    expect(rowsOf()).toHaveLength(6);
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(rowsOf()).toHaveLength(5);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(rowsOf()).toHaveLength(6);

    // Split row 6 at the caret (between its words): the rest becomes a row without a unit.
    const last = imported(6);
    last.focus();
    last.setSelectionRange(8, 8);
    await user.keyboard('{Enter}');
    expect(rowsOf()).toHaveLength(7);
    expect(imported(6)).toHaveValue('Её сотру');
    expect(imported(7)).toHaveValue('дники вернулись в Министерство внутренних дел.');
    expect(document.activeElement).toBe(imported(7));
    // Backspace at the start of a row joins it to the row above.
    await user.keyboard('{Backspace}');
    expect(rowsOf()).toHaveLength(6);
    expect(imported(6)).toHaveValue('Её сотру дники вернулись в Министерство внутренних дел.');
    await user.keyboard('{Control>}z{/Control}{Control>}z{/Control}');
    expect(imported(6)).toHaveValue('Её сотрудники вернулись в Министерство внутренних дел.');

    expect(screen.getByText(/Units with text: 6 · without a counterpart: 0/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Apply Russian to the document' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Russian applied: units changed 6'),
    );
    const units = await listUnits(db, DEMO_DOCUMENT_ID);
    expect(units.map((u) => u.source)).toEqual([
      'Муниципальная полиция в Казахстане',
      'Эксперимент начался в январе 2016 года.',
      'Местная полицейская служба отчитывается перед акимом два раза в год.',
      'Её начальник назначается с согласия маслихата.',
      'Служба была упразднена в 2019 году.',
      'Её сотрудники вернулись в Министерство внутренних дел.',
    ]);
    expect(units.every((u) => u.alignScore !== undefined && u.alignScore > 0)).toBe(true);
    // The source is now the pivot for the other languages.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language of the version' }), 'kk');
    expect(screen.getByText(/aligned with the units' Russian source/)).toBeInTheDocument();
  });

  it('imports a Kazakh file as renderings, then fixes the stored alignment with history kept', async () => {
    const { user, db } = await renderAlign();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language of the version' }), 'kk');
    // A file chosen by mistake can be cleared; pasting is possible again.
    await user.upload(screen.getByLabelText('Text file'), new File(['x'], 'wrong.txt'));
    expect(screen.getByRole('textbox', { name: 'Or paste the text' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Clear the file' }));
    expect(screen.getByRole('textbox', { name: 'Or paste the text' })).toBeEnabled();
    await user.upload(screen.getByLabelText('Text file'), new File([`\uFEFF${KAZAKH}`], 'article.kk.txt'));
    await user.click(screen.getByRole('button', { name: 'Align' }));
    await screen.findByRole('table', { name: 'Proposed alignment' }, { timeout: 5000 });
    expect(screen.getByText(/^From article\.kk\.txt\. Rows: 6/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Apply Kazakh to the document' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('renderings imported 6'));
    const units = await listUnits(db, DEMO_DOCUMENT_ID);
    const kk = await listRenderings(db, DEMO_DOCUMENT_ID, 'kk');
    expect(kk.map((r) => [r.text, r.state])[1]).toEqual([
      'Тәжірибе 2016 жылғы қаңтарда басталды.',
      'imported',
    ]);

    // The stored alignment: move the first sentence of unit 3 up into unit 2.
    await user.click(await screen.findByRole('button', { name: 'Fix the stored Kazakh alignment' }));
    expect(screen.getByText(/^The alignment the units have now\./)).toBeInTheDocument();
    await user.click(imported(3));
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(imported(2)).toHaveValue(
      'Тәжірибе 2016 жылғы қаңтарда басталды. Жергілікті полиция қызметі әкімге жылына екі рет есеп береді.',
    );
    expect(imported(3)).toHaveValue('');
    expect(screen.getByText(/without a counterpart: 1/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Apply Kazakh to the document' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('renderings changed 1, renderings kept 1'),
    );
    const history = await listRevisions(db, renderingId(units[1]!.id, 'kk'));
    expect(history.map((r) => [r.action, r.state])).toEqual([
      ['import', 'imported'],
      ['edit', 'edited'],
    ]);
  });

  it.each([
    [
      'an empty file',
      'ru',
      new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a]),
      'empty.txt: there is no text to align.',
    ],
    ['a binary file', 'ru', new Uint8Array([0x41, 0x0a, 0x42, 0x00, 0x01]), 'binary content at line 2'],
    [
      'English chosen as Russian',
      'ru',
      new TextEncoder().encode(ENGLISH),
      'version.txt: mostly Latin letters',
    ],
    [
      'Russian chosen as Kazakh',
      'kk',
      new TextEncoder().encode(RUSSIAN.repeat(4)),
      'the text looks like Russian, not Kazakh',
    ],
    [
      'one enormous line',
      'ru',
      new TextEncoder().encode(`${'слово '.repeat(1000)}\n`),
      'line 1: a segment of 5999 characters',
    ],
  ])('refuses %s with a clear message and stores nothing', async (_name, lang, bytes, message) => {
    const { user, db } = await renderAlign();
    const before = await listUnits(db, DEMO_DOCUMENT_ID);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language of the version' }), lang);
    const name = message.startsWith('empty') ? 'empty.txt' : 'version.txt';
    await user.upload(screen.getByLabelText('Text file'), new File([bytes], name));
    await user.click(screen.getByRole('button', { name: 'Align' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(await listUnits(db, DEMO_DOCUMENT_ID)).toEqual(before);
    expect(await listRenderings(db, DEMO_DOCUMENT_ID, 'kk')).toEqual([]);
  });

  it('imports one segment per line when asked to', async () => {
    const { user } = await renderAlign();
    await user.click(screen.getByRole('checkbox', { name: 'One segment per line' }));
    await alignPasted(user, 'ru', 'Первая строка. Вторая часть той же строки.\nВторая строка.');
    await screen.findByRole('table', { name: 'Proposed alignment' }, { timeout: 5000 });
    const texts = rowsOf().flatMap((_, i) => (imported(i + 1).value ? [imported(i + 1).value] : []));
    expect(texts.join(' | ')).toBe('Первая строка. Вторая часть той же строки. | Вторая строка.');
  });
});
