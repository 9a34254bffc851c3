import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from './parse';
import { spanOf } from '../../../../test/support/text';

const syntax = (text: string) => parseYaml(text).syntax.map((f) => ({ span: [f.start, f.end], message: f.message, code: f.code }));

test('a tab used as indentation is one error on the tab', () => {
  const text = 'observability:\n  log:\n    level: debug\n\tformat: text\n';
  assert.deepEqual(syntax(text), [{ span: spanOf(text, '\t'), message: 'Tabs are not allowed as indentation', code: 'yaml/syntax' }]);
});

test('a duplicate key is reported on the whole second key', () => {
  const text = 'log:\n  level: debug\n  level: info\n';
  assert.deepEqual(syntax(text), [{ span: spanOf(text, 'level', 1), message: 'Duplicate key "level": map keys must be unique', code: 'yaml/syntax' }]);
});

test('every error of a document is reported, each once', () => {
  const text = 'a: [1, 2\nb: "open\n';
  assert.deepEqual(syntax(text), [
    { span: [9, 10], message: 'Flow sequence in block collection must be sufficiently indented and end with a ]', code: 'yaml/syntax' },
    { span: [text.length, text.length], message: 'Missing closing "quote', code: 'yaml/syntax' },
  ]);
});

test('multi-document streams parse every document; an empty stream has none', () => {
  assert.equal(parseYaml('a: 1\n---\nb: 2\n').documents.length, 2);
  assert.deepEqual(parseYaml('').documents, []);
  assert.deepEqual(parseYaml('').syntax, []);
});

test('hostile input never throws', () => {
  for (const text of ['\u0000\u0001', '{'.repeat(10000), '- '.repeat(5000), ': : :', '"\\', '\ufeffa: 1', '&a [*a]', 'a: !!binary x']) {
    assert.doesNotThrow(() => parseYaml(text));
  }
});
