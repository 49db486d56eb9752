import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../server/src/config/config.ts';
import { controlObjectiveStatus } from '../server/src/features/status.ts';
import { parseAuditDocument } from '../server/src/model/parse.ts';
import { ROOT } from './helpers/lint.ts';

const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');

describe('status: complete kontrollmål for the status bar', () => {
  it('counts all four Hultsfred kontrollmål as complete', () => {
    assert.deepEqual(controlObjectiveStatus(parseAuditDocument(read('samples/hultsfred/granskning-asyl-integration.rev.md')), DEFAULT_CONFIG), { total: 4, complete: 4 });
  });

  it('counts only kontrollmål with grade, recommendations and a KF reference', () => {
    // In the flawed sample: 1 has a misspelt grade and a malformed reference, 2 has no KF
    // reference, the third has no bedömning.
    assert.deepEqual(controlObjectiveStatus(parseAuditDocument(read('samples/med-fel/rapport-med-fel.rev.md')), DEFAULT_CONFIG), { total: 3, complete: 0 });
    const text = read('test/fixtures/rules/granskning-integration.rev.md');
    assert.deepEqual(controlObjectiveStatus(parseAuditDocument(text), DEFAULT_CONFIG), { total: 2, complete: 2 });
    assert.deepEqual(controlObjectiveStatus(parseAuditDocument(text.replace('[^2]: KF', '[^2]: KS')), DEFAULT_CONFIG), { total: 2, complete: 1 });
  });

  it('has nothing to say for a missiv or a förstudie', () => {
    assert.equal(controlObjectiveStatus(parseAuditDocument(read('samples/karlshamn/forstudie-integration.rev.md')), DEFAULT_CONFIG), null);
  });
});
