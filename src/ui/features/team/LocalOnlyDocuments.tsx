import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The documents of a shared project that stay in this browser, because the team server takes documents from the
 * project's lead only: said plainly, so a reviewer does not believe the team sees them.
 */
export function LocalOnlyDocuments(props: {
  readonly documents: readonly { readonly id: string; readonly name: string }[];
}) {
  const { t } = useTranslation();
  const titleId = useId();
  if (props.documents.length === 0) return null;
  return (
    <section className="team-local-only" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('team.localOnly.title')}</h3>
      <p>{t('team.localOnly.intro')}</p>
      <ul>
        {props.documents.map((d) => (
          <li key={d.id}>{d.name}</li>
        ))}
      </ul>
    </section>
  );
}
