/**
 * The bridge between the language server and its starter (`start.ts`, `dist/server.js`),
 * which runs the server bundle through V8's code cache. The starter leaves a hook under this
 * symbol when it has no usable cache; the server calls it once its first diagnostics are
 * out, so that the cache written then holds the checking code as well as the start.
 */
export const CODE_CACHE_HOOK = Symbol.for('granska.codeCache.firstDiagnostics');

export type CodeCacheHook = () => void;

/** Tells the starter that the first diagnostics are published; does nothing after the first call. */
export function firstDiagnosticsPublished(): void {
  const g = globalThis as Record<symbol, unknown>;
  const hook = g[CODE_CACHE_HOOK] as CodeCacheHook | undefined;
  if (typeof hook === 'function') {
    delete g[CODE_CACHE_HOOK];
    hook();
  }
}
