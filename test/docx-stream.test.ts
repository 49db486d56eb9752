import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { generateReport } from '../bench/generate.ts';
import { loadConfigFor } from '../server/src/config/load.ts';
import { parseWithConfig } from '../server/src/lint/lint.ts';
import { reportDocxWhole } from '../server/src/render/docx.ts';
import { exportDocument } from '../server/src/render/export.ts';
import { imagesFrom, workspaceOf } from '../server/src/render/images.ts';
import { renderReport } from '../server/src/render/report.ts';
import { ROOT } from './helpers/lint.ts';

/**
 * The Word export writes the body a block at a time (`render/docx-stream.ts`), and plain
 * paragraphs and tables from docx's XML of their shapes (`render/docx-fast.ts`). The file
 * must be the one docx makes of the whole body (`reportDocxWhole`): every part, byte for
 * byte, but for what differs between any two exports (the time, the counters every bookmark
 * and drawing id comes from, the random ids of links' relationships).
 */

/** A part's text with what differs between two exports of the same report made the same. */
function normalized(xml: string): string {
  const bookmarks = new Map<string, number>();
  const links = new Map<string, number>();
  const drawings = new Map<string, number>();
  return xml
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, 'TIME')
    .replace(/(<w:bookmark(?:Start|End)[^>]*w:id=")(\d+)/g, (_m, before: string, id: string) => {
      if (!bookmarks.has(id)) bookmarks.set(id, bookmarks.size + 1);
      return `${before}B${bookmarks.get(id)}`;
    })
    .replace(/(<wp:docPr id=")(\d+)/g, (_m, before: string, id: string) => {
      if (!drawings.has(id)) drawings.set(id, drawings.size + 1);
      return `${before}D${drawings.get(id)}`;
    })
    .replace(/_Toc(\d+)/g, (_m, id: string) => `_TocB${bookmarks.get(id) ?? `?${id}`}`)
    .replace(/rId([a-z0-9_-]{21})(?![a-z0-9_-])/g, (_m, id: string) => {
      if (!links.has(id)) links.set(id, links.size + 1);
      return `rIdLink${links.get(id)}`;
    });
}

function parts(docx: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(unzipSync(docx))) {
    out.set(name, /\.(xml|rels)$/.test(name) ? normalized(new TextDecoder().decode(data)) : Buffer.from(data).toString('base64'));
  }
  return out;
}

function assertSameParts(streamed: Uint8Array, whole: Uint8Array, label: string): void {
  const a = parts(streamed);
  const b = parts(whole);
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), `${label}: the parts`);
  for (const [name, text] of b) {
    if (a.get(name) === text) continue;
    // The first difference, not two documents of megabytes.
    const other = a.get(name) ?? '';
    let i = 0;
    while (i < text.length && text[i] === other[i]) i++;
    assert.fail(`${label}: ${name} differs at ${i}: streamed «${other.slice(Math.max(0, i - 80), i + 80)}», docx «${text.slice(Math.max(0, i - 80), i + 80)}»`);
  }
}

/**
 * The export as the CLI and the server make it (`exportDocument`: configuration, pictures, the
 * writer letting go of the rendered tree), and docx's whole-body file of the same.
 */
async function compare(text: string, folder: string, label: string): Promise<void> {
  const config = loadConfigFor(folder).config;
  const doc = parseWithConfig(text, config);
  const images = imagesFrom(folder, workspaceOf(path.join(folder, 'rapport.rev.md')));
  const whole = await reportDocxWhole(renderReport(doc, { config, images }));
  const streamed = (await exportDocument(doc, 'docx', config, images)).bytes;
  assertSameParts(streamed, whole, label);
}

function reportsIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? reportsIn(p) : e.name.endsWith('.rev.md') ? [p] : [];
  });
}

describe('the streamed Word export', function () {
  this.timeout(300_000);

  it('is the file docx makes of the whole body, for every sample and rule fixture', async () => {
    const files = [...reportsIn(path.join(ROOT, 'samples')), ...reportsIn(path.join(ROOT, 'test', 'fixtures', 'rules'))];
    assert.ok(files.length > 50);
    for (const file of files) await compare(fs.readFileSync(file, 'utf8'), path.dirname(file), path.relative(ROOT, file));
  });

  it('is the file docx makes of the whole body for a generated report of a megabyte', async () => {
    await compare(generateReport(1_000_000, 3), path.join(ROOT, 'samples'), 'generated');
  });

  it('is the file docx makes of the whole body for an empty report and one of only frontmatter', async () => {
    await compare('', path.join(ROOT, 'samples'), 'empty');
    await compare('---\ntyp: missiv\ntitel: Bara huvud\n---\n', path.join(ROOT, 'samples'), 'frontmatter');
  });

  it('writes what only docx can (links, pictures, headings in tables and lists) as docx does', async () => {
    const text = `---
typ: granskningsrapport
titel: Kanter
kommun: Exempel kommun
datum: 2026-11-28
---

# Inledning

Text med [en länk](https://example.org/a?b=1&c=2), \`kod\`, **fet *kursiv* text** och ~~struken~~.
Klamrar som liknar docx platshållare: {ordered-1} {default-bullet-numbering-1} {x} {}.
Tecken att skriva om: < > & " ' och \uFDD0 mitt i.
En hård radbrytning\\
och en till  
rad tre.

| Kolumn | [Länk](https://example.org/t) |
| --- | --- |
| ett | två |
| tre |

1. Första
2. Andra
   1. Inre
- Punkt med ![underskrift](underskrift.png) och ![saknas](saknas.png)
- Punkt

> Ett citat med fotnot.[^1]

\`\`\`
kod rad 1
kod rad 2
\`\`\`

---

## Andra rubriken

Hänvisning igen.[^1] Och en till.[^2]

[^1]: Första fotnoten med [länk](https://example.org/fn).
[^2]: Andra fotnoten.
`;
    await compare(text, path.join(ROOT, 'samples', 'med-fel'), 'edges');
  });
});
