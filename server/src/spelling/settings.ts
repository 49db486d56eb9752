import type { GranskaConfig } from '../config/config.js';
import { readWordFile } from '../config/load.js';
import type { WorkspaceFiles } from '../io/files.js';
import { nodeFiles } from '../io/node.js';

/*
 * The editor's spelling settings applied to a configuration; shared by the Node and the
 * browser language servers (the word file is read through the host's files).
 */

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
export function withSpellingSettings(config: GranskaConfig, settings: SpellingSettings, files: WorkspaceFiles = nodeFiles): GranskaConfig {
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
        words = readWordFile(settings.wordFile, files);
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

