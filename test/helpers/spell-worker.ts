import { parentPort, workerData } from 'node:worker_threads';
import { remoteSpellEngine } from '../../server/src/spelling/shared.ts';
import { useEngine } from '../../server/src/spelling/speller.ts';

// A worker thread for test/spelling-shared.test.ts: a speller whose verdicts come from the
// test's thread through the shared channel, as `dist/lint-worker.js` has it. It checks the
// words it is sent (first all of them at once, as a block is, then one by one) and posts
// the verdicts back.
const port = parentPort!;
const { channel } = workerData as { channel: SharedArrayBuffer };
const speller = useEngine(remoteSpellEngine(channel, (request) => port.postMessage(request)));
port.on('message', (job: { words: string[]; prefetch: boolean }) => {
  if (job.prefetch) speller.prefetch?.(job.words);
  port.postMessage({ kind: 'verdicts', verdicts: job.words.map((w) => speller.check(w)) });
});
