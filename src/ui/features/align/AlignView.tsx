import { startTransition, useState } from 'react';
import type { Workbench } from '../../app/useWorkbench.ts';
import { AlignEditor } from './AlignEditor.tsx';
import { AlignSetup, type AlignSession } from './AlignSetup.tsx';
import './align.css';

/**
 * The Align tab: import another language version of the open document and align it with the units, or fix the
 * alignment the units already have; review and correct the rows, then apply them to the document.
 */
export function AlignView({ workbench }: { readonly workbench: Workbench }) {
  const [session, setSession] = useState<AlignSession | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [lastLang, setLastLang] = useState<string | undefined>(undefined);
  return (
    <div className="align-view">
      {session ? (
        <AlignEditor
          workbench={workbench}
          session={session}
          onApplied={(text) => {
            setLastLang(session.lang);
            setSession(undefined);
            setMessage(text);
          }}
          onDiscard={() => {
            setLastLang(session.lang);
            setSession(undefined);
          }}
        />
      ) : (
        <AlignSetup
          workbench={workbench}
          initialLang={lastLang}
          onReady={(next) => {
            setMessage(undefined);
            // A transition lets React render a long alignment in slices instead of one long task.
            startTransition(() => setSession(next));
          }}
        />
      )}
      <p role="status" className="align-status">
        {message}
      </p>
    </div>
  );
}
