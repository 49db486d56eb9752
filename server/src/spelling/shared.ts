import type { SpellEngine } from './engine.js';

/**
 * One dictionary for all of `granska lint`'s worker threads. Loading the Swedish dictionary
 * into Hunspell costs about 0.24 s of CPU time and 16–19 MB, and each worker used to do it
 * itself. Now the command line's main thread, which only hands out files, loads it once and
 * answers the workers' words: a worker sends the words it has no verdict for yet and waits
 * (synchronously, as the rules are synchronous) on a small shared buffer into which the main
 * thread writes one verdict byte per word. The verdicts the main thread has found are shared
 * by all workers through its own cache, and each worker keeps those it received.
 *
 * The main thread is free while the workers lint, so it answers at once; until the
 * dictionary has loaded, a worker's first request simply waits for it, as one thread waits
 * before linting. When the dictionary cannot be loaded, every word is accepted, which is
 * what one thread without a dictionary reports: no spelling findings.
 */

/** Verdicts per request at most; a longer request is sent in several. */
export const SPELL_BATCH = 8192;

/** The state word: 0 while a request waits, 1 once the main thread has answered it. */
const WAITING = 0;
const ANSWERED = 1;

/** What a worker asks the main thread: the verdicts of these words, in this order. */
export interface SpellRequest {
  kind: 'spell';
  words: string[];
}

/** The shared buffer of one worker: a state word, then one verdict byte per word. */
export function newSpellChannel(): SharedArrayBuffer {
  return new SharedArrayBuffer(8 + SPELL_BATCH);
}

/**
 * The main thread's answer: writes the verdicts into the worker's channel and wakes it.
 * `check` null means the dictionary is missing, and every word is accepted. The worker is
 * woken whatever happens here, so that it never waits for an answer that does not come.
 */
export function answerSpellRequest(channel: SharedArrayBuffer, words: readonly string[], check: ((word: string) => boolean) | null): void {
  const state = new Int32Array(channel, 0, 1);
  const verdicts = new Uint8Array(channel, 8);
  try {
    for (let i = 0; i < words.length && i < SPELL_BATCH; i++) {
      let ok = true;
      try {
        ok = check === null || check(words[i]);
      } catch {
        // A word Hunspell cannot handle is no finding, as a missing dictionary gives none.
        ok = true;
      }
      verdicts[i] = ok ? 1 : 0;
    }
  } finally {
    Atomics.store(state, 0, ANSWERED);
    Atomics.notify(state, 0);
  }
}

/** A worker's engine whose verdicts come from the main thread through `channel`. */
export function remoteSpellEngine(channel: SharedArrayBuffer, send: (request: SpellRequest) => void): SpellEngine & { checkMany(words: readonly string[]): boolean[] } {
  const state = new Int32Array(channel, 0, 1);
  const verdicts = new Uint8Array(channel, 8);
  const checkMany = (words: readonly string[]): boolean[] => {
    const out: boolean[] = [];
    for (let from = 0; from < words.length; from += SPELL_BATCH) {
      const batch = words.slice(from, from + SPELL_BATCH);
      Atomics.store(state, 0, WAITING);
      send({ kind: 'spell', words: batch });
      while (Atomics.load(state, 0) === WAITING) Atomics.wait(state, 0, WAITING);
      for (let i = 0; i < batch.length; i++) out.push(verdicts[i] === 1);
    }
    return out;
  };
  return {
    check: (word) => checkMany([word])[0],
    // The command line never asks for corrections; they are the editor's quick fixes.
    suggest: () => [],
    checkMany,
  };
}
