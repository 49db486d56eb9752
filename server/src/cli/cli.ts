import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { localeFrom, type Locale } from '../i18n.js';
import { formatJson, formatText } from './format.js';
import type * as Commands from './commands.js';
import type * as LintCore from '../lint/lint-worker.js';
import { collectFiles } from './collect.js';
import type { LintRun } from './lint-run.js';
import { lintInWorkers, threadCount, workerScript } from '../lint/workers.js';

/**
 * The commands other than `lint` (export, Word template and import, the overview, the
 * register, the profiles) need the renderer, docx, mammoth and more: most of the code, and
 * none of it for linting. Bundled they are `dist/cli-commands.js`, loaded only when one of
 * them runs, so that `granska lint` starts by compiling only what checking needs. Run from
 * the sources, the module is loaded from them.
 */
function commands(): typeof Commands {
  const bundled = path.join(__dirname, 'cli-commands.js');
  // createRequire keeps esbuild from bundling the module into the command line.
  const load = createRequire(__filename);
  return load(fs.existsSync(bundled) ? bundled : './commands.js') as typeof Commands;
}

/**
 * The lint itself (parser, rules, dictionary) and the SARIF output with its rule list are
 * `dist/lint-worker.js`, which the workers run; on one thread it is loaded here, so that
 * `dist/cli.js` starts with argument parsing, file collection and output only.
 */
function lintCore(): typeof LintCore {
  const bundled = path.join(__dirname, 'lint-worker.js');
  const load = createRequire(__filename);
  return load(fs.existsSync(bundled) ? bundled : '../lint/lint-worker.js') as typeof LintCore;
}

/** A thread count from `--trådar` or `GRANSKA_THREADS`: a whole number from 1, else null. */
function parseThreads(value: string): number | null {
  return /^[1-9]\d{0,3}$/.test(value.trim()) ? Number(value.trim()) : null;
}

declare const GRANSKA_VERSION: string;
const VERSION = typeof GRANSKA_VERSION === 'string' ? GRANSKA_VERSION : '0.0.0-dev';

const HELP: Record<Locale, string> = {
  sv: `granska ${VERSION} — granskar kommunala revisionsrapporter (*.rev.md)

Användning:
  granska lint [--format text|json|sarif] [--fix] [--locale sv|en] [--trådar N] SÖKVÄG…
  granska export [--format html|docx|pdf] [-o UT] FIL
  granska profil lista | granska profil visa NAMN
  granska beslut [--format text|json] [--skriv] [SÖKVÄG]
  granska översikt [--format html|json] [-o UT] [--idag ÅÅÅÅ-MM-DD] [SÖKVÄG]
  granska mall [-o FIL]
  granska import [-o UT.rev.md] [--profil NAMN] RAPPORT.docx
  granska --help | --version

  SÖKVÄG     en fil, eller en mapp som genomsöks efter *.rev.md
  --format   lint: text (standard), json eller sarif (SARIF 2.1.0 för code scanning)
             export: html (standard, en fristående fil som går att skriva ut),
             docx (Word) eller pdf (tillgänglig PDF; kräver LibreOffice, som ger
             PDF/A, eller Edge/Chrome/Chromium)
  -o UT      export: filen att skriva (standard: bredvid källan, t.ex.
             rapport.rev.md → rapport.html); - skriver till standard ut
  --fix      rättar det som är säkert utan bedömning: beslutsreferensers form,
             kontrollmålens numrering och sammanställningstabellen
  --skriv    beslut: skriver beslutsregistret (beslut.csv) eller lägger till
             de citerade beslut det saknar
  --idag     översikt: dagens datum för försenade svar (standard: i dag)
  --locale   språk för meddelanden: sv (standard) eller en
  --trådar   lint: hur många trådar som granskar (standard: en per kärna för en
             mapp eller många filer, en för en enstaka fil; också GRANSKA_THREADS);
             --fix granskar alltid i en tråd
  profil     lista: husprofilerna som finns här (inbyggda och ur .granskarc.json);
             visa: en profil som .granskarc.json att utgå från i en egen profil
  mall       skriver standardmallen för Word (standard: granska-mall.dotx) att
             ändra i Word och ange som "wordmall" i .granskarc.json
  import     läser en rapport i Word (.docx) till rapport.rev.md bredvid den
             (bilderna i rapport-bilder/) och visar vad som återstår att göra;
             --profil: rapportens husprofil (standard: mappens, se granska profil lista)

Avslutningsstatus (lint): 0 inga fel, 1 minst ett fel, 2 felaktig användning, en
oläslig fil eller en rättning som inte kunde skrivas (filen lämnas då orörd).
Export: 0 när filen skrivits, 2 annars.
`,
  en: `granska ${VERSION} — checks Swedish municipal audit reports (*.rev.md)

Usage:
  granska lint [--format text|json|sarif] [--fix] [--locale sv|en] [--trådar N] PATH…
  granska export [--format html|docx|pdf] [-o OUT] FILE
  granska profil lista | granska profil visa NAME
  granska beslut [--format text|json] [--skriv] [PATH]
  granska översikt [--format html|json] [-o OUT] [--idag YYYY-MM-DD] [PATH]
  granska mall [-o FILE]
  granska import [-o OUT.rev.md] [--profil NAME] REPORT.docx
  granska --help | --version

  PATH       a file, or a folder searched for *.rev.md
  --format   lint: text (default), json or sarif (SARIF 2.1.0 for code scanning)
             export: html (default, one self-contained file that prints well),
             docx (Word) or pdf (accessible PDF; needs LibreOffice, which gives
             PDF/A, or Edge/Chrome/Chromium)
  -o OUT     export: the file to write (default: next to the source, e.g.
             rapport.rev.md → rapport.html); - writes to standard output
  --fix      applies the fixes that need no judgement: decision-reference form,
             kontrollmål numbering and the summary table
  --skriv    beslut: writes the decision register (beslut.csv) or appends the
             cited decisions it lacks
  --idag     översikt: today's date for overdue replies (default: today)
  --locale   message language: sv (default) or en
  --trådar   lint: how many threads check (default: one per core for a folder or
             many files, one for a single file; also GRANSKA_THREADS); --fix
             always checks on one thread
  profil     lista: the house profiles known here (built in and from .granskarc.json);
             visa: one profile as .granskarc.json to start a profile of your own from
  mall       writes the default Word template (default: granska-mall.dotx) to
             change in Word and name as "wordmall" in .granskarc.json
  import     reads a Word report (.docx) into rapport.rev.md beside it (its
             pictures in rapport-bilder/) and shows what remains to do;
             --profil: the report's house profile (default: the folder's, see granska profil lista)

Exit status (lint): 0 no errors, 1 at least one error, 2 bad usage, an unreadable
file or a fix that could not be written (the file is then left untouched).
Export: 0 when the file was written, 2 otherwise.
`,
};

