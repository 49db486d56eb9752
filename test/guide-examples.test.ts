import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, parseConfig, type GranskaConfig } from '../server/src/config/config.ts';
import { configProblems } from '../server/src/config/load.ts';
import { RULE_IDS } from '../server/src/rules/index.ts';
import { BUILTIN_PROFILES } from '../server/src/profiles/builtin.ts';
import { ASSESSMENT, CHAPTER_KEYS, COVERAGE, DISCOVERY, GRADE, OBSERVATIONS, PROFILE_KEYS, RECOMMENDATIONS, REFERENCES, SUB_KEYS } from '../server/src/profiles/config.ts';
import { lint, ROOT } from './helpers/lint.ts';

/**
 * The profile docs' examples run through the linter, so they cannot drift: every
 * ```json granskarc``` block is a valid configuration (and the configuration of the report
 * examples after it), every ```markdown rapport``` block lints clean with it, and a
 * ```markdown rapport fel: CODE …``` block gives exactly those codes.
 */
interface Block {
  info: string;
  body: string;
  line: number;
}

function fencedBlocks(text: string): Block[] {
  const out: Block[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S.*)$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l === '```');
    if (end < 0) break;
    out.push({ info: open[1].trim(), body: lines.slice(i + 1, end).join('\n') + '\n', line: i + 1 });
    i = end;
  }
  return out;
}

for (const doc of ['guide.md', 'profiler.md']) {
  describe(`docs/${doc}: the profile examples`, () => {
    const blocks = fencedBlocks(fs.readFileSync(path.join(ROOT, 'docs', doc), 'utf8'));
    const examples = blocks.filter((b) => /^json granskarc\b|^markdown rapport\b/.test(b.info));

    it('has configuration examples', () => {
      assert.ok(examples.some((b) => b.info.startsWith('json granskarc')));
    });

    let config: GranskaConfig = DEFAULT_CONFIG;
    for (const b of examples) {
      if (b.info.startsWith('json granskarc')) {
        it(`the configuration on line ${b.line} is valid`, () => {
          const loaded = parseConfig(b.body, '.granskarc.json', RULE_IDS);
          assert.deepEqual(configProblems(loaded, 'sv'), []);
          config = loaded.config;
        });
        continue;
      }
      const fel = /^markdown rapport fel:\s*(.*)$/.exec(b.info);
      it(`the report on line ${b.line} ${fel ? `gives ${fel[1]}` : 'lints clean'}`, () => {
        const found = lint(b.body, { config }).map((d) => d.code);
        if (fel) assert.deepEqual(found.sort(), fel[1].split(/\s+/).sort());
        else assert.deepEqual(lint(b.body, { config }).map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`), []);
      });
    }
  });
}

describe('docs/profiler.md: the reference of every profile key and built-in profile', () => {
  const page = fs.readFileSync(path.join(ROOT, 'docs', 'profiler.md'), 'utf8');
  it('names every key a profile may have, with every choice', () => {
    const keys = [...PROFILE_KEYS, ...Object.values(SUB_KEYS).flat(), ...CHAPTER_KEYS];
    for (const k of keys) assert.ok(page.includes(`\`${k}\``), `docs/profiler.md does not name ${k}`);
    for (const table of [DISCOVERY, OBSERVATIONS, ASSESSMENT, GRADE, RECOMMENDATIONS, COVERAGE, REFERENCES]) {
      for (const word of Object.keys(table)) assert.ok(page.includes(`"${word}"`), `docs/profiler.md does not name the choice "${word}"`);
    }
  });
  it('has a section for every built-in profile', () => {
    for (const name of BUILTIN_PROFILES.keys()) assert.match(page, new RegExp(`^### \`${name}\`$`, 'm'));
  });
});
