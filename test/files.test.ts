import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { configProblems, fileExistsFrom, loadConfigFor } from '../server/src/config/load.ts';
import type { WorkspaceFiles } from '../server/src/io/files.ts';
import { MemoryFiles } from '../server/src/io/memory-files.ts';
import { nodeFiles } from '../server/src/io/node.ts';
import { parseWithConfig } from '../server/src/lint/lint.ts';
import { exportDocument } from '../server/src/render/export.ts';
import { IMAGE_LIMITS, imagesFrom } from '../server/src/render/images.ts';
import { withSpellingSettings } from '../server/src/spelling/settings.ts';
import { registerFor, relatedFromDisk } from '../server/src/workspace/node-files.ts';
import { registerProblems } from '../server/src/workspace/register-problems.ts';
import { codes, lintFile, ROOT } from './helpers/lint.ts';
import { solidPng } from './helpers/png.ts';
import { loadTestSpeller } from './helpers/spelling.ts';

/**
 * The core reads the workspace through one interface (`WorkspaceFiles`). Every behaviour
 * that reads files is checked here through two implementations: the disk (the CLI and the
 * Node server) and files held in memory (what the browser build's server gets from the
 * editor), with the same workspace, and must come out the same.
 */
type Tree = Record<string, string | Uint8Array>;
interface Workspace {
  root: string;
  files: WorkspaceFiles;
  /** Changes a file after the fact, as an editor would. */
  write(relative: string, content: string | Uint8Array): void;
}

const IMPLEMENTATIONS: { name: string; make(tree: Tree): Workspace }[] = [
  {
    name: 'disk',
    make(tree) {
      const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'granska-files-')));
      const write = (relative: string, content: string | Uint8Array) => {
        fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
        fs.writeFileSync(path.join(root, relative), content);
        // A later write must be seen as a change even within the file system's time resolution.
        const t = new Date(Date.now() + 2000 * Math.random());
        fs.utimesSync(path.join(root, relative), t, t);
      };
      for (const [relative, content] of Object.entries(tree)) write(relative, content);
      cleanups.push(() => fs.rmSync(root, { recursive: true, force: true }));
      return { root, files: nodeFiles, write };
    },
  },
  {
    name: 'memory',
    make(tree) {
      const root = '/arbetsyta';
      const files = new MemoryFiles(Object.fromEntries(Object.entries(tree).map(([k, v]) => [`${root}/${k}`, v])));
      return { root, files, write: (relative, content) => files.write(`${root}/${relative}`, content) };
    },
  },
];
const cleanups: (() => void)[] = [];

const REPORT = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'beslut-okant.fel.rev.md'), 'utf8').replace(/⟦[^⟧]*⟧/g, '');
const REGISTER = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'beslut-okant.beslut.csv'), 'utf8');
const MISSIV = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'missiv-rapport.fel.rev.md'), 'utf8').replace(/⟦[^⟧]*⟧/g, '');

