import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BUILT_IN_PHRASE_RULES,
  builtInPhraseRule,
  compilePhraseRules,
  samePhraseRule,
  parsePhraseRulesFile,
  phraseRulesToCsv,
  phraseRulesToJson,
  type PhraseRule,
} from '../../../core/checks/phraseRules.ts';
import type { CheckSettings } from '../../../core/checks/types.ts';
import { downloadText } from '../../components/download.ts';
import { PhraseRuleForm } from './PhraseRuleForm.tsx';
import { useLinearRegex } from '../../hooks/useLinearRegex.ts';

type Props = {
  readonly settings: CheckSettings;
  readonly onUpdate: (change: (current: CheckSettings) => CheckSettings) => Promise<unknown>;
  readonly langs: readonly string[];
  /** A rule to open in the form at once (saved from a reviewer's correction). */
  readonly draft?: PhraseRule | undefined;
};

const SHOWN = 200;

/** Own rules with `rule` put in place of the one with its id, or added. */
function upsert(rules: readonly PhraseRule[], rule: PhraseRule): PhraseRule[] {
  return rules.some((r) => r.id === rule.id)
    ? rules.map((r) => (r.id === rule.id ? rule : r))
    : [...rules, rule];
}

/** The stored table with `rule` in it; an edit that gives a built-in rule back its defaults is removed. */
function store(rules: readonly PhraseRule[], rule: PhraseRule): PhraseRule[] {
  const base = builtInPhraseRule(rule.id);
  return base && samePhraseRule(base, rule) ? rules.filter((r) => r.id !== rule.id) : upsert(rules, rule);
}

/**
 * The project's phrase rules beside the built-in ones: each can be switched off and edited; the project's own
 * are added and deleted, a built-in one edited is kept under its id (marked "edited", its default a click
 * away). Own rules and edits are imported and exported together. Every change is one write of the project's
 * settings, then a re-check.
 */
