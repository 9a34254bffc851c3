import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { OpenDocument } from './openDocument';

const unit = fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é', 'ÿ', '日', '😀', '\ud800');
const text = fc.string({ unit, maxLength: 40 });
const coordinate = fc.integer({ min: -2, max: 12 });
const position = fc.record({ line: coordinate, character: coordinate });
const change: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

/**
 * What vscode-languageserver-textdocument makes of the changes, each applied to a TextDocument made
 * from the text before it: an updated one keeps a wrong line table after a range past the end of
 * the text (its update takes the range's lines as they are), which the next change would inherit.
 */
function reference(initial: string, changes: readonly TextDocumentContentChangeEvent[]): string {
  return changes.reduce((now, change) => TextDocument.update(TextDocument.create('file:///a.yaml', 'yaml', 1, now), [change], 2).getText(), initial);
}

test('edits give the text and positions vscode-languageserver-textdocument gives, for any edits of any text', () => {
  fc.assert(
    fc.property(text, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), (initial, batches) => {
      let expected = initial;
      const ours = new OpenDocument('file:///a.yaml', 'yaml', 1, initial);
      let version = 1;
      for (const batch of batches) {
        version++;
        expected = reference(expected, batch);
        ours.update(batch, version);
        const now = expected;
        assert.equal(ours.getText(), now);
        assert.equal(ours.version, version);
        const lines = TextDocument.create('file:///a.yaml', 'yaml', version, now);
        assert.equal(ours.lines.lineCount, lines.lineCount);
        for (let offset = -1; offset <= now.length + 1; offset++) assert.deepEqual(ours.positionAt(offset), lines.positionAt(offset), `positionAt(${offset}) of ${JSON.stringify(now)}`);
        for (let line = -1; line <= lines.lineCount; line++) {
          for (let character = -1; character <= 6; character++)
            assert.equal(ours.offsetAt({ line, character }), lines.offsetAt({ line, character }), `offsetAt(${line}:${character}) of ${JSON.stringify(now)}`);
        }
      }
    }),
    { numRuns: 1500 },
  );
});

test('a big document keeps its text through typing, a paste past Latin-1 and growth past its room', () => {
  const line = '        expr: sum(rate(http_requests_total{job="api"}[5m]))\n';
  const initial = line.repeat(20_000);
  const document = new OpenDocument('file:///big.yaml', 'yaml', 1, initial);
  let expected = initial;
  const edit = (start: number, end: number, inserted: string) => {
    const from = document.positionAt(start);
    const to = document.positionAt(end);
    document.update([{ range: { start: from, end: to }, text: inserted }], document.version + 1);
    expected = expected.slice(0, start) + inserted + expected.slice(end);
    assert.equal(document.getText(), expected);
  };
  edit(line.indexOf('5m') + 5 * line.length, line.indexOf('5m') + 5 * line.length + 1, '6');
  edit(100, 100, '# 監視ルール\n');
  edit(expected.length, expected.length, line.repeat(10_000));
  edit(0, line.length * 3, '');
  assert.equal(document.lines.lineCount, 20_000 + 1 + 10_000 - 3 + 1);
  assert.deepEqual(document.positionAt(expected.length), { line: 20_000 + 1 + 10_000 - 3, character: 0 });
});

test('changes that are not changes are skipped, the rest applied', () => {
  const document = new OpenDocument('file:///a.yaml', 'yaml', 1, 'ab\ncd');
  const malformed = [
    { range: { start: { line: 0 }, end: { line: 0, character: 1 } }, text: 'x' },
    { text: 5 },
    null,
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: 'C' },
  ];
  document.update(malformed as unknown as TextDocumentContentChangeEvent[], 2);
  assert.equal(document.getText(), 'ab\nCd');
  assert.equal(document.version, 2);
});