for (const impl of IMPLEMENTATIONS) {
  describe(`the workspace's files through one interface: ${impl.name}`, () => {
    after(() => {
      for (const c of cleanups.splice(0)) c();
    });

    it('finds .granskarc.json by walking up, with its word file and its profiles', () => {
      const ws = impl.make({
        '.granskarc.json': '{ "ord": "ord.txt", "profil": "egen", "profiler": { "egen": { "bas": "kontrollmal", "beskrivning": "Egen" } } }',
        'ord.txt': '# projektets ord\nRockCity\n\nSummaraden\n',
        'a/b/rapport.rev.md': '# R\n',
      });
      const loaded = loadConfigFor(path.join(ws.root, 'a', 'b'), undefined, ws.files);
      assert.equal(loaded.file, path.join(ws.root, '.granskarc.json'));
      assert.deepEqual(loaded.problems, []);
      assert.ok(loaded.config.words.includes('RockCity') && loaded.config.words.includes('Summaraden'));
      assert.equal(loaded.config.profile, 'egen');
      assert.ok(loaded.config.profiles.has('egen'));
    });

    it('reports a word file that does not exist at "ord", and a configuration that cannot be read', () => {
      const ws = impl.make({ '.granskarc.json': '{\n  "ord": "saknas.txt"\n}', 'r.rev.md': '' });
      const problems = configProblems(loadConfigFor(ws.root, undefined, ws.files), 'sv');
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /^Ordfilen .*saknas\.txt finns inte\./);
      assert.equal(problems[0].range.start.line, 1);
      const dir = impl.make({ '.granskarc.json/x': '', 'r.rev.md': '' });
      assert.equal(loadConfigFor(dir.root, undefined, dir.files).file, null, 'a folder named .granskarc.json is no configuration');
    });

    it('reads the beslutsregister, the configured one or the nearest beslut.csv, with its problems', () => {
      const ws = impl.make({ 'beslut.csv': REGISTER, 'rapporter/rapport.rev.md': REPORT, 'annat/register.csv': 'organ;paragraf\nKF;x\n' });
      const dir = path.join(ws.root, 'rapporter');
      const register = registerFor(dir, loadConfigFor(dir, undefined, ws.files), undefined, ws.files);
      assert.equal(register?.file, path.join(ws.root, 'beslut.csv'));
      assert.ok(register!.entries.length > 0);
      assert.deepEqual([...new Set(codes(lintFile(path.join(dir, 'rapport.rev.md'), ws.files)))], ['beslut-okant']);
      ws.write('.granskarc.json', '{ "beslutsregister": "annat/register.csv" }');
      const configured = registerFor(dir, loadConfigFor(dir, undefined, ws.files), undefined, ws.files);
      assert.equal(configured?.file, path.join(ws.root, 'annat', 'register.csv'));
      assert.ok(registerProblems(configured!, 'sv').length > 0);
    });

    it('reads the report a missiv names, only *.rev.md inside the workspace, again when it changes', () => {
      const ws = impl.make({ 'missiv.rev.md': MISSIV, '.granskarc.json': '{}' });
      const missiv = path.join(ws.root, 'missiv.rev.md');
      assert.ok(codes(lintFile(missiv, ws.files)).includes('missiv-rapport'), 'the named report does not exist');
      ws.write('granskning-integraton.rev.md', '---\ntyp: rapport\ntitel: Integration\n---\n\n# Sammanfattning\n');
      assert.ok(!codes(lintFile(missiv, ws.files)).includes('missiv-rapport'), 'the named report exists');

      const cache = new Map<string, { mtimeMs: number; doc: ReturnType<typeof parseWithConfig> }>();
      const related = relatedFromDisk(ws.root, (text) => parseWithConfig(text), { files: ws.files, cache, allowed: (f) => f.startsWith(ws.root) });
      const first = related('granskning-integraton.rev.md');
      assert.equal(first?.frontmatter?.fields.get('titel')?.value, 'Integration');
      assert.equal(related('granskning-integraton.rev.md'), first, 'parsed once while unchanged');
      ws.write('granskning-integraton.rev.md', '---\ntyp: rapport\ntitel: Ny titel\n---\n');
      assert.equal(related('granskning-integraton.rev.md')?.frontmatter?.fields.get('titel')?.value, 'Ny titel');
      ws.write('ord.txt', 'x');
      assert.equal(related('ord.txt'), null, 'only reports are read');
      assert.equal(related('../utanfor.rev.md'), null, 'nothing outside the workspace');
    });

    it('answers whether a file exists only inside the workspace', () => {
      const ws = impl.make({ 'a/rapport.rev.md': '', 'a/mapp/x.txt': '' });
      const exists = fileExistsFrom(path.join(ws.root, 'a'), ws.root, ws.files);
      assert.equal(exists('rapport.rev.md'), true);
      assert.equal(exists('saknas.rev.md'), false);
      assert.equal(exists('mapp'), false, 'a folder is no file');
      assert.equal(exists('../../etc/passwd'), false);
    });

    it('applies the editor\'s word file (granska.ordlista) to a configuration', () => {
      const ws = impl.make({ 'ordlista.txt': 'Hultsfredsborna\n' });
      const loaded = loadConfigFor(ws.root, undefined, ws.files);
      const config = withSpellingSettings(loaded.config, { enabled: true, wordFile: path.join(ws.root, 'ordlista.txt') }, ws.files);
      assert.ok(config.words.includes('Hultsfredsborna'));
      const missing = withSpellingSettings(loaded.config, { enabled: true, wordFile: path.join(ws.root, 'ingen.txt') }, ws.files);
      assert.deepEqual(missing.words, loaded.config.words, 'a word file not yet written is empty');
    });

    it('embeds pictures for an export: real pictures inside the workspace only, within the limits', () => {
      const png = solidPng(4, 3, [200, 10, 10]);
      assert.ok(png.length < 200);
      const ws = impl.make({ 'rapport/bild.png': png, 'rapport/text.png': 'ingen bild', 'rapport/stor.png': Buffer.concat([png, Buffer.alloc(300)]), 'rapport/mapp.png/x': '' });
      const folder = path.join(ws.root, 'rapport');
      const resolve = imagesFrom(folder, ws.root, { perImage: 200, total: IMAGE_LIMITS.total }, ws.files);
      const embedded = resolve('bild.png');
      assert.equal(embedded.kind, 'embedded');
      assert.deepEqual(embedded.kind === 'embedded' && [embedded.image.type, embedded.image.width, embedded.image.height, embedded.image.data.length], ['png', 4, 3, png.length]);
      assert.equal(resolve('text.png').kind, 'unavailable');
      assert.equal(resolve('saknas.png').kind, 'unavailable');
      assert.equal(resolve('mapp.png').kind, 'refused', 'a folder is no regular file');
      const large = resolve('stor.png');
      assert.equal(large.kind, 'refused');
      assert.match(large.kind === 'refused' ? large.reason.sv : '', /större än/);
      assert.equal(resolve('../../utanfor.png').kind === 'embedded', false);
      assert.equal(resolve('/etc/bild.png').kind, 'refused');
    });

    it('says which Word template cannot be read', async () => {
      const ws = impl.make({ '.granskarc.json': '{ "wordmall": "mallar/saknas.dotx" }', 'r.rev.md': '' });
      const loaded = loadConfigFor(ws.root, undefined, ws.files);
      await assert.rejects(exportDocument(parseWithConfig('# R\n', loaded.config), 'docx', loaded.config, undefined, ws.files), /Wordmallen .*saknas\.dotx .*kan inte läsas \(ENOENT\)/);
    });
  });
}

describe('the samples lint the same from memory as from disk', () => {
  before(() => loadTestSpeller());

  it('every sample report, with its configuration, word lists, register and other reports', () => {
    const memory = new MemoryFiles({ [path.join(ROOT, '.git', 'HEAD')]: 'ref: refs/heads/main\n' });
    const reports: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else {
          memory.write(full, fs.readFileSync(full));
          if (e.name.endsWith('.rev.md')) reports.push(full);
        }
      }
    };
    walk(path.join(ROOT, 'samples'));
    assert.ok(reports.length > 10);
    let findings = 0;
    for (const file of reports) {
      const fromDisk = lintFile(file).map((d) => `${d.range.start.line}:${d.code}:${d.message}`);
      findings += fromDisk.length;
      assert.deepEqual(lintFile(file, memory).map((d) => `${d.range.start.line}:${d.code}:${d.message}`), fromDisk, path.relative(ROOT, file));
    }
    assert.ok(findings > 0, 'the flawed samples have findings');
  });
});
