import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseWithConfig } from '../server/src/lint/lint.ts';
import { reportFragment, reportHtmlDocument } from '../server/src/render/html.ts';
import { renderReport } from '../server/src/render/report.ts';
import { all, byClass, byTag, hasClass, one, renderSample, renderText, text } from './helpers/hast.ts';
import { ROOT } from './helpers/lint.ts';

const HULTSFRED = 'samples/hultsfred/granskning-asyl-integration.rev.md';

describe('the report renderer', () => {
  describe('a granskningsrapport (Hultsfred)', () => {
    const report = renderSample(HULTSFRED);
    const tree = report.tree;

    it('has a title page with the frontmatter fields and, as the report is final, no UTKAST mark', () => {
      const page = one(tree, byClass('title-page'), 'title page');
      assert.equal(text(one(page, byClass('title-kommun'), 'kommun')), 'Hultsfreds kommun');
      assert.equal(text(one(page, byClass('doc-title'), 'title')), 'Granskning av insatser för asyl och integration');
      assert.equal(text(one(page, byClass('title-type'), 'type')), 'Granskningsrapport');
      const meta = all(page, byTag('dt')).map((dt, i) => [text(dt), text(all(page, byTag('dd'))[i])]);
      assert.deepEqual(meta, [['Datum', '2019-01-22'], ['Revisionsbyrå', 'PwC'], ['Författare', 'Caroline Liljebjörn'], ['Status', 'Slutlig']]);
      assert.equal(all(tree, byClass('draft-mark')).length, 0);
      assert.equal(report.draft, false);
      assert.equal(report.title, 'Hultsfreds kommun – Granskning av insatser för asyl och integration');
    });

    it('numbers the headings and lists levels 1 and 2 in a table of contents that links to them', () => {
      const km1 = one(tree, (e) => e.tagName === 'h2' && text(e).includes('Kontrollmål 1:'), 'Kontrollmål 1');
      assert.equal(text(km1), '3.1 Kontrollmål 1: Finns mål och aktiviteter för att förbättra asyl och integration?');
      assert.ok(hasClass(km1, 'kontrollmal'));
      const toc = one(tree, byClass('toc'), 'contents');
      const links = all(toc, byTag('a'));
      assert.deepEqual(links.slice(0, 4).map(text), ['1 Sammanfattning och revisionell bedömning', '1.1 Bedömningar mot kontrollmål', '1.2 Rekommendationer', '2 Inledning']);
      const ids = new Set(all(tree, (e) => typeof e.properties.id === 'string').map((e) => e.properties.id));
      for (const a of links) assert.ok(ids.has(String(a.properties.href).slice(1)), `${String(a.properties.href)} has no target`);
      assert.ok(!links.some((a) => text(a).includes('Iakttagelser') && !text(a).startsWith('3 ')), 'level-3 headings stay out of the contents');
    });

    it('shows the summary table with one row per kontrollmål and each grade as a coloured badge', () => {
      const table = one(tree, byClass('summary-table'), 'summary table');
      const rows = all(table, byTag('tr')).slice(1);
      assert.equal(rows.length, 4);
      const badges = rows.map((r) => one(r, byClass('grade'), 'badge'));
      assert.deepEqual(badges.map(text), ['Uppfyllt', 'Uppfyllt', 'Delvis uppfyllt', 'Delvis uppfyllt']);
      assert.deepEqual(badges.map((b) => hasClass(b, 'grade-good') ? 'good' : hasClass(b, 'grade-partial') ? 'partial' : 'other'), ['good', 'good', 'partial', 'partial']);
    });

    it('shows each kontrollmål grade as a badge in its Bedömning heading, and boxes its recommendations', () => {
      const graded = all(tree, (e) => e.tagName === 'h3' && text(e).includes('Bedömning:'));
      assert.equal(graded.length, 4);
      assert.deepEqual(graded.map((h) => text(one(h, byClass('grade'), 'badge'))), ['Uppfyllt', 'Uppfyllt', 'Delvis uppfyllt', 'Delvis uppfyllt']);
      const boxes = all(tree, byClass('recommendation'));
      assert.equal(boxes.length, 4);
      assert.ok(boxes.every((b) => /Rekommendation/.test(text(b.children.find((c) => c.type === 'element')! as never))));
    });

    it('links every footnote reference to its footnote and every footnote back to its references', () => {
      const refs = all(tree, (e) => e.tagName === 'a' && e.properties.dataFootnoteRef !== undefined);
      const notes = all(one(tree, byClass('footnotes'), 'footnotes'), byTag('li'));
      const source = fs.readFileSync(path.join(ROOT, HULTSFRED), 'utf8');
      assert.equal(notes.length, (source.match(/^\[\^[^\]]+\]:/gm) ?? []).length);
      assert.equal(refs.length, (source.match(/\[\^[^\]]+\](?!:)/g) ?? []).length);
      const ids = new Map(all(tree, (e) => typeof e.properties.id === 'string').map((e) => [String(e.properties.id), e]));
      for (const a of refs) {
        const target = ids.get(String(a.properties.href).slice(1));
        assert.ok(target && notes.includes(target), `${String(a.properties.href)} leads to no footnote`);
      }
      for (const back of all(tree, (e) => e.tagName === 'a' && e.properties.dataFootnoteBackref !== undefined)) {
        const target = ids.get(String(back.properties.href).slice(1));
        assert.ok(target && refs.includes(target), `${String(back.properties.href)} leads to no reference`);
      }
      assert.match(text(notes[0]), /KF § 16\/2015-02-23/);
    });

    it('marks the source line of blocks, for scrolling with the editor', () => {
      const km1 = one(tree, (e) => e.tagName === 'h2' && text(e).includes('Kontrollmål 1:'), 'Kontrollmål 1');
      assert.equal(km1.properties.dataLine, 88);
    });

    it('leaves the model it reads unchanged', () => {
      const doc = parseWithConfig(fs.readFileSync(path.join(ROOT, HULTSFRED), 'utf8'));
      const before = JSON.stringify(doc.root);
      renderReport(doc);
      assert.equal(JSON.stringify(doc.root), before);
    });
  });

  it('marks a report that is not final as UTKAST, on the title page and in print', () => {
    const report = renderSample('samples/med-fel/rapport-med-fel.rev.md');
    assert.equal(text(one(report.tree, byClass('draft-mark'), 'draft mark')), 'UTKAST');
    assert.ok(hasClass(one(report.tree, byTag('article'), 'article'), 'draft'));
    const noStatus = renderText('---\ntyp: förstudie\nkommun: A kommun\ntitel: T\ndatum: 2024-01-01\n---\n\n# Bakgrund\n\nText.\n');
    assert.equal(all(noStatus.tree, byClass('draft-mark')).length, 1);
  });

  it('generates the summary table from the kontrollmål when the report has none', () => {
    const report = renderText(`---
typ: granskningsrapport
kommun: A kommun
titel: T
datum: 2024-01-01
---

# Sammanfattning

Vi bedömer att det mesta fungerar.

## Rekommendationer

- Gör bättre.

# Iakttagelser och bedömningar

## Kontrollmål 1: Finns mål?

### Bedömning: Delvis uppfyllt

## Kontrollmål 2: Följs de upp?

### Bedömning: Ej uppfyllt

## Kontrollmål 3: Utan bedömning
`);
    const heading = one(report.tree, (e) => e.tagName === 'h2' && text(e).includes('Bedömningar mot kontrollmål'), 'generated heading');
    assert.equal(text(heading), '1.1 Bedömningar mot kontrollmål', 'it comes before the Sammanfattning\'s first subsection');
    const table = one(report.tree, byClass('summary-table'), 'summary table');
    const rows = all(table, byTag('tr')).slice(1).map((r) => all(r, byTag('td')).map(text));
    assert.deepEqual(rows, [['Finns mål?', 'Delvis uppfyllt'], ['Följs de upp?', 'Ej uppfyllt'], ['Utan bedömning', 'Saknar bedömning']]);
    assert.deepEqual(all(table, byClass('grade')).map((b) => String((b.properties.className as string[])[1])), ['grade-partial', 'grade-bad', 'grade-unknown']);
  });

  it('leaves a picture\'s relative path for the preview page to resolve from the report\'s folder', () => {
    const report = renderText('---\ntyp: förstudie\n---\n\n# Bakgrund\n\n![Karta](bilder/karta.png)\n');
    assert.equal(one(report.tree, byTag('img'), 'img').properties.src, 'bilder/karta.png');
  });

  it('keeps the authors\' own section numbers instead of adding a second set', () => {
    const report = renderText('---\ntyp: förstudie\nkommun: A\ntitel: T\ndatum: 2024-01-01\n---\n\n# 1. Bakgrund\n\n## 1.1 Syfte\n');
    assert.deepEqual(report.headings.map((h) => `${h.number}|${h.text}`), ['|1. Bakgrund', '|1.1 Syfte']);
  });

  describe('a missiv', () => {
    const report = renderSample('samples/vanersborg/missiv-integration-arbetsmarknad-2022.rev.md');
    const tree = report.tree;

    it('renders as a letter: sender, date and dnr, recipients, subject, body and signatories', () => {
      assert.ok(report.letter);
      assert.ok(hasClass(one(tree, byTag('article'), 'article'), 'letter'));
      const head = one(tree, byClass('letter-head'), 'letter head');
      assert.deepEqual(all(one(head, byClass('sender'), 'sender'), byTag('p')).map(text), ['Revisorerna', 'Vänersborgs kommun']);
      const meta = all(head, byTag('dt')).map((dt, i) => `${text(dt)}: ${text(all(head, byTag('dd'))[i])}`);
      assert.ok(meta.includes('Dnr: 2022/347'), meta.join('; '));
      assert.ok(meta.some((m) => m.startsWith('Datum: ')), meta.join('; '));
      const recipients = all(tree, byClass('recipients')).map((r) => [text(one(r, byClass('recipients-label'), 'label')), ...all(r, byTag('li')).map(text)]);
      assert.deepEqual(recipients, [['Till', 'Samtliga ledamöter och ersättare i kommunstyrelsen'], ['För kännedom', 'Socialnämnden', 'Kommunfullmäktige']]);
      assert.equal(text(one(tree, byClass('letter-subject'), 'subject')), 'Granskning av kommunens arbete med integration och arbetsmarknadsinsatser');
      const signatories = all(tree, byClass('signatory')).map(text);
      assert.ok(signatories.length >= 1);
      assert.ok(all(tree, byClass('signatory-role')).every((r) => text(r).length > 0));
      assert.ok(text(one(tree, byClass('letter-body'), 'body')).length > 200);
    });

    it('has no table of contents and no section numbers', () => {
      assert.equal(all(tree, byClass('toc')).length, 0);
      assert.equal(all(tree, byClass('secno')).length, 0);
    });
  });

  describe('sanitizing what a report contains', () => {
    const hostile = `---
typ: granskningsrapport
kommun: "<script>alert('kommun')</script>"
titel: "<img src=x onerror=alert(1)>"
datum: 2024-01-01
---

# Sammanfattning

<script>alert('block')</script>

Text med <span onclick="alert(2)" style="color:red">händelse</span> och <a href="javascript:alert(3)">länk</a>.

[markdown-länk](javascript:alert(4)) och [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==) och ![bild](javascript:alert(6))

<iframe src="https://example.com"></iframe>
<object data="x.swf"></object>
<style>body { display: none }</style>
<form action="https://example.com"><input name="x"><button formaction="javascript:alert(7)">Skicka</button></form>
<svg onload="alert(8)"><circle r="5"/></svg>
<div id="report" class="title-page" data-line="3">Efterliknad struktur</div>
<a href="#ok" id="top">inre länk</a> <b>fet</b> <sup>2</sup>
`;
    const html = reportHtmlDocument(renderText(hostile));
    const body = html.slice(html.indexOf('<body'));

    it('removes script, frames, objects, styles and forms', () => {
      assert.doesNotMatch(body, /<script|<iframe|<object|<style|<form|<svg/i);
    });

    it('removes event handlers, inline styles and javascript: or data: URLs', () => {
      // Inside tags only: the same words as escaped text are harmless.
      assert.doesNotMatch(body, /<[^>]*\son\w+\s*=/i);
      assert.doesNotMatch(body, /<[^>]*\sstyle\s*=/i);
      assert.doesNotMatch(body, /<[^>]*(href|src|action|formaction)="?\s*(javascript|data):/i);
      assert.doesNotMatch(body, /display: none/, 'the text of a <style> goes with it');
    });

    it('shows frontmatter values as text, never as markup', () => {
      assert.match(body, /&#x3C;script>alert\('kommun'\)&#x3C;\/script>|&lt;script&gt;alert\('kommun'\)&lt;\/script&gt;/);
      assert.doesNotMatch(body, /<img src="?x/);
    });

    it('keeps harmless inline HTML, and prefixes the report\'s own ids so they cannot collide with the page\'s', () => {
      assert.match(body, /<b[^>]*>fet<\/b>/);
      assert.match(body, /<sup[^>]*>2<\/sup>/);
      assert.match(body, /id="user-content-top"/);
      assert.doesNotMatch(body, /id="report"/);
      assert.doesNotMatch(body, /class="title-page" data-line="3"/);
      assert.match(body, /Efterliknad struktur/);
    });

    it('keeps the text around what it removed', () => {
      assert.match(body, /händelse/);
      assert.match(body, /länk/);
      assert.match(body, /Skicka/);
    });
  });

  it('reads HTML that spans several blocks as one element, and leaves the blocks after it alone', () => {
    const report = renderText('---\ntyp: förstudie\n---\n\n# Bakgrund\n\n<details>\n\nInne i *detaljer*.\n\n</details>\n\nEfter.\n');
    const details = one(report.tree, byTag('details'), 'details');
    assert.equal(text(details), 'Inne i detaljer.');
    assert.equal(details.properties.dataLine, 6, 'it keeps its source line');
    assert.equal(all(details, byTag('em')).length, 1);
    const after = one(report.tree, (e) => e.tagName === 'p' && text(e) === 'Efter.', 'the paragraph after');
    assert.equal(after.properties.dataLine, 12);
  });

  it('still finds the kontrollmål after an HTML element that is never closed', () => {
    const report = renderText('---\ntyp: granskningsrapport\n---\n\n# Iakttagelser och bedömningar\n\n<div>\n\n## Kontrollmål 1: Finns mål?\n\n### Bedömning: Uppfyllt\n');
    const heading = one(report.tree, (e) => e.tagName === 'h2' && hasClass(e, 'kontrollmal'), 'kontrollmål heading');
    assert.equal(heading.properties.dataLine, 8);
    assert.equal(text(heading), '2.1 Kontrollmål 1: Finns mål?');
    const badges = all(report.tree, (e) => e.tagName === 'h3' && all(e, byClass('grade')).length > 0);
    assert.equal(badges.length, 1);
    // Without a Sammanfattning, the generated summary is a section of its own, numbered first.
    assert.equal(text(one(report.tree, (e) => e.tagName === 'h1' && hasClass(e, 'generated'), 'generated summary')), '1 Bedömningar mot kontrollmål');
  });

  describe('documents that are incomplete or invalid, as while typing', () => {
    const cases: Record<string, string> = {
      empty: '',
      'no frontmatter': '# Sammanfattning\n\nText[^1].\n',
      'unclosed frontmatter': '---\ntyp: granskningsrapport\nkommun: A\n\n# Rubrik\n',
      'invalid YAML': '---\ntyp: [granskningsrapport\ntitel: "x\n---\n\n# Rubrik\n',
      'wrong types': '---\ntyp: 5\nkommun: [a, b]\ntitel: {x: 1}\nförfattare: 7\nundertecknare: nej\ntill: 3\n---\n\nText.\n',
      'a missiv with broken signatories': '---\ntyp: missiv\nkommun: A\ndatum: 2024-01-01\ntill: []\nundertecknare: [1, {namn: 2}, {roll: Ordförande}]\n---\n\nHej.\n',
      'an unfinished kontrollmål': '---\ntyp: granskningsrapport\n---\n# Iakttagelser och bedömningar\n## Kontrollmål\n### Bedömning:\n### Rekommendation\n[^',
    };
    for (const [name, source] of Object.entries(cases)) {
      it(`renders ${name} without throwing`, () => {
        const report = renderText(source);
        assert.ok(reportFragment(report).startsWith('<article'));
      });
    }

    it('never throws, and never lets script through, whatever is typed', () => {
      const piece = fc.constantFrom('# ', '## Kontrollmål 1: x\n', '### Bedömning: Uppfyllt\n', '[^1]', '[^1]: KF § 1/2020-01-01\n', '<script>', '</script>', '<b onclick=x>', '| a | b |\n|---|---|\n', '---\n', 'typ: missiv\n', '\n', 'text ', '- ', '`', '<!-- ', ' -->', '](javascript:x)', '[', '> ');
      fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = reportFragment(renderText(pieces.join('')));
        return !/<script|<[^>]*\son\w+=|<[^>]*(href|src)="?javascript:/i.test(html);
      }), { numRuns: 300 });
    });
  });

  it('writes one self-contained HTML file: inlined styles, no scripts, nothing loaded from elsewhere', () => {
    const html = reportHtmlDocument(renderSample(HULTSFRED));
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<style>[\s\S]*\.grade-good[\s\S]*@media print[\s\S]*<\/style>/);
    assert.doesNotMatch(html, /<script|<link\s|\ssrc="https?:|@import|url\(/i);
    assert.match(html, /<title>Hultsfreds kommun – Granskning av insatser för asyl och integration<\/title>/);
  });
});
