import type * as Preview from './features/preview.js';
import { lazyModule } from './lazy.js';

/**
 * The preview and the exports (the renderer with parse5, rehype and docx) are half of the
 * server's code, and the first diagnostics need none of it: `dist/render.js`, loaded the
 * first time a preview or an export is asked for.
 */
export type Renderer = Pick<typeof Preview, 'previewOf' | 'exportOf'>;

export const renderer: () => Renderer = lazyModule<Renderer>('render.js', './features/preview.js');
