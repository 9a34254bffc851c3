import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from './lineIndex';

test('positions count UTF-16 units and every line break style', () => {
  const text = 'a\r\nbc\nd\re😀f';
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 4);
  assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(1), { line: 0, character: 1 });
  assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(7), { line: 2, character: 1 });
  assert.deepEqual(index.positionAt(text.indexOf('f')), { line: 3, character: 3 }, 'the emoji is two units');
  assert.deepEqual(index.positionAt(999), { line: 3, character: 4 });
  assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(2), { line: 0, character: 1 }, 'between \\r and \\n is the end of the line, not past it');
  assert.deepEqual(index.rangeOf(1, 2), { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } });
});

test('offsetAt stops at the end of the line and of the text', () => {
  const index = new LineIndex('ab\r\ncd');
  assert.equal(index.offsetAt({ line: 0, character: 10 }), 2);
  assert.equal(index.offsetAt({ line: 1, character: 1 }), 5);
  assert.equal(index.offsetAt({ line: 7, character: 0 }), 6);
});

test('offsetAt inverts positionAt for every offset of any text', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', '😀', ' ') }), (text) => {
      const index = new LineIndex(text);
      for (let offset = 0; offset <= text.length; offset++) {
        // The middle of \r\n has no position of its own.
        if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
        assert.equal(index.offsetAt(index.positionAt(offset)), offset);
      }
    }),
  );
});

/** Every line's start, read through the public API. */
const lineStartsOf = (index: LineIndex): number[] => Array.from({ length: index.lineCount }, (_, line) => index.offsetAt({ line, character: 0 }));

test('edited: the index of an edited text is the one built from scratch, for any edit of any text', () => {
  const unit = fc.constantFrom('a', '\n', '\r', '\r\n', 'é', '😀', ' ');
  fc.assert(
    fc.property(fc.string({ unit }), fc.nat(), fc.nat(), fc.string({ unit }), (text, a, b, inserted) => {
      const start = Math.min(a, b) % (text.length + 1);
      const end = Math.min((Math.max(a, b) % (text.length + 1)) + start, text.length);
      const edited = text.slice(0, start) + inserted + text.slice(end);
      const updated = new LineIndex(text).edited(edited, start, end, inserted);
      const fresh = new LineIndex(edited);
      assert.deepEqual(lineStartsOf(updated), lineStartsOf(fresh));
      for (let offset = 0; offset <= edited.length; offset++) assert.deepEqual(updated.positionAt(offset), fresh.positionAt(offset));
    }),
    { numRuns: 2000 },
  );
});

test('edited: lines before the edit are kept, lines after it move, and \\r\\n joined across the edit is one break', () => {
  const text = 'a\nb\nc\nd\n';
  assert.deepEqual(lineStartsOf(new LineIndex(text).edited('a\nBB\nc\nd\n', 2, 3, 'BB')), [0, 2, 5, 7, 9]);
  assert.deepEqual(lineStartsOf(new LineIndex(text).edited('a\nb\nd\n', 4, 6, '')), [0, 2, 4, 6]);
  assert.deepEqual(lineStartsOf(new LineIndex(text).edited('a\nx\ny\nb\nc\nd\n', 2, 2, 'x\ny\n')), [0, 2, 4, 6, 8, 10, 12]);
  // A \r left before the edit and a \n inserted after it: one line break, not two.
  assert.deepEqual(lineStartsOf(new LineIndex('a\rb').edited('a\r\nb', 2, 2, '\n')), [0, 3]);
});
