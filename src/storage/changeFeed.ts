/**
 * Tells whoever listens in this page that stored data changed: the workbench reads those units again, another
 * tab is told over a BroadcastChannel, the team sync pushes soon. `local` writes come from this page's reviewer,
 * `pulled` ones from the team server, `tab` ones from another tab of this browser.
 */
export type StoredChange = {
  readonly origin: 'local' | 'pulled' | 'tab';
  readonly unitIds: readonly string[];
  readonly glossary?: boolean;
  /** Comments, annotations or dismissed issues changed (of `unitIds`). */
  readonly notes?: boolean;
  /** A project's check settings changed. */
  readonly settings?: boolean;
};

type Listener = (change: StoredChange) => void;
const listeners = new Set<Listener>();

export function onStored(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceStored(change: StoredChange): void {
  if (change.unitIds.length === 0 && !change.glossary && !change.settings) return;
  for (const listener of [...listeners]) listener(change);
}
