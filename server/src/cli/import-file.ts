import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfigFor } from '../config/load.js';
import { localize, type Locale } from '../i18n.js';
import { ImportError, importDocx } from '../import/docx.js';
import { writeFileAtomic } from '../io/write-file.js';
import { lintText, severityName } from '../lint/lint.js';
import { formatText } from './format.js';
import type { Io } from './cli.js';

/** `rapport.docx` → `rapport.rev.md`, and its pictures in `rapport-bilder/`. */
export function importTargetName(source: string): string {
  return source.replace(/\.docx$/i, '') + '.rev.md';
}

/**
 * `granska import rapport.docx [-o rapport.rev.md] [--profil NAMN]`: reads a Word report
 * into the dialect, saves its pictures beside it, lints the result and shows what remains
 * to do. An existing file is never overwritten.
 */
export async function importCommand(
  paths: readonly string[],
  options: { output?: string; profile?: string },
  locale: Locale,
  io: Io,
): Promise<number> {
  const say = (sv: string, en: string): void => io.stderr(`${locale === 'en' ? en : sv}\n`);
  if (paths.length !== 1) {
    say('granska import: ange exakt en Word-fil (.docx).', 'granska import: name exactly one Word file (.docx).');
    return 2;
  }
  const source = path.resolve(io.cwd, paths[0]);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(source);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    say(`granska: kan inte läsa ${paths[0]} (${reason})`, `granska: cannot read ${paths[0]} (${reason})`);
    return 2;
  }
  const target = path.resolve(io.cwd, options.output ?? importTargetName(paths[0]));
  if (!/\.rev\.md$/i.test(target)) {
    say('granska import: målfilen ska sluta på .rev.md.', 'granska import: the target file must end in .rev.md.');
    return 2;
  }
  if (fs.existsSync(target)) {
    say(`granska import: ${path.relative(io.cwd, target)} finns redan; ange en annan fil med -o.`, `granska import: ${path.relative(io.cwd, target)} already exists; name another file with -o.`);
    return 2;
  }
  const imageFolder = `${path.basename(target).replace(/\.rev\.md$/i, '')}-bilder`;
  // The house profile: the one named, else the target folder's configured default.
  const config = loadConfigFor(path.dirname(target)).config;
  const profileName = options.profile ?? config.profile;
  if (!config.profiles.has(profileName)) {
    const known = [...config.profiles.keys()].join(', ');
    say(`granska import: profilen "${profileName}" finns inte. Kända profiler: ${known}.`, `granska import: the profile "${profileName}" does not exist. Known profiles: ${known}.`);
    return 2;
  }
  let result;
  try {
    result = await importDocx(bytes, { imageFolder, profile: { name: profileName, writeToFrontmatter: profileName !== config.profile } });
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    say(`granska import: ${paths[0]}: ${e.detail.sv}`, `granska import: ${paths[0]}: ${e.detail.en}`);
    return 2;
  }
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    for (const image of result.images) {
      const file = path.join(path.dirname(target), image.path);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeFileAtomic(file, image.data);
    }
    writeFileAtomic(target, result.text);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    say(`granska: kan inte skriva ${target} (${reason})`, `granska: cannot write ${target} (${reason})`);
    return 2;
  }
  const shown = path.relative(io.cwd, target) || target;
  say(`granska: skrev ${shown}${result.images.length > 0 ? ` och ${result.images.length} bilder i ${imageFolder}/` : ''}`, `granska: wrote ${shown}${result.images.length > 0 ? ` and ${result.images.length} pictures in ${imageFolder}/` : ''}`);
  for (const note of result.notes) io.stderr(`granska: ${localize(note, locale)}\n`);
  // What remains to do: the new document's diagnostics, as `granska lint` shows them.
  const diagnostics = lintText(result.text, { config, locale, fileExists: (rel) => fs.existsSync(path.resolve(path.dirname(target), rel)) });
  io.stdout(formatText([{ file: shown, diagnostics: diagnostics.map((d) => ({ code: d.code, severity: severityName(d.severity), message: d.message, range: d.range })) }], locale));
  return 0;
}
