import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfigFor } from '../server/src/config/load.ts';
import { KOMMUNER } from '../server/src/data/kommuner.ts';
import { REGIONER } from '../server/src/data/regioner.ts';
import { codeActions } from '../server/src/features/code-actions.ts';
import { featureContext } from '../server/src/features/context.ts';
import { parseWithConfig } from '../server/src/lint/lint.ts';
import { currentSpeller } from '../server/src/spelling/speller.ts';
import { splitSentences } from '../server/src/spelling/sentences.ts';
import { documentStats, lix } from '../server/src/spelling/prose.ts';
import { planAddWord } from '../server/src/spelling/word-list.ts';
import { config, lint, ROOT } from './helpers/lint.ts';
import { loadTestSpeller } from './helpers/spelling.ts';

const HEAD = '---\ntyp: förstudie\nkommun: Hultsfreds kommun\ntitel: Förstudie\ndatum: 2019-01-22\n---\n\n';
const spelling = (text: string, cfg = config()) => lint(text, { config: cfg }).filter((d) => d.code === 'stavning');
const words = (text: string, cfg = config()) => spelling(text, cfg).map((d) => d.message.match(/"([^"]+)"/)![1]);

/** A typo of the kind auditors make, chosen by `kind`: a dropped, swapped or doubled letter, or an å/ä/ö slip. */
function plant(word: string, kind: number): string {
  const mid = Math.floor(word.length / 2);
  const slip = word.search(/[åäö]/);
  if (kind === 3 && slip >= 0) return word.slice(0, slip) + ({ å: 'a', ä: 'a', ö: 'o' } as Record<string, string>)[word[slip]] + word.slice(slip + 1);
  if (kind === 1 && word[mid] !== word[mid + 1]) return word.slice(0, mid) + word[mid + 1] + word[mid] + word.slice(mid + 2);
  if (kind === 2) return word.slice(0, mid) + word[mid] + word.slice(mid);
  return word.slice(0, -2) + word.slice(-1);
}

