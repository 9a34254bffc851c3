import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shiftFinding } from './shift';

test('a moved finding moves its fixes, its disable line and its related places in the same document, not those in another', () => {
  const finding = {
    start: 10,
    end: 12,
    code: 'promql/syntax',
    message: 'm',
    severity: 'error' as const,
    fixes: [{ title: 'f', edits: [{ start: 10, end: 12, newText: 'x' }] }],
    disableAt: 4,
    related: [
      { start: 3, end: 4, message: 'here' },
      { start: 3, end: 4, message: 'there', uri: 'file:///w/other.yaml' },
    ],
  };
  assert.deepEqual(shiftFinding(finding, 5), {
    ...finding,
    start: 15,
    end: 17,
    fixes: [{ title: 'f', edits: [{ start: 15, end: 17, newText: 'x' }] }],
    disableAt: 9,
    related: [
      { start: 8, end: 9, message: 'here' },
      { start: 3, end: 4, message: 'there', uri: 'file:///w/other.yaml' },
    ],
  });
  assert.equal(shiftFinding(finding, 0), finding);
});
