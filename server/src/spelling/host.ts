import * as fs from 'node:fs';
import type { GranskaConfig, LoadedConfig } from '../config/config.js';
import { readWordFile } from '../config/load.js';
import { writeFileAtomic } from '../io/write-file.js';
import { lazyModule } from '../lazy.js';
import { readSwedishDictionary } from './dictionary-node.js';
import type * as Engine from './engine.js';
import { loadSpeller, type Speller } from './speller.js';
import { planAddWord } from './word-list.js';

/**
 * What the Node hosts (the server and the CLI) do around spelling: load the dictionary
 * from disk, apply the editor's settings to a configuration, and write the word list.
 */
export function loadNodeSpeller(): Promise<Speller> {
  return loadSpeller(readSwedishDictionary, (bytes) => hunspell().createHunspellEngine(bytes));
}

/**
 * Hunspell compiled to WebAssembly is a third of the server's code and is needed only after
 * the first diagnostics: `dist/hunspell.js`, loaded when the dictionary is.
 */
const hunspell = lazyModule<typeof Engine>('hunspell.js', './spelling/engine.js');

/** Editor settings that bear on spelling, per folder. */
export interface SpellingSettings {
  /** `granska.stavning`: false switches the rule off in this folder. */
  enabled: boolean;
  /** `granska.ordlista`: a word file used when the project's configuration names none (absolute). */
  wordFile: string | null;
}

const effective = new WeakMap<GranskaConfig, Map<string, GranskaConfig>>();

/**
 * The configuration with the editor's settings applied. The same inputs give the same
 * object, so that caches keyed by configuration (the project's vocabulary) keep working.
 */
export function withSpellingSettings(config: GranskaConfig, settings: SpellingSettings): GranskaConfig {
  if (settings.enabled && (!settings.wordFile || config.wordFile || config.wordsInline)) return config;
  let byKey = effective.get(config);
  if (!byKey) effective.set(config, (byKey = new Map()));
  const key = `${settings.enabled}|${settings.wordFile ?? ''}`;
  let out = byKey.get(key);
  if (!out) {
    out = { ...config };
    if (!settings.enabled) out = { ...out, rules: { ...out.rules, stavning: 'off' } };
    if (settings.wordFile && !config.wordFile && !config.wordsInline) {
      let words: string[] = [];
      try {
        words = readWordFile(settings.wordFile);
      } catch {
        // A word file not written yet is empty; «add to the word list» creates it.
      }
      out = { ...out, words: [...out.words, ...words] };
    }
    byKey.set(key, out);
  }
  return out;
}

/** Forgets the settings-applied configurations (after a word file changed on disk). */
export function forgetSpellingSettings(config: GranskaConfig): void {
  effective.delete(config);
}

/** Adds a word to the project's word list on disk; returns the files written. */
export function addWordToProject(word: string, loaded: LoadedConfig, settings: SpellingSettings, folder: string): string[] {
  const read = (file: string): string | null => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  };
  const writes = planAddWord(word, { configFile: loaded.file, configText: loaded.text, config: loaded.config, fallbackWordFile: settings.wordFile }, read, folder);
  for (const w of writes) writeFileAtomic(w.file, w.text);
  return writes.map((w) => w.file);
}