describe('stavning: Swedish spelling with the audit vocabulary', () => {
  before(() => loadTestSpeller());

  it('reports a typo planted in each of 60 real words of the Hultsfred sample', () => {
    const file = path.join(ROOT, 'samples', 'hultsfred', 'granskning-asyl-integration.rev.md');
    const text = fs.readFileSync(file, 'utf8');
    const body = text.indexOf('\n# ');
    // Words of ordinary prose lines (not tables, headings or footnotes), seven letters or more.
    const seen = new Set<string>();
    const picks: { word: string; at: number }[] = [];
    const re = /(?<![\p{L}\p{N}[^-])\p{Ll}{7,}(?![\p{L}\p{N}-])/gu;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      if (m.index < body || /^[|#[]/.test(text.slice(lineStart, lineStart + 1)) || seen.has(m[0])) continue;
      seen.add(m[0]);
      if (seen.size % 3 === 0) picks.push({ word: m[0], at: m.index });
    }
    assert.ok(picks.length >= 60, `only ${picks.length} words picked`);
    const missed: string[] = [];
    picks.slice(0, 60).forEach(({ word, at }, i) => {
      const typo = plant(word, i % 4);
      const planted = text.slice(0, at) + typo + text.slice(at + word.length);
      const line = text.slice(0, at).split('\n').length - 1;
      const hit = lint(planted, { config: loadConfigFor(path.dirname(file)).config }).some((d) => d.code === 'stavning' && d.range.start.line === line && d.message.includes(`"${typo}"`));
      if (!hit) missed.push(`${word} → ${typo}`);
    });
    assert.deepEqual(missed, []);
  });

  it('accepts compounds the dictionary builds', () => {
    assert.deepEqual(words(`${HEAD}Asylåtgärdskatalogen togs fram av en kommunfullmäktigeledamot och en socialnämndsordförande.\n`), []);
  });

  it('knows every kommun (name, genitive, formal name) and every region', () => {
    const paragraphs = KOMMUNER.map((k) => `Revisorerna i ${k.formal} har granskat ${k.name}. ${k.name}s och ${k.formal}s arbete följs upp.`);
    const regions = REGIONER.map((r) => `${r} har granskats.`);
    assert.equal(KOMMUNER.length, 290);
    assert.equal(REGIONER.length, 21);
    const unknown = words(`${HEAD}${[...paragraphs, ...regions].join('\n\n')}\n`);
    // «Borås» has no extra genitive s: «Boråss» is the one form written here that is wrong.
    const wrongGenitives = new Set(KOMMUNER.filter((k) => /[sxz]$/.test(k.name)).map((k) => `${k.name}s`));
    assert.deepEqual(unknown.filter((w) => !wrongGenitives.has(w) && !/[sxz]s$/.test(w)), []);
  });

  it('knows audit terms, bodies and acronyms', () => {
    assert.deepEqual(words(`${HEAD}Vår revisionella bedömning bygger på sakgranskning inom granskningsområdet. KF, KS, BUN:s presidium, SoL, LSS och LOU nämns, liksom socialförvaltningen och kommunledningskontoret.\n`), []);
  });

  it('skips code, URLs, e-mail addresses, footnote labels, decision references, numbers, HTML and the frontmatter', () => {
    const text = `---\ntyp: förstudie\nkommun: Hultsfreds kommun\ntitel: Förstudie\ndatum: 2019-01-22\nxyzzyfält: qwrtpl\n---\n\nSe \`xyzzykod\` och https://exempel.se/qwrtpl samt qwrtpl@exempel.se, 2019-01-22 och 3,5 mnkr.[^xyzzy]\n\n<div class="qwrtpl">\n\nText.\n\n</div>\n\n<!-- qwrtpl -->\n\n\`\`\`\nqwrtpl xyzzy\n\`\`\`\n\n[^xyzzy]: KF § 16/2015-02-23\n`;
    assert.deepEqual(words(text), []);
    assert.deepEqual(words(`${HEAD}Detta är qwrtpl.\n`), ['qwrtpl'], 'the same word in prose is reported');
  });

  it('accepts the document\'s own names from the frontmatter', () => {
    const text = '---\ntyp: förstudie\nkommun: Hultsfreds kommun\ntitel: Förstudie\ndatum: 2019-01-22\nförfattare: [Qvintus Blomqvistsson]\nrevisionsbyrå: Xyrevision AB\n---\n\nQvintus Blomqvistsson på Xyrevision har skrivit förstudien.\n';
    assert.deepEqual(words(text), []);
    assert.deepEqual(words(text.replace(/författare.*\n/, '').replace(/revisionsbyrå.*\n/, '')), ['Qvintus', 'Blomqvistsson', 'Xyrevision']);
  });

  it('accepts the project\'s word list, inline or from its word file', () => {
    const text = `${HEAD}Vi besökte RockCity och Qwrtplhuset.\n`;
    assert.deepEqual(words(text), ['RockCity', 'Qwrtplhuset']);
    assert.deepEqual(words(text, config({ ord: ['RockCity', 'Qwrtplhuset'] })), []);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-ord-'));
    fs.writeFileSync(path.join(dir, '.granskarc.json'), '{ "ord": "ord/lista.txt" }');
    fs.mkdirSync(path.join(dir, 'ord'));
    fs.writeFileSync(path.join(dir, 'ord', 'lista.txt'), '# Projektets ord\nRockCity\n\nQwrtplhuset\n');
    assert.deepEqual(words(text, loadConfigFor(dir).config), []);
  });

  it('is info by default, configurable, and silenced by an inline disable', () => {
    const text = `${HEAD}Detta är ett fell.\n\n<!-- granska-disable-next-line stavning -->\nDetta är ett fell till.\n`;
    const found = spelling(text);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 3);
    assert.equal(spelling(text, config({ regler: { stavning: 'warning' } }))[0].severity, 2);
    assert.equal(spelling(text, config({ regler: { stavning: 'off' } })).length, 0);
  });

  it('quick fixes: a suggestion replaces the word, «ignore» adds it to a granska-ord comment', () => {
    const text = `${HEAD}Nämnden har inte genomfört någon uppfölning.\n`;
    const doc = parseWithConfig(text);
    const at = text.indexOf('uppfölning');
    const actions = codeActions(featureContext(doc), { start: at, end: at, version: 1 });
    const change = actions.find((a) => a.title === 'Ändra till "uppföljning"');
    assert.ok(change, actions.map((a) => a.title).join(', '));
    const edit = change.edit!.documentChanges![0] as { edits: { newText: string }[] };
    assert.equal(edit.edits[0].newText, 'uppföljning');
    const ignore = actions.find((a) => a.title === 'Ignorera "uppfölning" i dokumentet')!;
    const e = (ignore.edit!.documentChanges![0] as { edits: { range: { start: { line: number; character: number } }; newText: string }[] }).edits[0];
    const lines = text.split('\n');
    lines[e.range.start.line] = lines[e.range.start.line].slice(0, e.range.start.character) + e.newText + lines[e.range.start.line].slice(e.range.start.character);
    const ignored = lines.join('\n');
    assert.match(ignored, /<!-- granska-ord: uppfölning -->/);
    assert.deepEqual(words(ignored), []);
    assert.ok(actions.some((a) => a.command?.command === 'granska.addWord' && a.command.arguments?.[1] === 'uppfölning'));
  });

  it('«add to the word list» creates the word file and the setting; the word then passes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-add-'));
    const text = `${HEAD}Vi besökte Qwrtplhuset.\n`;
    assert.deepEqual(words(text, loadConfigFor(dir).config), ['Qwrtplhuset']);
    const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : null);
    let loaded = loadConfigFor(dir);
    for (const w of planAddWord('Qwrtplhuset', { configFile: loaded.file, configText: loaded.text, config: loaded.config }, read, dir)) fs.writeFileSync(w.file, w.text);
    assert.equal(fs.readFileSync(path.join(dir, 'ordlista.txt'), 'utf8'), 'Qwrtplhuset\n');
    assert.deepEqual(words(text, loadConfigFor(dir).config), []);
    // A second word goes to the same file.
    loaded = loadConfigFor(dir);
    for (const w of planAddWord('Annanord', { configFile: loaded.file, configText: loaded.text, config: loaded.config }, read, dir)) fs.writeFileSync(w.file, w.text);
    assert.equal(fs.readFileSync(path.join(dir, 'ordlista.txt'), 'utf8'), 'Qwrtplhuset\nAnnanord\n');
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, '.granskarc.json'), 'utf8')), { ord: 'ordlista.txt' });
  });

  it('«add to the word list» appends to an inline list in the configuration', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'granska-add-'));
    fs.writeFileSync(path.join(dir, '.granskarc.json'), '{\n  // Projektets ord\n  "ord": ["RockCity"]\n}\n');
    const loaded = loadConfigFor(dir);
    const [w] = planAddWord('Qwrtplhuset', { configFile: loaded.file, configText: loaded.text, config: loaded.config }, () => null, dir);
    assert.match(w.text, /\/\/ Projektets ord/);
    assert.match(w.text, /"RockCity",\s*"Qwrtplhuset"/);
  });

  it('reports nothing until the dictionary is loaded', () => {
    assert.ok(currentSpeller(), 'loaded in before()');
  });
});

