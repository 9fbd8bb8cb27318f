import { useEffect, useState } from 'react';
import { linearRegexReady, loadLinearRegex } from '../../core/text/linearRegex.ts';

/**
 * Whether the regular-expression engine is loaded, starting the load the first time `wanted` is true; the
 * component renders again when it arrives, so a search typed meanwhile runs then.
 */
export function useLinearRegex(wanted: boolean): boolean {
  const [ready, setReady] = useState(linearRegexReady);
  useEffect(() => {
    if (!wanted || ready) return;
    let live = true;
    void loadLinearRegex().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [wanted, ready]);
  return ready;
}
