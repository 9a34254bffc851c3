import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findVariableReferences, substitute } from './variables';

const names = (text: string) => findVariableReferences(text).map((r) => [r.name, text.slice(r.from, r.to)]);

test('every Grafana variable syntax is found; regex back-references are not variables', () => {
  assert.deepEqual(names('a{x=~"$job", y="${instance}", z="${pod:regex}", w="[[node]]", v="${obj.field}"}'), [
    ['job', '$job'],
    ['instance', '${instance}'],
    ['pod', '${pod:regex}'],
    ['node', '[[node]]'],
    ['obj', '${obj.field}'],
  ]);
  assert.deepEqual(names('label_replace(up, "a", "$1", "b", "(.*)")'), []);
  assert.deepEqual(names('rate(x[$__rate_interval ])'), [['__rate_interval', '$__rate_interval']]);
});

const read = (text: string, types: Record<string, string> = {}, reading: 'number' | 'identifier' | 'current' = 'number', current: Record<string, string> = {}) =>
  substitute(
    text,
    findVariableReferences(text),
    (n) => types[n],
    reading,
    (n) => current[n],
  ).value;

test('stand-ins take the kind of their position', () => {
  assert.equal(read('rate(x{job=~"$job"}[$__rate_interval])'), 'rate(x{job=~"job"}[5m])');
  assert.equal(read('max_over_time(x[$__range:$__rate_interval]) offset $off'), 'max_over_time(x[5m:5m]) offset 5m');
  assert.equal(read('sum by ($group, le) ($metric{a="b"}) > $threshold'), 'sum by (group, le) (metric{a="b"}) > 1');
  assert.equal(read('{$label_name=~"$label_value"}'), '{label_name=~"label_value"}');
  assert.equal(read('node_${kind}_total / $__interval_ms @ $__to'), 'node_kind_total / 1 @ 1');
  assert.equal(read('x[$window]', { window: 'interval' }), 'x[5m]');
  assert.equal(read('avg($metric)', {}, 'identifier'), 'avg(metric)');
  assert.equal(read('a $op b', {}, 'current', { op: 'unless' }), 'a unless b');
  assert.equal(read("x # don't $a\n+ y[$__range]"), "x # don't a\n+ y[5m]", 'quotes in comments open no string');
});

test('offsets map back to the variable, and stand-ins are marked', () => {
  const text = 'rate(x{job=~"$job"}[$__rate_interval])';
  const s = substitute(text, findVariableReferences(text), () => undefined);
  const at = s.value.indexOf('5m');
  assert.deepEqual(s.toOriginal(at, at + 2), [text.indexOf('$__rate'), text.indexOf(']')]);
  assert.equal(s.isSubstituted(at, at + 1), true);
  assert.equal(s.isSubstituted(0, 4), false);
  assert.deepEqual(s.toOriginal(0, 4), [0, 4]);
  assert.deepEqual(s.toOriginal(s.value.length, s.value.length), [text.length, text.length]);
});
