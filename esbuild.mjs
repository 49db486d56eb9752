import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeBeyondLatin1 } from './scripts/latin1.mjs';

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

/**
 * Rewrites what esbuild leaves beyond Latin-1 (in regular expressions and comments) as
 * `\u` escapes once a bundle is written, so that V8 holds its source at one byte a
 * character (scripts/latin1.mjs).
 */
const latin1 = {
  name: 'granska-latin1',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const file = build.initialOptions.outfile;
      const code = readFileSync(file, 'utf8');
      const mapFile = `${file}.map`;
      const map = build.initialOptions.sourcemap ? readFileSync(mapFile, 'utf8') : undefined;
      const escaped = escapeBeyondLatin1(code, map, file);
      if (!escaped) return;
      writeFileSync(file, escaped.code);
      if (escaped.map !== undefined) writeFileSync(mapFile, escaped.map);
    });
  },
};
common.plugins = [latin1];

const builds = [
  { ...common, entryPoints: ['client/src/node-extension.ts'], outfile: 'dist/extension.js', format: 'cjs', external: ['vscode'] },
  // What an editor starts: a small starter that runs the server bundle through V8's code cache.
  { ...common, entryPoints: ['server/src/start.ts'], outfile: 'dist/server.js', format: 'cjs' },
  { ...common, entryPoints: ['server/src/node-server.ts'], outfile: 'dist/server-main.js', format: 'cjs' },
  // The preview and the exports, loaded by the server on first use (server/src/renderer.ts).
  { ...common, entryPoints: ['server/src/features/preview.ts'], outfile: 'dist/render.js', format: 'cjs' },
  // Hunspell (WebAssembly), loaded with the dictionary after the first diagnostics (server/src/spelling/host.ts).
  { ...common, entryPoints: ['server/src/spelling/engine.ts'], outfile: 'dist/hunspell.js', format: 'cjs' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  // The CLI's commands other than lint, loaded on first use (server/src/cli/cli.ts), and
  // the worker that `granska lint` runs on each core (server/src/lint/workers.ts).
  { ...common, entryPoints: ['server/src/cli/commands.ts'], outfile: 'dist/cli-commands.js', format: 'cjs' },
  { ...common, entryPoints: ['server/src/lint/lint-worker.ts'], outfile: 'dist/lint-worker.js', format: 'cjs' },
  // The preview webview's one script: a browser bundle, loaded by nonce under a strict policy.
  { ...common, entryPoints: ['client/src/webview/preview.ts'], outfile: 'dist/preview.js', format: 'iife', platform: 'browser', target: 'es2022' },
  { ...common, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.mjs', format: 'esm', banner: { js: "import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __toPath } from 'node:url'; const require = __createRequire(import.meta.url); const __filename = __toPath(import.meta.url); const __dirname = __toPath(new URL('.', import.meta.url));" } },
];

/**
 * The browser build (VS Code for the Web): the client in the web extension host and the
 * server in a web worker. They share every module with the Node build but two, which have a
 * browser variant: the disk (`io/node.ts`, read only where no other files are given; the
 * browser server always gives the editor's) and the PDF engines (`render/pdf.ts`, which
 * start programs). `node:path` is path-browserify's POSIX paths, the form of URI paths.
 * test/web-bundle.test.ts checks that nothing else of Node is reached.
 */
const browserVariants = {
  name: 'granska-browser-variants',
  setup(build) {
    const src = (file) => fileURLToPath(new URL(`./server/src/${file}`, import.meta.url));
    const swaps = new Map([[src('io/node.ts'), src('io/no-disk.ts')], [src('render/pdf.ts'), src('render/pdf-web.ts')]]);
    build.onResolve({ filter: /\/(node|pdf)\.js$/ }, (args) => {
      const swapped = swaps.get(path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts'));
      return swapped ? { path: swapped } : undefined;
    });
  },
};
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  // Both bundles run in web workers (the extension host and the language server), which have
  // no DOM: packages with a worker build (decode-named-character-reference) must use it.
  conditions: ['worker'],
  // csv-parse's own browser build carries the Buffer it needs.
  alias: { ...common.alias, 'node:path': 'path-browserify', path: 'path-browserify', 'csv-parse/sync': './node_modules/csv-parse/dist/esm/sync.js' },
  plugins: [browserVariants, latin1],
  metafile: true,
  // Downloaded by the browser at each start: minified, names kept for readable errors.
  minify: true,
  keepNames: true,
};
builds.push(
  { ...web, entryPoints: ['client/src/web-extension.ts'], outfile: 'dist/web/extension.js', format: 'cjs', external: ['vscode'] },
  { ...web, entryPoints: ['server/src/web-server.ts'], outfile: 'dist/web/server.js', format: 'iife' },
);

// The Swedish dictionary (dictionary-sv, LGPL-3.0) ships beside the bundles as data, read
// lazily by the server and the CLI when spelling is first needed.
mkdirSync(new URL('./dist/dictionaries/', import.meta.url), { recursive: true });
for (const [from, to] of [['index.aff', 'sv.aff'], ['index.dic', 'sv.dic'], ['license', 'LICENSE-sv']]) {
  copyFileSync(new URL(`./node_modules/dictionary-sv/${from}`, import.meta.url), new URL(`./dist/dictionaries/${to}`, import.meta.url));
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  // The browser bundles' inputs, for the test that nothing Node-only is reached.
  for (const [i, b] of builds.entries()) {
    if (b.metafile) writeFileSync(b.outfile.replace(/\.js$/, '.meta.json'), JSON.stringify(results[i].metafile));
  }
}