export function PhraseRulesPanel({ settings, onUpdate, langs, draft }: Props) {
  // Regular-expression rules are checked here as they are typed: the engine loads when the panel opens.
  useLinearRegex(true);
  const { t } = useTranslation();
  const stored = useMemo(() => settings.phraseRules ?? [], [settings.phraseRules]);
  const own = useMemo(() => stored.filter((r) => !builtInPhraseRule(r.id)), [stored]);
  const edits = useMemo(
    () => new Map(stored.filter((r) => builtInPhraseRule(r.id)).map((r) => [r.id, r])),
    [stored],
  );
  const off = useMemo(() => new Set(settings.phraseRulesOff ?? []), [settings.phraseRulesOff]);
  const [editing, setEditing] = useState<PhraseRule | undefined>(draft);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const fileRef = useRef<HTMLInputElement>(null);

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const all = [
      ...own.map((rule) => ({ rule, builtIn: false, edited: false })),
      ...BUILT_IN_PHRASE_RULES.map((base) => {
        const edit = edits.get(base.id);
        return {
          rule: edit ?? base,
          builtIn: true,
          edited: edit !== undefined && !samePhraseRule(base, edit),
        };
      }),
    ];
    return q === ''
      ? all
      : all.filter(
          ({ rule }) =>
            rule.match.toLowerCase().includes(q) || (rule.suggestion ?? '').toLowerCase().includes(q),
        );
  }, [own, edits, query]);

  const write = async (change: (current: CheckSettings) => CheckSettings, done: string) => {
    setProblem(undefined);
    try {
      await onUpdate(change);
      setStatus(done);
    } catch (error) {
      setProblem(
        t('phraseRules.writeFailed', { message: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  const toggle = (rule: PhraseRule, on: boolean) =>
    write(
      (current) => {
        const ids = new Set(current.phraseRulesOff ?? []);
        if (on) ids.delete(rule.id);
        else ids.add(rule.id);
        return { ...current, phraseRulesOff: [...ids].sort() };
      },
      t(on ? 'phraseRules.turnedOn' : 'phraseRules.turnedOff', { rule: rule.match }),
    );

  const save = async (rule: PhraseRule) => {
    await write(
      (current) => ({ ...current, phraseRules: store(current.phraseRules ?? [], rule) }),
      t('phraseRules.saved', { rule: rule.match }),
    );
    setEditing(undefined);
  };

  const restore = (rule: PhraseRule) =>
    write(
      (current) => ({
        ...current,
        phraseRules: (current.phraseRules ?? []).filter((r) => r.id !== rule.id),
      }),
      t('phraseRules.restored', { rule: builtInPhraseRule(rule.id)?.match ?? rule.match }),
    );

  const remove = (rule: PhraseRule) =>
    write(
      (current) => ({
        ...current,
        phraseRules: (current.phraseRules ?? []).filter((r) => r.id !== rule.id),
        phraseRulesOff: (current.phraseRulesOff ?? []).filter((id) => id !== rule.id),
      }),
      t('phraseRules.deleted', { rule: rule.match }),
    );

  const importFile = async (file: File) => {
    const parsed = parsePhraseRulesFile(file.name, await file.text());
    if (!parsed.ok) {
      setStatus(undefined);
      setProblem(t('phraseRules.badFile', { file: file.name, message: parsed.error.message }));
      return;
    }
    await write(
      (current) => ({
        ...current,
        phraseRules: parsed.value.reduce(store, [...(current.phraseRules ?? [])]),
      }),
      t('phraseRules.imported', { count: parsed.value.length, file: file.name }),
    );
  };

  const newRule = (): PhraseRule => ({
    id: `rule-${Date.now().toString(36)}`,
    match: '',
    regex: false,
    lang: langs[0] ?? 'en',
    severity: 'minor',
    category: 'style',
    kind: 'calque',
  });

  return (
    <div className="phrase-rules">
      <p className="modal-lead">
        {t('phraseRules.lead', { own: own.length, builtIn: BUILT_IN_PHRASE_RULES.length })}
        {edits.size > 0 && ` ${t('phraseRules.editedCount', { count: edits.size })}`}
      </p>
      <div className="phrase-rules-bar">
        <button type="button" onClick={() => setEditing(newRule())}>
          {t('phraseRules.add')}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t('phraseRules.import')}
        </button>
        <input
          ref={fileRef}
          type="file"
          hidden
          aria-label={t('phraseRules.importFile')}
          accept=".csv,.tsv,.json,text/csv,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <button
          type="button"
          disabled={stored.length === 0}
          onClick={() => downloadText('phrase-rules.csv', 'text/csv', phraseRulesToCsv(stored))}
        >
          {t('phraseRules.exportCsv')}
        </button>
        <button
          type="button"
          disabled={stored.length === 0}
          onClick={() => downloadText('phrase-rules.json', 'application/json', phraseRulesToJson(stored))}
        >
          {t('phraseRules.exportJson')}
        </button>
        <input
          className="push-right"
          type="search"
          aria-label={t('phraseRules.search')}
          placeholder={t('phraseRules.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {status && (
        <p className="phrase-rules-status" role="status">
          {status}
        </p>
      )}
      {problem && (
        <p className="filter-error" role="alert">
          {problem}
        </p>
      )}
      {editing && (
        <PhraseRuleForm
          key={editing.id}
          rule={editing}
          langs={langs}
          validate={(rule) => {
            const compiled = compilePhraseRules([rule]);
            return compiled.ok ? undefined : compiled.error.message;
          }}
          onSave={(rule) => void save(rule)}
          onCancel={() => setEditing(undefined)}
        />
      )}
      <table className="phrase-rules-table" aria-label={t('phraseRules.table')}>
        <thead>
          <tr>
            <th>{t('phraseRules.on')}</th>
            <th>{t('phraseRules.match')}</th>
            <th>{t('phraseRules.suggestion')}</th>
            <th>{t('phraseRules.lang')}</th>
            <th>{t('phraseRules.severity')}</th>
            <th>{t('phraseRules.origin')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map(({ rule, builtIn, edited }) => (
            <tr key={rule.id} className={off.has(rule.id) ? 'rule-off' : undefined}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('phraseRules.toggle', { rule: rule.match })}
                  checked={!off.has(rule.id)}
                  onChange={(event) => void toggle(rule, event.target.checked)}
                />
              </td>
              <td>
                <code>{rule.match}</code>
                {rule.regex && <span className="rule-tag">{t('phraseRules.regexTag')}</span>}
                {rule.note && <span className="check-about"> — {rule.note}</span>}
              </td>
              <td>{rule.suggestion ?? ''}</td>
              <td>{rule.lang}</td>
              <td>{t(`severity.${rule.severity}`)}</td>
              <td>
                {t(builtIn ? 'phraseRules.builtIn' : 'phraseRules.own')}
                {edited && <span className="rule-tag">{t('phraseRules.editedTag')}</span>}
              </td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('phraseRules.editRule', { rule: rule.match })}
                  onClick={() => setEditing(rule)}
                >
                  {t('phraseRules.edit')}
                </button>{' '}
                {edited && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('phraseRules.restoreRule', { rule: rule.match })}
                    onClick={() => void restore(rule)}
                  >
                    {t('phraseRules.restore')}
                  </button>
                )}
                {!builtIn && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('phraseRules.deleteRule', { rule: rule.match })}
                    onClick={() => void remove(rule)}
                  >
                    {t('phraseRules.delete')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN && (
        <p className="check-about">{t('phraseRules.more', { count: rows.length - SHOWN })}</p>
      )}
    </div>
  );
}
