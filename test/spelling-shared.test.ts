import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { answerSpellRequest, newSpellChannel, SPELL_BATCH, type SpellRequest } from '../server/src/spelling/shared.ts';

/**
 * The lint workers' speller (`spelling/shared.ts`): a worker thread asks this thread for the
 * verdicts of the words it has not seen, and this thread answers through the shared buffer.
 */
describe('one dictionary for all lint workers (spelling/shared.ts)', () => {
  let worker: Worker | null = null;

  afterEach(async () => {
    await worker?.terminate();
    worker = null;
  });

  /** Starts the helper worker; `check` answers its words (null: no dictionary). Returns a way to send it words, and every word it asked for. */
  function start(check: ((w: string) => boolean) | null) {
    const channel = newSpellChannel();
    const asked: string[][] = [];
    // The worker runs from the sources, through tsx as mocha does.
    const code = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).require(${JSON.stringify(path.join(__dirname, 'helpers', 'spell-worker.ts'))}, __filename);`;
    const w = new Worker(code, { eval: true, workerData: { channel } });
    worker = w;
    let pending: ((v: boolean[]) => void) | null = null;
    w.on('message', (m: SpellRequest | { kind: 'verdicts'; verdicts: boolean[] }) => {
      if (m.kind === 'spell') {
        asked.push(m.words);
        answerSpellRequest(channel, m.words, check);
      } else pending?.(m.verdicts);
    });
    const send = (words: string[], prefetch: boolean) =>
      new Promise<boolean[]>((resolve, reject) => {
        pending = resolve;
        w.once('error', reject);
        w.postMessage({ words, prefetch });
      });
    return { send, asked };
  }

  it('gives the main thread\'s verdicts, asks for each word once, and a block\'s words in one request', async () => {
    const { send, asked } = start((w) => !w.includes('x'));
    assert.deepEqual(await send(['revision', 'felx', 'revision', 'nämnd'], true), [true, false, true, true]);
    assert.deepEqual(asked, [['revision', 'felx', 'nämnd']]);
    assert.deepEqual(await send(['nämnd', 'xyz', 'felx'], false), [true, false, false]);
    assert.deepEqual(asked, [['revision', 'felx', 'nämnd'], ['xyz']]);
  });

  it('accepts every word when the main thread has no dictionary', async () => {
    const { send } = start(null);
    assert.deepEqual(await send(['felx', 'rätt'], true), [true, true]);
  });

  it('splits a request larger than the shared buffer', async () => {
    const { send, asked } = start((w) => Number(w.slice(1)) % 3 !== 0);
    const words = Array.from({ length: SPELL_BATCH + 10 }, (_, i) => `w${i}`);
    const verdicts = await send(words, true);
    assert.deepEqual(verdicts, words.map((_, i) => i % 3 !== 0));
    assert.deepEqual(asked.map((a) => a.length), [SPELL_BATCH, 10]);
  });

  it('does not leave a worker waiting when the check throws', async () => {
    const { send } = start((w) => {
      if (w === 'trasig') throw new Error('Hunspell failed');
      return false;
    });
    assert.deepEqual(await send(['trasig', 'fel'], true), [true, false]);
  });
});
