import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../server/src/config/config.ts';
import { previewOf } from '../server/src/features/preview.ts';
import { parseWithConfig } from '../server/src/lint/lint.ts';
import { reportDocx } from '../server/src/render/docx.ts';
import { reportHtmlDocument } from '../server/src/render/html.ts';
import { renderReport } from '../server/src/render/report.ts';
import { zipEntries } from './helpers/zip.ts';

/** What XML 1.0 forbids: C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

async function docxEntries(text: string): Promise<Map<string, string>> {
  const bytes = await reportDocx(renderReport(parseWithConfig(text, DEFAULT_CONFIG), { config: DEFAULT_CONFIG }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-render-safety-'));
  try {
    fs.writeFileSync(path.join(dir, 'r.docx'), bytes);
    const entries = await zipEntries(path.join(dir, 'r.docx'));
    return new Map([...entries].filter(([name]) => /\.(xml|rels)$/.test(name)).map(([name, b]) => [name, b.toString('utf8')]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('rendering keeps exports valid and the preview offline', () => {
  it('writes no character XML forbids into any part of the .docx, and keeps the text around it', async () => {
    // A lone surrogate cannot be stored in a UTF-8 file, but an editor sends one over LSP.
    const bad = '\uFFFE\uFFFF\u0001\u000B\uD800\uDC00\uDFFF';
    const text = `---\ntyp: förstudie\nkommun: A kommun\ntitel: "Titel${bad}slut"\ndatum: 2024-01-01\n---\n\n# Bak${bad}grund\n\nText${bad} med fel[^1] och ![Bild${bad}](x.png).\n\n| A${bad} | B |\n|---|---|\n| c${bad} | d |\n\n[^1]: Fot${bad}not.\n`;
    const entries = await docxEntries(text);
    for (const [name, xml] of entries) {
      const m = FORBIDDEN.exec(xml);
      assert.equal(m, null, `${name} holds U+${m?.[0].charCodeAt(0).toString(16).toUpperCase()}`);
    }
    const all = [...entries.values()].join('\n');
    // The surrogate pair is a real character (U+10000) and stays; the lone halves do not.
    assert.match(entries.get('word/document.xml')!, /Bak\u{10000}\uFFFDgrund/u);
    assert.match(entries.get('word/footnotes.xml')!, /Fot\u{10000}\uFFFDnot/u);
    assert.match(entries.get('docProps/core.xml')!, /Titel\u{10000}\uFFFDslut/u);
    assert.ok([...entries].some(([name, xml]) => /^word\/header\d*\.xml$/.test(name) && xml.includes('Titel\u{10000}\uFFFDslut')), 'the header has the title');
    assert.match(all, /c\u{10000}\uFFFD/u);
    const html = reportHtmlDocument(renderReport(parseWithConfig(text, DEFAULT_CONFIG), { config: DEFAULT_CONFIG }));
    assert.equal(FORBIDDEN.exec(html), null);
    assert.match(html, /Text\u{10000}\uFFFD med fel/u);
  });

  it('shows remote pictures in the preview as placeholders that name them, and names no remote address to load', () => {
    const text = '# Bakgrund\n\n![Pixel](https://tracker.example/p.png)\n\n<picture><source srcset="https://tracker.example/s.png"><img src="lokal.png" alt="Lokal"></picture>\n\n<img src="//tracker.example/r.gif">\n';
    const { html } = previewOf(parseWithConfig(text, DEFAULT_CONFIG), DEFAULT_CONFIG);
    assert.doesNotMatch(html, /<(img|source)[^>]*(src|srcset)="(https?:)?\/\//i);
    assert.match(html, /class="image-placeholder"[^>]*>\[Pixel\] Bilden https:\/\/tracker\.example\/p\.png hämtas inte från nätet\.</);
    assert.match(html, /Bilden https:\/\/tracker\.example\/s\.png hämtas inte från nätet/);
    assert.match(html, /Bilden \/\/tracker\.example\/r\.gif hämtas inte från nätet/);
    assert.match(html, /<img src="lokal\.png" alt="Lokal">/, 'a local picture stays for the preview to show');
  });

  it('writes a remote picture into Word as a text placeholder that names its address', async () => {
    const entries = await docxEntries('# Bakgrund\n\n![Pixel](https://tracker.example/p.png)\n');
    const xml = entries.get('word/document.xml')!;
    assert.match(xml, /\[Pixel\] Bilden https:\/\/tracker\.example\/p\.png hämtas inte från nätet\./);
    assert.doesNotMatch([...entries.values()].join(''), /TargetMode="External"[^>]*tracker|tracker[^>]*TargetMode="External"/);
  });
});