export interface Io {
  stdout(s: string | Uint8Array): void;
  stderr(s: string): void;
  cwd: string;
}

/** Runs the command line and returns the exit status. Never throws for user errors. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        skriv: { type: 'boolean' },
        idag: { type: 'string' },
        output: { type: 'string', short: 'o' },
        locale: { type: 'string' },
        profil: { type: 'string' },
        'trådar': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    io.stderr(`granska: ${(e as Error).message}\n${HELP.sv}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const localeArg = values.locale;
  if (localeArg !== undefined && localeArg !== 'sv' && localeArg !== 'en') {
    io.stderr(`granska: okänt språk "${localeArg}"; använd sv eller en.\n`);
    return 2;
  }
  const locale: Locale = localeArg ? localeFrom(localeArg) : 'sv';
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (values.help || positionals.length === 0) {
    (values.help ? io.stdout : io.stderr)(HELP[locale]);
    return values.help ? 0 : 2;
  }
  const [command, ...paths] = positionals;
  if (values['trådar'] !== undefined && command !== 'lint') {
    io.stderr(locale === 'en' ? 'granska: --trådar is only for lint.\n' : 'granska: --trådar gäller bara lint.\n');
    return 2;
  }
  if (values['trådar'] !== undefined && parseThreads(values['trådar']) === null) {
    io.stderr(locale === 'en' ? `granska lint: --trådar takes a whole number from 1, not "${values['trådar']}".\n` : `granska lint: --trådar tar ett heltal från 1, inte "${values['trådar']}".\n`);
    return 2;
  }
  if (command === 'profil') return commands().profileCommand(paths, locale, io);
  if (command === 'import') {
    if (values.format !== undefined || values.fix) {
      io.stderr(locale === 'en' ? 'granska import: takes only -o and --profil.\n' : 'granska import: tar bara -o och --profil.\n');
      return 2;
    }
    return commands().importCommand(paths, { output: values.output, profile: values.profil }, locale, io);
  }
  if (values.profil !== undefined) {
    io.stderr(locale === 'en' ? 'granska: --profil is only for import.\n' : 'granska: --profil gäller bara import.\n');
    return 2;
  }
  if (command === 'mall') {
    if (paths.length > 0 || values.format !== undefined || values.fix) {
      io.stderr(locale === 'en' ? 'granska mall: takes only -o FILE.\n' : 'granska mall: tar bara -o FIL.\n');
      return 2;
    }
    return commands().templateCommand(values.output, locale, io);
  }
  if (command === 'export') return commands().exportCommand(paths, { format: values.format, output: values.output, fix: values.fix }, locale, io);
  if (command === 'översikt' || command === 'oversikt') return commands().oversiktCommand(paths, { output: values.output, format: values.format, today: values.idag }, locale, io);
  if (values.idag !== undefined) {
    io.stderr(locale === 'en' ? 'granska: --idag is only for översikt.\n' : 'granska: --idag gäller bara översikt.\n');
    return 2;
  }
  if (command === 'beslut') return commands().beslutCommand(paths, { write: !!values.skriv, format: values.format }, locale, io);
  if (values.skriv) {
    io.stderr(locale === 'en' ? 'granska: --skriv is only for beslut.\n' : 'granska: --skriv gäller bara beslut.\n');
    return 2;
  }
  if (command !== 'lint') {
    io.stderr(locale === 'en' ? `granska: unknown command "${command}".\n\n${HELP.en}` : `granska: okänt kommando "${command}".\n\n${HELP.sv}`);
    return 2;
  }
  if (values.output !== undefined) {
    io.stderr(locale === 'en' ? 'granska lint: -o is only for export.\n' : 'granska lint: -o gäller bara export.\n');
    return 2;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    io.stderr(locale === 'en' ? `granska: unknown format "${format}"; use text, json or sarif.\n` : `granska: okänt format "${format}"; använd text, json eller sarif.\n`);
    return 2;
  }
  if (paths.length === 0) {
    io.stderr(locale === 'en' ? 'granska lint: name at least one file or folder.\n' : 'granska lint: ange minst en fil eller mapp.\n');
    return 2;
  }
  const { files, missing } = collectFiles(paths);
  for (const m of missing) io.stderr(locale === 'en' ? `granska: no such file or folder: ${m}\n` : `granska: filen eller mappen finns inte: ${m}\n`);
  const envThreads = process.env.GRANSKA_THREADS;
  if (values['trådar'] === undefined && envThreads !== undefined && envThreads !== '' && parseThreads(envThreads) === null) {
    io.stderr(locale === 'en' ? `granska lint: GRANSKA_THREADS takes a whole number from 1, not "${envThreads}".\n` : `granska lint: GRANSKA_THREADS tar ett heltal från 1, inte "${envThreads}".\n`);
    return 2;
  }
  const requested = values['trådar'] !== undefined ? parseThreads(values['trådar']) : envThreads ? parseThreads(envThreads) : null;
  // The prose statistics cost a pass over every sentence and only the JSON output shows them.
  const options = { fix: !!values.fix, locale, statistics: format === 'json' };
  const script = workerScript();
  const threads = script ? threadCount(files, { fix: options.fix, requested }) : 1;
  // Spelling needs the dictionary (about 0.3 s to load); without it the other rules still run.
  const dictionaryFailed = (e: unknown) => {
    io.stderr(locale === 'en' ? `granska: the Swedish dictionary could not be loaded; spelling is not checked (${String(e)})\n` : `granska: den svenska ordlistan kunde inte läsas in; stavningen kontrolleras inte (${String(e)})\n`);
  };
  let run: LintRun;
  if (script && threads > 1) {
    // Each worker loads the dictionary itself; a failure is the same in all of them and said once.
    const parallel = await lintInWorkers(script, files, options, threads);
    if (parallel.spellerError !== null) dictionaryFailed(parallel.spellerError);
    run = parallel.run;
  } else {
    const core = lintCore();
    await core.loadNodeSpeller().catch(dictionaryFailed);
    run = core.lintFiles(files, options);
  }
  for (const u of run.unreadable) io.stderr(locale === 'en' ? `granska: cannot read ${u.file} (${u.reason})\n` : `granska: kan inte läsa ${u.file} (${u.reason})\n`);
  for (const u of run.unwritable) io.stderr(locale === 'en' ? `granska: cannot write ${u.file} (${u.reason}); the file is unchanged\n` : `granska: kan inte skriva ${u.file} (${u.reason}); filen är oförändrad\n`);
  if (format === 'json') io.stdout(formatJson(run.results));
  else if (format === 'sarif') io.stdout(lintCore().formatSarif(run.results, locale, VERSION, io.cwd));
  else if (files.length > 0 || missing.length === 0) {
    for (const f of run.fixed) io.stderr(locale === 'en' ? `granska: fixed ${f}\n` : `granska: rättade ${f}\n`);
    io.stdout(formatText(run.results, locale));
  }
  if (missing.length > 0 || run.unreadable.length > 0 || run.unwritable.length > 0) return 2;
  return run.results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
