import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhraseRule } from '../../../core/checks/phraseRules.ts';
import { SEVERITIES, type CheckSettings, type Severity } from '../../../core/checks/types.ts';
import type { CheckCatalogEntry } from '../../../worker/jobs/checkCatalog.ts';
import { runJob } from '../../hooks/runJob.ts';
import { PhraseRulesPanel } from './PhraseRulesPanel.tsx';
import { SpellingPanel } from './SpellingPanel.tsx';

export type SettingsTab = 'checks' | 'rules' | 'spelling';
const TABS: readonly SettingsTab[] = ['checks', 'rules', 'spelling'];

type Props = {
  readonly settings: CheckSettings;
  readonly onSave: (settings: CheckSettings) => void;
  readonly onCancel: () => void;
  /** One change to the stored settings, written at once (phrase rules, spelling, letters); absent = checks only. */
  readonly onUpdate?: (change: (current: CheckSettings) => CheckSettings) => Promise<unknown>;
  /** The project's target languages, offered for a phrase rule. */
  readonly langs?: readonly string[];
  readonly initialTab?: SettingsTab;
  /** A phrase rule to open in the form (saved from a correction). */
  readonly draftRule?: PhraseRule;
};

let catalog: Promise<readonly CheckCatalogEntry[]> | undefined;

/** The list of checks, asked of the worker once (the checks live there, not on the main thread). */
function loadCatalog(): Promise<readonly CheckCatalogEntry[]> {
  catalog ??= runJob('checkCatalog', undefined).catch((error: unknown) => {
    catalog = undefined;
    throw error;
  });
  return catalog;
}

/**
 * Which checks run and how severe their findings are: the reviewer's decision, per project. The dialog appears
 * once the worker has listed the checks, so the check registry is never loaded on the main thread.
 */
export function CheckSettingsDialog(props: Props) {
  const { t } = useTranslation();
  const [allChecks, setAllChecks] = useState<readonly CheckCatalogEntry[]>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    let live = true;
    loadCatalog().then(
      (entries) => live && setAllChecks(entries),
      (error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, []);
  if (allChecks) return <CheckSettingsForm {...props} allChecks={allChecks} />;
  if (failure === undefined) return null;
  return (
    <div className="modal-backdrop">
      <div className="modal" role="alertdialog" aria-modal="true" aria-label={t('checkSettings.title')}>
        <p>{t('checkSettings.unavailable', { message: failure })}</p>
        <div className="modal-actions">
          <button type="button" onClick={props.onCancel}>
            {t('editor.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

function CheckSettingsForm({
  settings,
  onSave,
  onCancel,
  onUpdate,
  langs = ['en'],
  initialTab = 'checks',
  draftRule,
  allChecks,
}: Props & { readonly allChecks: readonly CheckCatalogEntry[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [tab, setTab] = useState<SettingsTab>(onUpdate ? initialTab : 'checks');
  const [disabled, setDisabled] = useState<ReadonlySet<string>>(new Set(settings.disabled ?? []));
  const [severity, setSeverity] = useState<Readonly<Record<string, Severity>>>(settings.severity ?? {});
  const families = useMemo(() => [...new Set(allChecks.map((c) => c.family))], [allChecks]);
  const save = () => {
    const overrides = Object.fromEntries(
      Object.entries(severity).filter(
        ([id, value]) => allChecks.find((c) => c.id === id)?.severity !== value,
      ),
    );
    onSave({ disabled: [...disabled].sort(), severity: overrides });
  };
  return (
    <div className="modal-backdrop">
      <div
        className="modal check-settings"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      >
        <h2 id={titleId}>{t('checkSettings.title')}</h2>
        {onUpdate && (
          <div role="tablist" className="settings-tabs" aria-label={t('checkSettings.tabs')}>
            {TABS.map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={tab === name}
                onClick={() => setTab(name)}
              >
                {t(`checkSettings.tab.${name}`)}
              </button>
            ))}
          </div>
        )}
        {tab === 'rules' && onUpdate && (
          <div role="tabpanel" aria-label={t('checkSettings.tab.rules')}>
            <PhraseRulesPanel settings={settings} onUpdate={onUpdate} langs={langs} draft={draftRule} />
          </div>
        )}
        {tab === 'spelling' && onUpdate && (
          <div role="tabpanel" aria-label={t('checkSettings.tab.spelling')}>
            <SpellingPanel settings={settings} onUpdate={onUpdate} />
          </div>
        )}
        {tab !== 'checks' && (
          <div className="modal-actions">
            <button type="button" onClick={onCancel}>
              {t('checkSettings.close')}
            </button>
          </div>
        )}
        {tab === 'checks' && (
          <>
            <p className="modal-lead">
              {t('checkSettings.lead', { count: allChecks.length - disabled.size })}
            </p>
            <div className="check-settings-list">
              {families.map((family) => (
                <section key={family} aria-label={family}>
                  <h3>{family}</h3>
                  {allChecks
                    .filter((check) => check.family === family)
                    .map((check) => (
                      <div key={check.id} className="check-setting">
                        <label className="check">
                          <input
                            type="checkbox"
                            checked={!disabled.has(check.id)}
                            onChange={(event) =>
                              setDisabled((current) => {
                                const next = new Set(current);
                                if (event.target.checked) next.delete(check.id);
                                else next.add(check.id);
                                return next;
                              })
                            }
                          />
                          <code>{check.id}</code>
                        </label>
                        <span className="check-about">
                          {t(`checks.about.${check.id}`, { defaultValue: '' })}
                        </span>
                        <select
                          aria-label={t('checkSettings.severityOf', { check: check.id })}
                          value={severity[check.id] ?? check.severity}
                          onChange={(event) =>
                            setSeverity((current) => ({
                              ...current,
                              [check.id]: event.target.value as Severity,
                            }))
                          }
                        >
                          {SEVERITIES.map((value) => (
                            <option key={value} value={value}>
                              {t(`severity.${value}`)}
                            </option>
                          ))}
                        </select>
                      </div>
                    ))}
                </section>
              ))}
            </div>
            <div className="modal-actions">
              <button type="button" onClick={onCancel}>
                {t('editor.cancel')}
              </button>
              <button type="button" className="primary" onClick={save}>
                {t('checkSettings.save')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
