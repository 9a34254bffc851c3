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
