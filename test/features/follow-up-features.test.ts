import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { completions } from '../../server/src/features/completion.ts';
import { featureContext } from '../../server/src/features/context.ts';
import { hover } from '../../server/src/features/hover.ts';
import { definition } from '../../server/src/features/navigation.ts';
import { parseWithConfig } from '../../server/src/lint/lint.ts';
import { ROOT } from '../helpers/lint.ts';
import { stripCursor } from '../helpers/markers.ts';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'rules');
const clean = fs.readFileSync(path.join(FIXTURES, 'uppfoljning-rekommendation.ren.rev.md'), 'utf8');
const earlierText = fs.readFileSync(path.join(FIXTURES, 'granskning-integration.rev.md'), 'utf8');
const earlier = parseWithConfig(earlierText);

function at(source: string) {
  const { text, offset } = stripCursor(source);
  const ctx = featureContext(parseWithConfig(text), { uri: 'file:///revision/2021/uppfoljning.rev.md', related: (p) => (p === 'granskning-integration.rev.md' ? earlier : null) });
  return { ctx, offset };
}

const value = (h: ReturnType<typeof hover>) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

describe('uppföljning in the editor', () => {
  it('hover on a follow-up row shows the earlier recommendation, its kontrollmål and grade', () => {
    const { ctx, offset } = at(clean.replace('| Dokumentera genomförd', '| Dokumentera ¦genomförd'));
    const text = value(hover(ctx, offset));
    assert.match(text, /Tidigare rekommendation\*\* — Granskning av insatser för asyl och integration \(granskning-integration\.rev\.md\)/);
    assert.match(text, /> Dokumentera genomförd återrapportering i protokollen\./);
    assert.match(text, /Kontrollmål 2: Har återrapportering skett till kommunstyrelsen\?/);
    assert.match(text, /Bedömning: \*\*Delvis uppfyllt\*\*/);
  });

  it('go-to-definition on a row jumps to the recommendation in the earlier report', () => {
    const { ctx, offset } = at(clean.replace('| Dokumentera genomförd', '| Dokumentera ¦genomförd'));
    const loc = definition(ctx, offset);
    assert.equal(loc?.uri, 'file:///revision/2021/granskning-integration.rev.md');
    assert.equal(loc?.range.start.line, earlierText.split('\n').indexOf('- Dokumentera genomförd återrapportering i protokollen.'));
  });

  it('completion in a table row offers the earlier recommendations not yet followed up, as whole rows', () => {
    const { ctx, offset } = at(clean.replace('| Dokumentera genomförd återrapportering i protokollen. | Åtgärdad | granskning-integration.rev.md |', '| ¦'));
    const items = completions(ctx, offset);
    assert.deepEqual(items.map((i) => i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : ''), ['| Dokumentera genomförd återrapportering i protokollen. | | granskning-integration.rev.md |']);
    const done = at(clean.replace('| --- | --- | --- |', '| --- | --- | --- |\n| ¦'));
    assert.deepEqual(completions(done.ctx, done.offset), []);
  });
});
