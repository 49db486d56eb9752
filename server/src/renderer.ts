import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as Preview from './features/preview.js';

/**
 * The preview and the exports (the renderer with parse5, rehype and docx) are half of the
 * server's code, and the first diagnostics need none of it. Bundled, they are
 * `dist/render.js` beside `dist/server.js`, loaded the first time a preview or an export is
 * asked for, so that starting the server compiles only what checking needs (docs/prestanda.md,
 * «Över LSP»). Run from the sources, the module is loaded from them.
 */
export type Renderer = Pick<typeof Preview, 'previewOf' | 'exportOf'>;

let loaded: Renderer | undefined;

export function renderer(): Renderer {
  if (!loaded) {
    const bundled = path.join(__dirname, 'render.js');
    // createRequire keeps esbuild from bundling the module into the server.
    const load = createRequire(__filename);
    loaded = load(fs.existsSync(bundled) ? bundled : './features/preview.js') as Renderer;
  }
  return loaded;
}
