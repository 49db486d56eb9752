import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../i18n.js';
import { writeFileAtomic } from '../io/write-file.js';
import { parseWithConfig } from '../lint/lint.js';
import { reportDocx } from '../render/docx.js';
import { renderReport } from '../render/report.js';
import { asTemplate } from '../render/template.js';
import type { Io } from './cli.js';

/**
 * The default template's content: one of everything the export styles, so that whoever opens
 * it in Word sees each style to change. Only the styles, page, headers and footers of a
 * template are used; this text never reaches a report.
 */
const SAMPLE = `---
typ: granskningsrapport
kommun: Exempels kommun
titel: Byråns mall för granskningsrapporter
datum: 2026-01-15
revisionsbyrå: Revisionsbyrån
författare: [Förnamn Efternamn]
status: slutlig
---

# Rubrik 1 (Heading 1)

Brödtext (Body Text): ändra formatet "Brödtext" för rapportens stycken. En fotnot står i
formatet "Fotnotstext" (footnote text).[^1]

## Rubrik 2 (Heading 2)

> Citat (Quote): revisionsfrågan och citat ur beslut.

### Rubrik 3 (Heading 3)

- En punktlista
- med två punkter

#### Rubrik 4 (Heading 4)

| Tabell (Table) | Bedömning |
| --- | --- |
| Kontrollmål 1 | Uppfyllt |

[^1]: KF § 1/2026-01-01
`;

/** The header of the default template: filled with each report's kommun and title on export. */
const HEADER = '{{kommun}} – {{titel}}';

/** `granska mall [-o FIL]`: writes the default Word template, to change in Word and name in `wordmall`. */
export async function templateCommand(output: string | undefined, locale: Locale, io: Io): Promise<number> {
  const say = (sv: string, en: string): void => io.stderr(`${locale === 'en' ? en : sv}\n`);
  const target = path.resolve(io.cwd, output ?? 'granska-mall.dotx');
  if (!/\.(dotx|docx)$/i.test(target)) {
    say('granska mall: filen ska sluta på .dotx (Word-mall) eller .docx.', 'granska mall: the file must end in .dotx (Word template) or .docx.');
    return 2;
  }
  if (fs.existsSync(target)) {
    // A house template someone has spent an afternoon on is not overwritten by accident.
    say(`granska mall: ${target} finns redan; ange en annan fil med -o.`, `granska mall: ${target} already exists; name another file with -o.`);
    return 2;
  }
  const docx = await reportDocx(renderReport(parseWithConfig(SAMPLE)), { headerText: HEADER });
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, /\.dotx$/i.test(target) ? asTemplate(docx) : docx);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    say(`granska: kan inte skriva ${target} (${reason})`, `granska: cannot write ${target} (${reason})`);
    return 2;
  }
  const shown = path.relative(io.cwd, target) || target;
  say(
    `granska: skrev ${shown}. Öppna den i Word, ändra formaten, sidhuvudet (med logotyp) och sidfoten, spara den som byråns mall och ange den i .granskarc.json: { "wordmall": "${shown.replace(/\\/g, '/')}" }`,
    `granska: wrote ${shown}. Open it in Word, change the styles, header (with logo) and footer, save it as the firm's template and name it in .granskarc.json: { "wordmall": "${shown.replace(/\\/g, '/')}" }`,
  );
  return 0;
}
