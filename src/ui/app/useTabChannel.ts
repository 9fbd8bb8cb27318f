import { useEffect } from 'react';
import { announceStored, onStored, type StoredChange } from '../../storage/changeFeed.ts';

/**
 * Tabs of one browser share one IndexedDB: what one tab writes (or pulls from the team server), the others are
 * told of and read again. Writes stay safe without this (a stale write is refused); this keeps the view fresh.
 */
export function useTabChannel(dbName: string): void {
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(`audarma:${dbName}`);
    const stop = onStored((change) => {
      if (change.origin === 'tab') return;
      channel.postMessage({
        unitIds: change.unitIds,
        glossary: change.glossary ?? false,
        notes: change.notes ?? false,
        settings: change.settings ?? false,
      });
    });
    channel.onmessage = (event: MessageEvent<Omit<StoredChange, 'origin'>>) =>
      announceStored({ ...event.data, origin: 'tab' });
    return () => {
      stop();
      channel.close();
    };
  }, [dbName]);
}
