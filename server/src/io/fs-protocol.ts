import type { FileStat } from './files.js';

/**
 * The requests by which a language server without a disk (the browser's) reads the
 * workspace through the editor. The client answers them with `vscode.workspace.fs` and
 * `findFiles`; every answer is plain JSON, and a missing file is an answer, not an error.
 */
export const FS_STAT = 'granska/fs/stat';
export const FS_READ = 'granska/fs/read';
export const FS_FIND = 'granska/fs/find';

export interface FsStatParams {
  uri: string;
}
export type FsStatResult = FileStat | null;

export interface FsReadParams {
  uri: string;
}
/** The bytes as base64, or why there are none. */
export type FsReadResult = { data: string } | { error: string; missing: boolean };

export interface FsFindParams {
  /** Folder URIs to search under. */
  roots: string[];
  /** File names ending with this, ignoring case (`.rev.md`). */
  suffix: string;
  limit: number;
}
export type FsFindResult = string[];

/** Writes a file (the word list): the text, UTF-8. */
export const FS_WRITE = 'granska/fs/write';
export interface FsWriteParams {
  uri: string;
  text: string;
}
