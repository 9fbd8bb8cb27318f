// A worker thread of `audarma check`: runs the pair checks on the slices of the document it is sent, with the
// whole document's statistics, and sends back each pair's issues and untranslated verdict.
import { parentPort, workerData } from 'node:worker_threads';
import { checkPairsOfDocument, documentContext, type CheckPair } from '../../core/checks/index.ts';
import { baseContext, type CheckJob } from './checkJob.ts';

export type SliceRequest = { readonly slice: number; readonly pairs: readonly CheckPair[] };

const port = parentPort;
if (port) {
  const job = workerData as CheckJob;
  const context = documentContext(await baseContext(job), job.stats);
  port.on('message', (request: SliceRequest) => {
    port.postMessage({
      slice: request.slice,
      outcomes: checkPairsOfDocument(request.pairs, context, job.settings),
    });
  });
  port.postMessage('ready');
}
