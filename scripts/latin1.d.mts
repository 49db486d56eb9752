/** Types of scripts/latin1.mjs (the build runs it as plain JavaScript). */
export function escapeBeyondLatin1(code: string, map: string | undefined, file: string): { code: string; map: string | undefined } | null;
