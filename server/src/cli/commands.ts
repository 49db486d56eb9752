/**
 * The commands other than `lint`, bundled apart as `dist/cli-commands.js` and loaded by
 * cli.ts only when one of them runs (they bring the renderer, docx and mammoth).
 */
export { exportCommand } from './export-file.js';
export { beslutCommand } from './beslut.js';
export { oversiktCommand } from './oversikt.js';
export { templateCommand } from './template-file.js';
export { importCommand } from './import-file.js';
export { profileCommand } from './profile-command.js';
