import type { WorkspaceFiles } from './files.js';

/**
 * What the browser build has in place of `io/node.ts` (esbuild swaps the module): no disk.
 * The browser's language server passes the editor's files (`io/client-files.ts`) everywhere
 * it reads; anything left on the default reads an empty workspace instead of reaching Node.
 */
export const nodeFiles: WorkspaceFiles = {
  stat: () => null,
  readText: () => ({ ok: false, missing: true, error: 'no disk in the browser' }),
  readBytes: () => ({ ok: false, missing: true, error: 'no disk in the browser' }),
  find: () => Promise.resolve([]),
  realpath: () => null,
  readRegular: () => ({ ok: false, reason: 'unreadable', code: 'ENOENT' }),
  settle: (step) => step(),
};
