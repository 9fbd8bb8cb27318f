import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allChecks } from '../../../core/checks/registry.ts';
import { SEVERITIES, type CheckSettings, type Severity } from '../../../core/checks/types.ts';

type Props = {
  readonly settings: CheckSettings;
  readonly onSave: (settings: CheckSettings) => void;
  readonly onCancel: () => void;
};

/**
 * Which checks run and how severe their findings are: the reviewer's decision, per project. Loaded on demand,
 * so the check registry stays out of the first screen's JavaScript.
 */
export function CheckSettingsDialog({ settings, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [disabled, setDisabled] = useState<ReadonlySet<string>>(new Set(settings.disabled ?? []));
  const [severity, setSeverity] = useState<Readonly<Record<string, Severity>>>(settings.severity ?? {});
  const families = useMemo(() => [...new Set(allChecks.map((c) => c.family))], []);
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
        <p className="modal-lead">{t('checkSettings.lead', { count: allChecks.length - disabled.size })}</p>
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
                    <span className="check-about">{t(`checks.about.${check.id}`, { defaultValue: '' })}</span>
                    <select
                      aria-label={t('checkSettings.severityOf', { check: check.id })}
                      value={severity[check.id] ?? check.severity}
                      onChange={(event) =>
                        setSeverity((current) => ({ ...current, [check.id]: event.target.value as Severity }))
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
      </div>
    </div>
  );
}
