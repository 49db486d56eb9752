import type { LoadedConfig } from './config/config.js';
import type { WorkspaceFiles } from './io/files.js';
import type { BackgroundEvent, FeatureJob, LintJob, LintResult } from './lint/background.js';
import type { ExportJob, ExportOutcome } from './lint/background-export.js';
import type { Renderer } from './renderer.js';
import type { SpellingSettings } from './spelling/settings.js';
import type { Speller } from './spelling/speller.js';

/**
 * What a language server's entry gives the shared handlers (`server.ts`): how URIs become
 * paths, where files come from, how the renderer, the dictionary and the background linter
 * are loaded. The Node entry (`node-server.ts`) reads the disk; the browser's
 * (`web-server.ts`) asks the editor. Everything else is the same code in both.
 */
export interface ServerHost {
  files: WorkspaceFiles;
  /** The path of a document or workspace folder URI in the files' form; null for `untitled:` and the like. */
  uriToPath(uri: string): string | null;
  pathToUri(file: string): string;
  /** The folder a document that lies in no folder is checked from. */
  cwd(): string;
  renderer(): Renderer;
  /** Lints large documents off the request thread; null where there are no threads (they are linted in place). */
  background: BackgroundLinting | null;
  loadSpeller(): Promise<Speller>;
  /** Adds a word to the project's word list; resolves to the files written. */
  addWord(word: string, loaded: LoadedConfig, settings: SpellingSettings, folder: string): Promise<string[]>;
  /** The client's `initializationOptions`, at start. */
  initialize?(options: unknown): void;
  /** The editor says files changed: what the host keeps of them is read again. */
  filesChanged?(paths: string[]): void;
  /** Whether the connection read a request or input arrived since the last call (`RequestSignal.take`); validation slices then let the message and its answer go first. */
  requestRead?(): boolean;
}

export interface BackgroundLinting {
  /** Documents with more characters than this are linted in the background. */
  threshold: number;
  /** How long a large version waits before it is handed to its worker, so that requests that came with it go first. */
  handoffDelayMs: number;
  lint(uri: string, job: LintJob): Promise<LintResult | null>;
  /** A feature of a large document, answered by its worker from the model it keeps; undefined when a newer version came first. */
  request(uri: string, job: Omit<FeatureJob, 'kind' | 'id' | 'uri'>): Promise<unknown>;
  stop(uri: string): void;
  /** Exports one version of a large document in a thread of its own, so that requests for other documents are answered meanwhile. */
  export(job: ExportJob): Promise<ExportOutcome>;
  dispose(): void;
  /**
   * Where what the workers do is told, when the host traces it (GRANSKA_TRACE_BACKGROUND=1
   * on Node; the LSP tests watch it); undefined when it does not.
   */
  traced: boolean;
  onEvent(listener: (e: BackgroundEvent) => void): void;
}
