import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_JSON_DEPTH, parseJson, prop, stringOffsets } from './json';

test('string escapes map back to the escape that produced each character', () => {
  const text = '{"expr": "a{b=\\"x\\\\y\\"} \\u00e9\\n/"}';
  const { root, syntax } = parseJson(text);
  assert.deepEqual(syntax, []);
  const node = prop(root, 'expr');
  assert.ok(node);
  const offsets = stringOffsets(text, node);
  assert.equal(offsets.value, 'a{b="x\\y"} é\n/');
  const quoteAt = offsets.value.indexOf('"');
  assert.deepEqual(offsets.toDocumentRange(quoteAt, quoteAt + 1), [text.indexOf('\\"'), text.indexOf('\\"') + 2]);
  const backslash = offsets.value.indexOf('\\');
  assert.equal(text.slice(...offsets.toDocumentRange(backslash, backslash + 1)), '\\\\');
  const e = offsets.value.indexOf('é');
  assert.equal(text.slice(...offsets.toDocumentRange(e, e + 1)), '\\u00e9');
  assert.equal(text.slice(...offsets.toDocumentRange(0, offsets.value.length)), text.slice(10, -2));
  // An empty range stays empty, at the source of its offset.
  assert.deepEqual(offsets.toDocumentRange(1, 1), [11, 11]);
});

test('broken JSON: one json/syntax finding per error, with its range and a plain message', () => {
  const text = '{\n  "title": "x",\n  "panels": [1, 2,]\n}';
  const { syntax } = parseJson(text);
  assert.deepEqual(
    syntax.map((f) => [f.code, f.start, f.end, f.message]),
    [['json/syntax', 35, 36, 'Trailing comma: JSON allows no comma before "]"']],
  );
  assert.deepEqual(
    parseJson('{"a": 1 // note\n}').syntax.map((f) => f.message),
    ['Comments are not allowed in JSON'],
  );
  assert.deepEqual(
    parseJson('{"a": "\\q"}').syntax.map((f) => f.message),
    ['Invalid escape: JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX'],
  );
  assert.deepEqual(
    parseJson('').syntax.map((f) => f.message),
    ['Expected a value'],
  );
});

test('absurd nesting is refused before parsing, without throwing', () => {
  const deep = '['.repeat(MAX_JSON_DEPTH + 5);
  const { root, syntax } = parseJson(deep);
  assert.equal(root, undefined);
  assert.deepEqual(
    syntax.map((f) => [f.start, f.message]),
    [[MAX_JSON_DEPTH, `Not checked: the document nests deeper than ${MAX_JSON_DEPTH} levels`]],
  );
  assert.equal(parseJson(`"${'['.repeat(2000)}"`).syntax.length, 0, 'brackets inside strings do not count');
});
