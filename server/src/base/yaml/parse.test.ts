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

test('aliases that cannot be resolved are errors of their document, not a throw in a later toJS()', () => {
  const check = (text: string) => {
    const parsed = parseYaml(text);
    for (const document of parsed.documents) if (document.errors.length === 0) assert.doesNotThrow(() => document.toJS());
    return parsed.syntax.map((f) => [text.slice(f.start, f.end), f.message]);
  };
  assert.deepEqual(check('a: *x\n'), [['*x', 'Unresolved alias *x: no anchor &x before it']]);
  assert.deepEqual(check('b: *x\na: &x 1\n'), [['*x', 'Unresolved alias *x: no anchor &x before it']], 'an anchor after its alias');
  assert.deepEqual(check('&a [*a]'), [['*a', 'Alias *a inside the value anchored &a: the value would contain itself']]);
  const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcde'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcde'[i]}`).join(', ')}]`)].join('\n');
  assert.deepEqual(check(laughs), [['*a', 'Not checked: its aliases cannot be expanded (Excessive alias count indicates a resource exhaustion attack)']]);
  assert.deepEqual(check('a: &x 1\nb: *x\nc: "*y"\n'), [], 'a resolved alias and an asterisk in a string are fine');
  assert.deepEqual(parseYaml('a: &x [1]\nb: *x\n').documents[0]?.toJS(), { a: [1], b: [1] });
});

test('a lone CR ends a line, as in YAML 1.2 and the editor; offsets stay those of the text', () => {
  const lf = 'a: 1\nb:\n  c: [2, 3]\n';
  const cr = lf.replace(/\n/g, '\r');
  assert.deepEqual(parseYaml(cr).documents[0]?.toJS(), parseYaml(lf).documents[0]?.toJS());
  assert.deepEqual(parseYaml(cr).syntax, []);
  const broken = 'a: 1\r  b: 2\r';
  assert.deepEqual(syntax(broken), syntax(broken.replace(/\r/g, '\n')));
});

test('too deep: the "Not checked" finding, and the documents before the cut still say what the file is', () => {
  const text = `groups:\n  - name: ok\n---\ngroups: ${'['.repeat(400)}\n`;
  const parsed = parseYaml(text);
  assert.deepEqual(
    parsed.syntax.map((f) => [f.start, f.message]),
    [[text.indexOf('[') + 254, 'Not checked: the document nests deeper than 256 levels']],
  );
  assert.deepEqual(
    parsed.documents.map((d) => d.errors.length > 0),
    [false, true],
  );
  assert.deepEqual(parsed.documents[0]?.toJS(), { groups: [{ name: 'ok' }] });
  assert.ok(parsed.documents[1]?.has('groups'), 'the cut document still shows its top-level key');
});
