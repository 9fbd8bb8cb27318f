/**
 * Tells whoever listens in this page that stored data changed: the workbench reads those units again, another
 * tab is told over a BroadcastChannel, the team sync pushes soon. `local` writes come from this page's reviewer,
 * `pulled` ones from the team server, `tab` ones from another tab of this browser.
 */
export type StoredChange = {
  readonly origin: 'local' | 'pulled' | 'tab';
  readonly unitIds: readonly string[];
  readonly glossary?: boolean;
};

type Listener = (change: StoredChange) => void;
const listeners = new Set<Listener>();

export function onStored(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceStored(change: StoredChange): void {
  if (change.unitIds.length === 0 && !change.glossary) return;
  for (const listener of [...listeners]) listener(change);
}
