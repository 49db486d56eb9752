import type { LoadedConfig } from '../config/config.js';
import { textOrNull, type WorkspaceFiles } from '../io/files.js';
import { nodeFiles } from '../io/node.js';
import { writeFileAtomic } from '../io/write-file.js';
import type { SpellingSettings } from './settings.js';
import { planAddWord } from './word-list.js';

export { forgetSpellingSettings, withSpellingSettings, type SpellingSettings } from './settings.js';

/**
 * What the Node hosts (the server and the CLI) do around spelling: load the dictionary
 * from disk (`load-node.ts`) and write the word list (the editor's settings are applied by
 * `settings.ts`).
 */
export { loadNodeSpeller } from './load-node.js';

/** Adds a word to the project's word list on disk; returns the files written. */
export function addWordToProject(word: string, loaded: LoadedConfig, settings: SpellingSettings, folder: string, files: WorkspaceFiles = nodeFiles): string[] {
  const writes = planAddWord(word, { configFile: loaded.file, configText: loaded.text, config: loaded.config, fallbackWordFile: settings.wordFile }, (file) => textOrNull(files, file), folder);
  for (const w of writes) writeFileAtomic(w.file, w.text);
  return writes.map((w) => w.file);
}
