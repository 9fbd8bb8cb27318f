import { useTranslation } from 'react-i18next';
import type { TermEntry } from '../../../core/model/term.ts';

const LANGS = ['en', 'ru', 'kk'] as const;

/** Read-only list of the project's term entries with their forms in each language and their status. */
export function GlossaryPanel({ entries }: { readonly entries: readonly TermEntry[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel glossary-panel" aria-label={t('glossary.title')}>
      <h2>
        {t('glossary.title')}{' '}
        <span className="panel-sub">{t('glossary.count', { count: entries.length })}</span>
      </h2>
      <table className="glossary-table">
        <thead>
          <tr>
            {LANGS.map((lang) => (
              <th key={lang} scope="col">
                {t(`language.${lang}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} title={entry.definition}>
              {LANGS.map((lang) => {
                const term = entry.terms.find((candidate) => candidate.lang === lang);
                return (
                  <td key={lang} lang={lang}>
                    {term ? (
                      <>
                        <span className="term-text">{term.text}</span>
                        <span
                          className={`term-status status-${term.status}`}
                          title={t(`glossary.status.${term.status}`)}
                        >
                          {t(`glossary.status.${term.status}`)}
                        </span>
                      </>
                    ) : (
                      <span className="placeholder">—</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
