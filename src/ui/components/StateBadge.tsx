import { useTranslation } from 'react-i18next';
import type { RenderingState } from '../../core/model/types.ts';

export function StateBadge({ state }: { readonly state: RenderingState }) {
  const { t } = useTranslation();
  return <span className={`badge state-${state}`}>{t(`state.${state}`)}</span>;
}
