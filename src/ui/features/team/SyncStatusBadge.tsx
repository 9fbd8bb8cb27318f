import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../sync/SyncClient.ts';

/** Where the reviewer stands with the team server, in words; a live region so changes are announced. */
export function SyncStatusBadge({ status }: { readonly status: SyncStatus }) {
  const { t } = useTranslation();
  let text: string;
  switch (status.kind) {
    case 'synced':
      text = t('team.status.synced');
      break;
    case 'waiting':
      text = t('team.status.waiting', { count: status.count });
      break;
    case 'offline':
      text = t('team.status.offline', { count: status.waiting });
      break;
    case 'conflict':
      text = t('team.status.conflict', { count: status.count });
      break;
    case 'signed-out':
      text = t('team.status.signedOut');
      break;
    case 'not-allowed':
      text = t('team.status.notAllowed', { count: status.count });
      break;
    case 'refused':
      text = t('team.status.refused', { code: status.code });
      break;
  }
  return (
    <span role="status" className={`sync-status sync-${status.kind}`}>
      {text}
    </span>
  );
}
