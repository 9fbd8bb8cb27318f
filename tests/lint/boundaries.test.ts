import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

/** Rule ids the project's lint configuration reports for `code` placed at `filePath`. */
async function ruleIds(filePath: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

describe('layer boundaries are enforced by lint at every folder depth', () => {
  const cases: [string, string, string][] = [
    [
      'core, three folders deep, importing storage',
      'src/core/checks/pair/x.ts',
      "import { openDb } from '../../../storage/db.ts';\nexport const y = openDb;\n",
    ],
    [
      'core importing the UI',
      'src/core/formats/xml/x.ts',
      "import { App } from '../../../ui/app/App.tsx';\nexport const y = App;\n",
    ],
    [
      'core importing the worker',
      'src/core/x.ts',
      "import { createJobs } from '../worker/jobs.ts';\nexport const y = createJobs;\n",
    ],
    [
      'core importing i18n',
      'src/core/text/x.ts',
      "import { i18n } from '../../i18n/i18n.ts';\nexport const y = i18n;\n",
    ],
    [
      'core importing i18next',
      'src/core/x.ts',
      "import i18next from 'i18next';\nexport const y = i18next;\n",
    ],
    ['core touching the DOM', 'src/core/review/x.ts', 'export const y = document.title;\n'],
    [
      'the CLI importing storage',
      'src/cli/commands/x.ts',
      "import { openDb } from '../../storage/db.ts';\nexport const y = openDb;\n",
    ],
    [
      'storage importing the UI',
      'src/storage/x.ts',
      "import { App } from '../ui/app/App.tsx';\nexport const y = App;\n",
    ],
  ];
  it.each(cases)('refuses %s', async (_name, path, code) => {
    const ids = await ruleIds(path, code);
    expect(ids.some((id) => id === 'no-restricted-imports' || id === 'no-restricted-globals')).toBe(true);
  });

  const allowed: [string, string, string][] = [
    [
      'core importing core',
      'src/core/checks/pair/x.ts',
      "import { ok } from '../../result.ts';\nexport const y = ok;\n",
    ],
    [
      'the UI importing storage and core',
      'src/ui/features/x.ts',
      "import { openDb } from '../../storage/db.ts';\nimport { ok } from '../../core/result.ts';\nexport const y = [openDb, ok];\n",
    ],
    [
      'the CLI importing core',
      'src/cli/commands/x.ts',
      "import { ok } from '../../core/result.ts';\nexport const y = ok;\n",
    ],
  ];
  it.each(allowed)('allows %s', async (_name, path, code) => {
    const ids = await ruleIds(path, code);
    expect(ids.filter((id) => id === 'no-restricted-imports' || id === 'no-restricted-globals')).toEqual([]);
  });
});
