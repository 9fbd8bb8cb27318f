// @vitest-environment jsdom
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18nFor } from '../../../src/i18n/i18n.ts';
import { CheckSettingsDialog } from '../../../src/ui/features/issues/CheckSettingsDialog.tsx';
import { BUILT_IN_PHRASE_RULES } from '../../../src/core/checks/phraseRules.ts';
import type { CheckSettings } from '../../../src/core/checks/types.ts';

/** The dialog over settings kept in memory, each change applied as storage would apply it. */
async function open(initial: CheckSettings = {}) {
  const i18n = await createI18nFor('en');
  const stored: { current: CheckSettings; writes: number } = { current: initial, writes: 0 };
  function Host() {
    const [settings, setSettings] = useState(initial);
    return (
      <CheckSettingsDialog
        settings={settings}
        langs={['en', 'kk']}
        initialTab="rules"
        onSave={() => {}}
        onCancel={() => {}}
        onUpdate={async (change) => {
          stored.current = change(stored.current);
          stored.writes += 1;
          setSettings(stored.current);
        }}
      />
    );
  }
  render(
    <I18nextProvider i18n={i18n}>
      <Host />
    </I18nextProvider>,
  );
  const dialog = await screen.findByRole('dialog', { name: 'QA checks' }, { timeout: 15_000 });
  return { dialog, stored };
}

