import type { LoadedConfig } from '../config/config.js';
import { textOrNull, type WorkspaceFiles } from '../io/files.js';
import { nodeFiles } from '../io/node.js';
import { writeFileAtomic } from '../io/write-file.js';
import { lazyModule } from '../lazy.js';
import { readSwedishDictionary } from './dictionary-node.js';
import type * as Engine from './engine.js';
import { loadSpeller, type Speller } from './speller.js';
import type { SpellingSettings } from './settings.js';
import { planAddWord } from './word-list.js';

export { forgetSpellingSettings, withSpellingSettings, type SpellingSettings } from './settings.js';

/**
 * What the Node hosts (the server and the CLI) do around spelling: load the dictionary
 * from disk and write the word list (the editor's settings are applied by `settings.ts`).
 */
export function loadNodeSpeller(): Promise<Speller> {
  return loadSpeller(readSwedishDictionary, (bytes) => hunspell().createHunspellEngine(bytes));
}

/**
 * Hunspell compiled to WebAssembly is a third of the server's code and is needed only after
 * the first diagnostics: `dist/hunspell.js`, loaded when the dictionary is.
 */
const hunspell = lazyModule<typeof Engine>('hunspell.js', './spelling/engine.js');

/** Adds a word to the project's word list on disk; returns the files written. */
export function addWordToProject(word: string, loaded: LoadedConfig, settings: SpellingSettings, folder: string, files: WorkspaceFiles = nodeFiles): string[] {
  const writes = planAddWord(word, { configFile: loaded.file, configText: loaded.text, config: loaded.config, fallbackWordFile: settings.wordFile }, (file) => textOrNull(files, file), folder);
  for (const w of writes) writeFileAtomic(w.file, w.text);
  return writes.map((w) => w.file);
}