describe('sentences and LIX', () => {
  it('does not end a sentence at Swedish abbreviations', () => {
    const text = 'Kommunen har bl.a. tagit fram s.k. åtgärdskataloger, dvs. listor enligt 3 kap. 5 § kommunallagen, t.ex. språkkurser fr.o.m. år 2016. Nästa mening.';
    assert.deepEqual(splitSentences(text).map((s) => text.slice(s.start, s.end)), [
      'Kommunen har bl.a. tagit fram s.k. åtgärdskataloger, dvs. listor enligt 3 kap. 5 § kommunallagen, t.ex. språkkurser fr.o.m. år 2016.',
      'Nästa mening.',
    ]);
  });

  it('ends a sentence after m.m. when a capital follows, but not before a small letter', () => {
    const text = 'Det gäller kurser, praktik m.m. Nämnden följer upp. Kurser m.m. som följs upp.';
    assert.deepEqual(splitSentences(text).map((s) => s.words), [5, 3, 5]);
  });

  it('splits at question and exclamation marks and keeps initials', () => {
    const text = 'Enligt A. Andersson fungerar det. Fungerar det? Ja!';
    assert.deepEqual(splitSentences(text).map((s) => s.words), [5, 2, 1]);
  });

  it('computes LIX as words per sentence plus the share of long words', () => {
    assert.equal(lix(100, 10, 40), 50);
    const doc = parseWithConfig(`${HEAD}# Kapitel\n\nKommunstyrelsen genomför uppföljningen. Det går bra.\n\n| Tabell | Ordförråd |\n| --- | --- |\n| a | b |\n`);
    const stats = documentStats(doc, 35);
    assert.deepEqual({ words: stats.words, sentences: stats.sentences }, { words: 6, sentences: 2 });
    assert.equal(stats.lix, lix(6, 2, 3));
  });

  it('counts the words of a sentence for mening-lang with the configured limit', () => {
    const sentence = `${Array.from({ length: 12 }, () => 'ord').join(' ')}.`;
    const text = `${HEAD}${sentence}\n`;
    assert.equal(lint(text).filter((d) => d.code === 'mening-lang').length, 0);
    const found = lint(text, { config: config({ meningslangd: 10 }) }).filter((d) => d.code === 'mening-lang');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /12 ord \(högst 10\)/);
  });
});