// Typing into a dialog with a hundred-row table is slow in jsdom on a busy machine: the tests get more time.
describe('project check settings', { timeout: 60_000 }, () => {
  it('list the built-in rules and switch one off with one write', async () => {
    const user = userEvent.setup();
    const { dialog, stored } = await open();
    const table = within(dialog).getByRole('table', { name: 'Phrase rules' });
    expect(table.querySelectorAll('tbody tr').length).toBe(BUILT_IN_PHRASE_RULES.length);
    const builtIn = BUILT_IN_PHRASE_RULES.find((r) => r.match === 'in whole')!;
    // The search narrows the table to the rule (fewer rows to look through, for the reviewer and the test).
    await user.type(within(dialog).getByRole('searchbox', { name: 'Find a rule' }), 'in whole');
    await user.click(within(dialog).getByRole('checkbox', { name: `Rule “${builtIn.match}” on` }));
    expect(stored.current.phraseRulesOff).toEqual([builtIn.id]);
    expect(stored.writes).toBe(1);
    expect(within(dialog).queryByRole('button', { name: `Delete the rule “${builtIn.match}”` })).toBeNull();
  });

  it('add, edit and delete the project’s own rules, one write each', async () => {
    const user = userEvent.setup();
    const { dialog, stored } = await open();
    await user.type(within(dialog).getByRole('searchbox', { name: 'Find a rule' }), 'round table');
    await user.click(within(dialog).getByRole('button', { name: 'Add a rule' }));
    const form = within(dialog).getByRole('form', { name: 'Phrase rule' });
    await user.type(within(form).getByRole('textbox', { name: 'Phrase or expression' }), 'round table talk');
    await user.type(within(form).getByRole('textbox', { name: 'Better wording' }), 'panel');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Severity' }), 'major');
    await user.click(within(form).getByRole('button', { name: 'Save the rule' }));
    expect(stored.writes).toBe(1);
    expect(stored.current.phraseRules).toMatchObject([
      { match: 'round table talk', suggestion: 'panel', severity: 'major', lang: 'en' },
    ]);
    expect(within(dialog).getByRole('status')).toHaveTextContent('Rule “round table talk” saved');

    await user.click(within(dialog).getByRole('button', { name: 'Edit the rule “round table talk”' }));
    const edit = within(dialog).getByRole('form', { name: 'Phrase rule' });
    await user.type(within(edit).getByRole('textbox', { name: 'Better wording' }), 's');
    await user.click(within(edit).getByRole('button', { name: 'Save the rule' }));
    expect(stored.current.phraseRules).toHaveLength(1);
    expect(stored.current.phraseRules?.[0]?.suggestion).toBe('panels');

    await user.click(within(dialog).getByRole('button', { name: 'Delete the rule “round table talk”' }));
    expect(stored.current.phraseRules).toEqual([]);
    expect(stored.writes).toBe(3);
  });

  it('refuses an expression RE2 cannot run, and a bad file is named with its line', async () => {
    const user = userEvent.setup();
    const { dialog, stored } = await open();
    await user.click(within(dialog).getByRole('button', { name: 'Add a rule' }));
    const form = within(dialog).getByRole('form', { name: 'Phrase rule' });
    await user.type(within(form).getByRole('textbox', { name: 'Phrase or expression' }), 'nets(?= of)');
    await user.click(within(form).getByRole('checkbox', { name: /Regular expression/ }));
    await user.click(within(form).getByRole('button', { name: 'Save the rule' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('This rule cannot be used');
    expect(stored.writes).toBe(0);
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));

    const file = new File(['match,severity\nin the frames of,minor\nsocial nets,huge\n'], 'rules.csv', {
      type: 'text/csv',
    });
    await user.upload(within(dialog).getByLabelText('File of phrase rules'), file);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'rules.csv was not imported: line 3: unknown severity "huge"',
    );
    expect(stored.writes).toBe(0);

    const good = new File(
      [
        JSON.stringify([
          { id: 'j1', match: 'magazine of (calls|visits)', regex: true, suggestion: 'log of $1' },
        ]),
      ],
      'rules.json',
      { type: 'application/json' },
    );
    await user.upload(within(dialog).getByLabelText('File of phrase rules'), good);
    expect(await within(dialog).findByRole('status')).toHaveTextContent('1 rule imported from rules.json');
    expect(stored.current.phraseRules).toMatchObject([{ id: 'j1', regex: true }]);
  });

  it('edits a built-in rule, shows it as edited, and restores its default', async () => {
    const user = userEvent.setup();
    const { dialog, stored } = await open();
    const builtIn = BUILT_IN_PHRASE_RULES.find((r) => r.match === 'in whole')!;
    await user.type(within(dialog).getByRole('searchbox', { name: 'Find a rule' }), 'in whole');
    await user.click(within(dialog).getByRole('button', { name: 'Edit the rule “in whole”' }));
    const form = within(dialog).getByRole('form', { name: 'Phrase rule' });
    const better = within(form).getByRole('textbox', { name: 'Better wording' });
    expect(better).toHaveValue('as a whole');
    await user.clear(better);
    await user.type(better, 'overall');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Severity' }), 'major');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'MQM category' }), 'terminology');
    await user.type(within(form).getByRole('textbox', { name: 'Note' }), 'в целом');
    await user.click(within(form).getByRole('button', { name: 'Save the rule' }));
    expect(stored.writes).toBe(1);
    expect(stored.current.phraseRules).toEqual([
      { ...builtIn, suggestion: 'overall', severity: 'major', category: 'terminology', note: 'в целом' },
    ]);
    const table = within(dialog).getByRole('table', { name: 'Phrase rules' });
    const row = within(table).getByRole('checkbox', { name: 'Rule “in whole” on' }).closest('tr')!;
    expect(row).toHaveTextContent('overall');
    expect(row).toHaveTextContent('edited');
    // Still one row for the rule: the edit stands in the built-in rule's place, not beside it.
    expect(within(table).getAllByRole('checkbox', { name: 'Rule “in whole” on' })).toHaveLength(1);
    expect(within(row).queryByRole('button', { name: 'Delete the rule “in whole”' })).toBeNull();

    await user.click(within(row).getByRole('button', { name: 'Restore the default of the rule “in whole”' }));
    expect(stored.current.phraseRules).toEqual([]);
    expect(stored.writes).toBe(2);
    const restored = within(table).getByRole('checkbox', { name: 'Rule “in whole” on' }).closest('tr')!;
    expect(restored).toHaveTextContent('as a whole');
    expect(restored).not.toHaveTextContent('edited');
    expect(within(restored).queryByRole('button', { name: /Restore the default/ })).toBeNull();
  });

  it('imports an edit of a built-in rule from a file, and saving the default back removes the edit', async () => {
    const user = userEvent.setup();
    const builtIn = BUILT_IN_PHRASE_RULES.find((r) => r.match === 'in whole')!;
    const { dialog, stored } = await open();
    const file = new File(
      [`id,match,regex,suggestion,severity\n${builtIn.id},in whole,true,overall,major\n`],
      'edits.csv',
      { type: 'text/csv' },
    );
    await user.upload(within(dialog).getByLabelText('File of phrase rules'), file);
    expect(await within(dialog).findByRole('status')).toHaveTextContent('1 rule imported from edits.csv');
    expect(stored.current.phraseRules).toMatchObject([{ id: builtIn.id, suggestion: 'overall' }]);
    expect(within(dialog).getByText(/1 built-in rule is edited/)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('searchbox', { name: 'Find a rule' }), 'in whole');
    await user.click(within(dialog).getByRole('button', { name: 'Edit the rule “in whole”' }));
    const form = within(dialog).getByRole('form', { name: 'Phrase rule' });
    const better = within(form).getByRole('textbox', { name: 'Better wording' });
    await user.clear(better);
    await user.type(better, builtIn.suggestion!);
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Severity' }), builtIn.severity);
    await user.click(within(form).getByRole('button', { name: 'Save the rule' }));
    expect(stored.current.phraseRules).toEqual([]);
  });

  it('chooses the English spelling and the Kazakh letters', async () => {
    const user = userEvent.setup();
    const { dialog, stored } = await open({ englishSpelling: 'en-US' });
    await user.click(within(dialog).getByRole('tab', { name: 'Spelling and letters' }));
    expect(within(dialog).getByRole('radio', { name: /American/ })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: /British/ }));
    expect(stored.current.englishSpelling).toBe('en-GB');
    await user.click(within(dialog).getByRole('radio', { name: 'Accept both' }));
    expect(stored.current).not.toHaveProperty('englishSpelling');
    await user.type(within(dialog).getByRole('textbox', { name: 'Letters allowed in Kazakh' }), 'аәб АӘ, в');
    await user.click(within(dialog).getByRole('button', { name: 'Save the letters of Kazakh' }));
    expect(stored.current.allowedLetters).toEqual({ kk: 'аәбв' });
  });
});
