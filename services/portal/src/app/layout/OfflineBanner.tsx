import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { t } from '../../lib/i18n';

/** Says so while the browser is offline; what the page asks waits and is fetched when the connection is back. */
export function OfflineBanner() {
  const online = useSyncExternalStore(
    (notify) => onlineManager.subscribe(notify),
    () => onlineManager.isOnline(),
  );
  if (online) return null;
  return (
    <div className="offline-banner" role="status">
      {t.app.offlineBanner}
    </div>
  );
}
