import type { AuditDocument } from '../model/types.js';

/**
 * How rules reach another audit document: a path relative to the checked document's folder
 * gives that document's model, or null when it does not exist or cannot be read. The entry
 * points implement it (the command line from disk, the server from open editors first, a
 * browser host from its own store); rules and the model never touch files.
 */
export type RelatedDocuments = (relativePath: string) => AuditDocument | null;
