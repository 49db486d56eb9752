import * as assert from 'node:assert/strict';
import { parseMarkdownFull } from '../server/src/model/markdown.ts';
import { rename, renameProblem } from '../server/src/features/navigation.ts';
import { localize } from '../server/src/i18n.ts';
import { applyTextEdits, at, URI } from './helpers/features.ts';
import { REPORT } from './features/fixtures.ts';

/** The labels of the footnote definitions micromark finds in a text. */
function definedLabels(text: string): string[] {
  const labels: string[] = [];
  const walk = (node: { type: string; label?: string | null; children?: unknown[] }) => {
    if (node.type === 'footnoteDefinition') labels.push(node.label ?? '');
    for (const c of node.children ?? []) walk(c as typeof node);
  };
  walk(parseMarkdownFull(text) as never);
  return labels;
}

describe('rename refuses labels that break the footnote (issue 16, item 16)', () => {
  const { ctx, offset, text } = at(REPORT.replace('antogs.[^1]', 'antogs.[^¦1]'));
  const problem = (name: string, locale: 'sv' | 'en' = 'sv') => {
    const p = renameProblem(ctx, offset, name);
    return p ? localize(p, locale) : null;
  };

  it('refuses a trailing backslash, which escapes the closing bracket', () => {
    assert.equal(rename(ctx, offset, 'program\\'), null);
    assert.match(problem('program\\')!, /"program\\" kan inte vara en fotnotsetikett: ett \\ sist/);
    assert.match(problem('program\\', 'en')!, /trailing \\/);
  });

  it('refuses a label longer than micromark reads (999 characters), and accepts one of 999', () => {
    assert.equal(rename(ctx, offset, 'x'.repeat(1000)), null);
    assert.match(problem('x'.repeat(1000))!, /1000 tecken lång; en fotnotsetikett får vara högst 999 tecken/);
    const edit = rename(ctx, offset, 'x'.repeat(999))!;
    const renamed = applyTextEdits(text, edit.changes![URI]);
    assert.ok(definedLabels(renamed).includes('x'.repeat(999)), 'a 999-character label is still a footnote');
  });

  it('refuses the label of another footnote, in any case, instead of merging the two, but not its own', () => {
    assert.equal(rename(ctx, offset, '2'), null);
    assert.match(problem('2')!, /Fotnoten \[\^2\] finns redan: att byta namn till den skulle slå ihop två fotnoter/);
    assert.match(problem('2', 'en')!, /already exists/);
    const upper = at(REPORT.replace('antogs.[^1]', 'antogs.[^¦1]').replaceAll('[^2]', '[^ks]'));
    assert.equal(rename(upper.ctx, upper.offset, 'KS'), null);
    assert.equal(problem('1'), null, 'its own label is no other footnote');
    assert.equal(problem('program'), null);
  });
});
