// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  commandFor,
  formatKeys,
  helpGroups,
  KEYMAP,
  type KeyContext,
} from '../../../src/ui/keymap/keymap.ts';

const press = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

describe('the keymap', () => {
  it.each([
    ['grid', { key: 'j' }, 'next'],
    ['grid', { key: 'ArrowDown' }, 'next'],
    ['grid', { key: 'N', shiftKey: true }, 'previousIssue'],
    ['grid', { key: 'n' }, 'nextIssue'],
    ['grid', { key: 'z', ctrlKey: true }, 'undo'],
    ['grid', { key: 'Z', ctrlKey: true, shiftKey: true }, 'redo'],
    ['grid', { key: 'Enter', ctrlKey: true }, 'approve'],
    ['grid', { key: 'Enter' }, 'edit'],
    ['mark', { key: 'ArrowRight', shiftKey: true }, 'extendRight'],
    ['mark', { key: 'ArrowRight', shiftKey: true, ctrlKey: true }, 'extendWordRight'],
    ['editor', { key: 'µ', code: 'KeyM', altKey: true }, 'copyMt'],
    ['editor', { key: '3', code: 'Digit3', altKey: true }, 'insertTerm'],
    ['editor', { key: 'Enter', ctrlKey: true }, 'editorApprove'],
    ['app', { key: '2', code: 'Digit2', altKey: true }, 'tabs'],
    ['app', { key: '?', shiftKey: true }, 'help'],
    ['app', { key: 's', code: 'KeyS', ctrlKey: true }, 'backup'],
  ] as const)('in %s, %o means %s', (context, init, command) => {
    expect(commandFor(context as KeyContext, press(init))).toBe(command);
  });

  it.each([
    ['grid', { key: 'j', ctrlKey: true }],
    ['grid', { key: 'x' }],
    ['app', { key: '7', code: 'Digit7', altKey: true }],
    ['editor', { key: 'Enter' }],
  ] as const)('in %s, %o means nothing', (context, init) => {
    expect(commandFor(context as KeyContext, press(init))).toBeUndefined();
  });

  it('binds no key twice within one context', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const binding of KEYMAP) {
      for (const keys of binding.keys) {
        const id = `${binding.context}:${keys.toLowerCase()}`;
        if (seen.has(id) && seen.get(id) !== binding.command) clashes.push(id);
        seen.set(id, binding.command);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('writes keys as on the keyboard', () => {
    expect(formatKeys('$mod+Shift+KeyE')).toBe('Ctrl+Shift+E');
    expect(formatKeys('$mod+Shift+KeyE', true)).toBe('⌘+Shift+E');
    expect(formatKeys('Alt+ArrowDown')).toBe('Alt+↓');
    expect(formatKeys('Shift+?')).toBe('?');
  });

  it('lists every binding in the help, with a label in every language', () => {
    const rows = helpGroups().flatMap((group) => group.rows);
    expect(rows).toHaveLength(KEYMAP.length);
    for (const lang of ['en', 'ru', 'kk']) {
      const labels = (
        JSON.parse(readFileSync(`locales/${lang}/translation.json`, 'utf8')) as {
          help: { action: Record<string, string>; group: Record<string, string> };
        }
      ).help;
      expect(rows.filter((row) => !labels.action[row.command]).map((row) => row.command)).toEqual([]);
      expect(
        helpGroups()
          .filter((g) => !labels.group[g.context])
          .map((g) => g.context),
      ).toEqual([]);
    }
  });
});
