import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { CODE_CACHE_HOOK, type CodeCacheHook } from './code-cache.js';
import { writeFileAtomic } from './io/write-file.js';

/**
 * `dist/server.js`, what an editor starts: it runs the language server bundle
 * (`dist/server-main.js`) through V8's code cache. Reading and compiling the bundle was most
 * of the server's start, and compiling the parser, the model and the rules on first use was
 * much of the first diagnostics (docs/prestanda.md, «Över LSP»). V8 can serialise the
 * bytecode of every function compiled so far; given that data back, it skips compiling them.
 *
 * The cache is written once the first diagnostics have been published (so that it holds the
 * checking code too), beside the bundle in `dist/cache/`, by the same user who can write the
 * bundle itself: a cache is code, so it is never read from a folder others can write. It is
 * keyed by the V8 version, the architecture, node's flags and the bundle's size and
 * modification time, so VS Code's own Node (Electron) and a system Node each get their own,
 * and a rebuilt bundle never meets an old cache. V8 checks the data itself as well and
 * rejects what does not fit; then the bundle is compiled as usual and the cache is written
 * anew. Any failure here only costs the compilation it would have saved.
 */

const bundle = path.join(__dirname, 'server-main.js');
const cacheDir = path.join(__dirname, 'cache');

/**
 * `server-main.<bundle>.<runtime>.bin`: the bundle's size and modification time, then the V8
 * version, architecture and node's flags. Caches of other bundles are removed when one is
 * written; those of other runtimes (VS Code's Electron beside a system Node) are kept.
 */
function bundleKey(stat: fs.Stats): string {
  return fnv1a(`${stat.size}|${Math.round(stat.mtimeMs)}`);
}

function cacheFile(stat: fs.Stats): string {
  const runtime = fnv1a([process.versions.v8, process.arch, process.execArgv.join(' ')].join('|'));
  return path.join(cacheDir, `server-main.${bundleKey(stat)}.${runtime}.bin`);
}

/** A short, stable name for the key; not a security measure (the folder is the bundle's). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function readCache(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache whole or not at all, and removes the caches of earlier bundles. */
function writeCache(script: vm.Script, file: string, bundle: string): void {
  try {
    const data = script.createCachedData();
    fs.mkdirSync(cacheDir, { recursive: true });
    writeFileAtomic(file, data);
    for (const name of fs.readdirSync(cacheDir)) {
      const m = /^server-main\.([0-9a-f]{8})\.[0-9a-f]{8}\.bin$/.exec(name);
      if (m && m[1] !== bundle) fs.rmSync(path.join(cacheDir, name), { force: true });
    }
  } catch {
    // A read-only installation, a full disk: the next start compiles the bundle again.
  }
}

function start(): void {
  const stat = fs.statSync(bundle);
  const file = cacheFile(stat);
  const cached = readCache(file);
  const source = fs.readFileSync(bundle, 'utf8');
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData: cached });
  if (!cached || script.cachedDataRejected) {
    const write = () => writeCache(script, file, bundleKey(stat));
    // Only after the first diagnostics: a cache written earlier (a server stopped before any
    // document was opened) would be accepted by every later start and never hold the
    // checking code, so such a start writes nothing and the next one tries again.
    const hook: CodeCacheHook = () => setTimeout(write, 0).unref();
    (globalThis as Record<symbol, unknown>)[CODE_CACHE_HOOK] = hook;
  }
  // The bundle runs as the main module, the way node would have run it.
  const main = new Module(bundle, module);
  main.filename = bundle;
  main.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  process.mainModule = main;
  const require = Module.createRequire(bundle);
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapper.call(main.exports, main.exports, require, main, bundle, __dirname);
  main.loaded = true;
}

start();
