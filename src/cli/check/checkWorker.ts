// A worker thread of `audarma check`: runs the pair checks on the slices of the document it is sent, with the
// whole document's statistics, and sends back what the document checks read of each pair and the issues of
// those with any.
import { parentPort, workerData } from 'node:worker_threads';
import { checkPairsOfDocument, documentContext, type CheckContext } from '../../core/checks/index.ts';
import { baseContext, type CheckJob } from './checkJob.ts';
import { englishSpeller } from './englishSpeller.ts';
import type { JobMessage, SliceReply, SliceRequest, ThreadStart } from './threadMessages.ts';

const port = parentPort;
if (port) {
  const start = workerData as ThreadStart;
  // Built now, while the main thread reads the file: a word outside the dictionary's plain entries makes the
  // speller read its dictionary and build nspell, which nearly every document of thousands of pairs needs.
  const spell = start.targetLang.startsWith('en') ? englishSpeller() : undefined;
  spell?.('qzxjv');
  // Slices may come right behind the run they belong to: each waits for the run's context, in the order sent.
  let run: Promise<{ readonly job: CheckJob; readonly context: CheckContext }> | undefined;
  const check = (job: CheckJob, context: CheckContext, message: SliceRequest) => {
    const { ids, sources, targets } = message;
    const pairs = ids.map((id, i) => ({ id, source: sources[i]!, target: targets[i]! }));
    const outcomes = checkPairsOfDocument(pairs, context, job.settings);
    const reply: SliceReply = { slice: message.slice, outcomes };
    port.postMessage(reply, [outcomes.flags.buffer, outcomes.sourceKeys.buffer, outcomes.targetKeys.buffer]);
  };
  port.on('message', (message: JobMessage | SliceRequest) => {
    if ('job' in message) {
      const { job } = message;
      run = baseContext(job, spell ? { spell } : {}).then((base) => ({
        job,
        context: documentContext(base, job.stats),
      }));
      return;
    }
    if (!run) throw new Error('a slice came before the run it belongs to');
    // A failure here fails the thread, which fails the whole run with its error.
    void run.then(({ job, context }) => check(job, context, message));
  });
}
