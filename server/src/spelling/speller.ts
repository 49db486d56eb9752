import { detach } from '../detach.js';
import type { DictionaryBytes, SpellEngine } from './engine.js';

/**
 * The one spelling engine of the process, loaded lazily. Until it is ready, `stavning`
 * reports nothing, so the structural checks never wait for the dictionary; whoever loads
 * it (the server, the CLI) checks again once it is ready.
 */
export interface Speller {
  /** Hunspell's verdict, remembered per word: a report repeats its words many times. */
  check(word: string): boolean;
  suggest(word: string): string[];
  /**
   * Learns the verdicts of words about to be checked in one call to the engine, where that
   * is cheaper than one call per word (a worker asking the main thread, `shared.ts`).
   */
  prefetch?(words: readonly string[]): void;
}

/** How long the last load took and what it cost, for `npm run bench` and the guide. */
export interface LoadStats {
  ms: number;
}

let ready: Speller | null = null;
let pending: Promise<Speller> | null = null;
let stats: LoadStats | null = null;
const listeners: ((s: Speller) => void)[] = [];

/** The loaded speller, or null while the dictionary is not (yet) loaded. */
export function currentSpeller(): Speller | null {
  return ready;
}

export function lastLoadStats(): LoadStats | null {
  return stats;
}

/** Calls back once the speller is ready (at once when it already is). */
export function onSpellerReady(listener: (s: Speller) => void): void {
  if (ready) listener(ready);
  else listeners.push(listener);
}

/**
 * Loads the dictionary once; later calls share the first load. A failed load is not kept,
 * so that a later call may try again, and spelling stays silent rather than wrong. The
 * engine comes from the host (`createHunspellEngine`, which the Node hosts load lazily), so
 * that this module, which every rule run reaches, does not carry Hunspell's WebAssembly.
 */
export function loadSpeller(bytes: () => Promise<DictionaryBytes>, makeEngine: (bytes: DictionaryBytes) => Promise<SpellEngine>): Promise<Speller> {
  if (ready) return Promise.resolve(ready);
  if (!pending) {
    const started = Date.now();
    pending = bytes()
      .then(makeEngine)
      .then((engine) => {
        stats = { ms: Date.now() - started };
        return useEngine(engine);
      })
      .catch((e: unknown) => {
        pending = null;
        throw e;
      });
  }
  return pending;
}

/** Installs an engine directly (tests, or a host that loaded one itself); null unloads it. */
export function useEngine(engine: SpellEngine | null): Speller {
  if (!engine) {
    ready = null;
    pending = null;
    return null as unknown as Speller;
  }
  const speller = cachedSpeller(engine);
  ready = speller;
  pending = Promise.resolve(speller);
  for (const l of listeners.splice(0)) l(speller);
  return speller;
}

/** Hunspell costs about 80 µs a word; a report's vocabulary is a few thousand distinct words. */
const MAX_CACHED = 100_000;

function cachedSpeller(engine: SpellEngine): Speller {
  const verdicts = new Map<string, boolean>();
  const remember = (word: string, v: boolean) => {
    if (verdicts.size >= MAX_CACHED) verdicts.clear();
    // Words are cut from the report's text; kept as they are, they would keep that version's text.
    verdicts.set(detach(word), v);
  };
  const speller: Speller = {
    check(word) {
      let v = verdicts.get(word);
      if (v === undefined) {
        v = engine.check(word);
        remember(word, v);
      }
      return v;
    },
    suggest: (word) => engine.suggest(word),
  };
  const checkMany = engine.checkMany?.bind(engine);
  if (checkMany) {
    speller.prefetch = (words) => {
      const unknown = [...new Set(words.filter((w) => !verdicts.has(w)))];
      if (unknown.length === 0) return;
      const found = checkMany(unknown);
      unknown.forEach((w, i) => remember(w, found[i]));
    };
  }
  return speller;
}
