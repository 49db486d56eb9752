import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';

// One script bundles every entry point; `--watch` rebuilds on change while developing.
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  define: { GRANSKA_VERSION: JSON.stringify(pkg.version) },
  // hunspell-asm's ESM build imports CommonJS modules as namespaces and crashes when bundled;
  // its CommonJS build (and that of its loader) bundles and runs.
  alias: {
    'hunspell-asm': './node_modules/hunspell-asm/dist/cjs/index.js',
    'emscripten-wasm-loader': './node_modules/emscripten-wasm-loader/dist/cjs/index.js',
  },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', format: 'cjs', external: ['vscode'] },
  // What an editor starts: a small starter that runs the server bundle through V8's code cache.
  { ...common, entryPoints: ['server/src/start.ts'], outfile: 'dist/server.js', format: 'cjs' },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server-main.js', format: 'cjs' },
  // The preview and the exports, loaded by the server on first use (server/src/renderer.ts).
  { ...common, entryPoints: ['server/src/features/preview.ts'], outfile: 'dist/render.js', format: 'cjs' },
  // Hunspell (WebAssembly), loaded with the dictionary after the first diagnostics (server/src/spelling/host.ts).
  { ...common, entryPoints: ['server/src/spelling/engine.ts'], outfile: 'dist/hunspell.js', format: 'cjs' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  // The preview webview's one script: a browser bundle, loaded by nonce under a strict policy.
  { ...common, entryPoints: ['client/src/webview/preview.ts'], outfile: 'dist/preview.js', format: 'iife', platform: 'browser', target: 'es2022' },
  { ...common, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.mjs', format: 'esm', banner: { js: "import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __toPath } from 'node:url'; const require = __createRequire(import.meta.url); const __filename = __toPath(import.meta.url); const __dirname = __toPath(new URL('.', import.meta.url));" } },
];

// The Swedish dictionary (dictionary-sv, LGPL-3.0) ships beside the bundles as data, read
// lazily by the server and the CLI when spelling is first needed.
mkdirSync(new URL('./dist/dictionaries/', import.meta.url), { recursive: true });
for (const [from, to] of [['index.aff', 'sv.aff'], ['index.dic', 'sv.dic'], ['license', 'LICENSE-sv']]) {
  copyFileSync(new URL(`./node_modules/dictionary-sv/${from}`, import.meta.url), new URL(`./dist/dictionaries/${to}`, import.meta.url));
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
