import type { Msg } from '../i18n.js';

/**
 * An export that cannot be made for a reason the user can fix: no PDF engine installed, or
 * a Word template that cannot be read. The message says what to do, in both languages; the
 * CLI prints it and the server sends its Swedish text to the editor.
 */
export class ExportError extends Error {
  constructor(readonly detail: Msg) {
    super(detail.sv);
    this.name = 'ExportError';
  }
}
