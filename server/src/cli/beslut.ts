import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfigFor } from '../config/load.js';
import type { LoadedConfig } from '../config/config.js';
import type { Locale } from '../i18n.js';
import { writeFileAtomic } from '../io/write-file.js';
import { parseWithConfig } from '../lint/lint.js';
import { citedDecisions, extendedRegister } from '../workspace/citations.js';
import { loadRegister, registerFileFor } from '../workspace/node-files.js';
import { REGISTER_FILE_NAME, type DecisionRegister } from '../workspace/register.js';
import type { Io } from './cli.js';
import { collectFiles } from './collect.js';

/**
 * `granska beslut [SÖKVÄG] [--skriv] [--format text|json]`: every decision the folder's
 * documents cite, with the documents and forms that cite it and whether the register
 * lists it; `--skriv` writes the register or appends what it lacks.
 */
export function beslutCommand(paths: readonly string[], options: { write: boolean; format?: string }, locale: Locale, io: Io): number {
  const say = (sv: string, en: string): void => io.stderr(`${locale === 'en' ? en : sv}\n`);
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    say(`granska beslut: okänt format "${format}"; använd text eller json.`, `granska beslut: unknown format "${format}"; use text or json.`);
    return 2;
  }
  if (paths.length > 1) {
    say('granska beslut: ange högst en mapp.', 'granska beslut: name at most one folder.');
    return 2;
  }
  const root = path.resolve(io.cwd, paths[0] ?? '.');
  const { files, missing } = collectFiles([root]);
  if (missing.length > 0) {
    say(`granska: filen eller mappen finns inte: ${paths[0]}`, `granska: no such file or folder: ${paths[0]}`);
    return 2;
  }
  const rootDir = fs.statSync(root).isDirectory() ? root : path.dirname(root);
  const configs = new Map<string, LoadedConfig>();
  const docs = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      say(`granska: kan inte läsa ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`, `granska: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      return 2;
    }
    const loaded = loadConfigFor(path.dirname(file), configs);
    docs.push({ name: path.relative(io.cwd, file) || file, doc: parseWithConfig(text, loaded.config) });
  }
  const loaded = loadConfigFor(rootDir, configs);
  const registerFile = registerFileFor(rootDir, loaded);
  const register: DecisionRegister | null = registerFile ? loadRegister(registerFile, loaded.config.organs) : null;
  const cited = citedDecisions(docs, register);

  if (format === 'json') io.stdout(JSON.stringify({ register: registerFile ? path.relative(io.cwd, registerFile) || registerFile : null, decisions: cited }, null, 2) + '\n');
  else {
    const t = (sv: string, en: string) => (locale === 'en' ? en : sv);
    for (const c of cited) {
      const status = !register ? '' : c.listed ? t(`  «${c.rubrik || '(ingen rubrik)'}»`, `  «${c.rubrik || '(no rubrik)'}»`) : t('  (saknas i registret)', '  (not in the register)');
      io.stdout(`${c.organ} § ${c.paragraph} ${c.date}${status}\n    ${t('citeras i', 'cited in')}: ${c.documents.join(', ')}\n    ${t('form', 'form')}: ${c.forms.join(', ')}\n`);
    }
    io.stdout(t(`${cited.length} beslut i ${docs.length} dokument.\n`, `${cited.length} decisions in ${docs.length} documents.\n`));
  }
  if (!options.write) return 0;

  if (register && !register.usable) {
    say(`granska beslut: ${registerFile} kan inte läsas som beslutsregister (kör granska lint); inget skrevs.`, `granska beslut: ${registerFile} cannot be read as a decision register (run granska lint); nothing written.`);
    return 2;
  }
  // A configured register that does not exist yet is created where the configuration says.
  const target = registerFile ?? (loaded.config.registerPath && loaded.file ? path.resolve(path.dirname(loaded.file), loaded.config.registerPath) : path.join(rootDir, REGISTER_FILE_NAME));
  const existing = register && registerFile ? { text: fs.readFileSync(registerFile, 'utf8'), register } : null;
  const next = extendedRegister(existing, cited);
  if (!next) {
    say('granska beslut: registret listar redan alla citerade beslut.', 'granska beslut: the register already lists every cited decision.');
    return 0;
  }
  try {
    writeFileAtomic(target, next.text);
  } catch (e) {
    say(`granska: kan inte skriva ${target} (${(e as NodeJS.ErrnoException).code ?? String(e)})`, `granska: cannot write ${target} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    return 2;
  }
  const shown = path.relative(io.cwd, target) || target;
  say(`granska beslut: skrev ${next.added} beslut till ${shown}; fyll i rubrikerna.`, `granska beslut: wrote ${next.added} decisions to ${shown}; fill in the rubriks.`);
  return 0;
}
