import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from './lineIndex';

test('isAt, isOnLine and lineAt answer what positionAt says, for every offset of any text, in and out of range', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', '\n', '\r', '\r\n', '😀'), { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      const index = new LineIndex(text);
      for (let offset = -2; offset <= text.length + 2; offset++) {
        const position = index.positionAt(offset);
        assert.equal(index.lineAt(offset), position.line);
        for (let line = -1; line <= index.lineCount; line++) assert.equal(index.isOnLine(line, offset), line === position.line);
        assert.equal(index.isAt(position, offset), true);
        assert.equal(index.isAt({ ...position, character: position.character + 1 }, offset), false);
        assert.equal(index.isAt({ ...position, line: position.line + 1 }, offset), false);
        assert.equal(index.isAt({ ...position, line: position.line - 1 }, offset), false);
        assert.equal(index.isAt({ ...position, character: position.character - 1 }, offset), false);
      }
    }),
  );
});
