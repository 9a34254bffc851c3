import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promqlContextAt } from './promqlContext';

/** The context at the `|` caret of `marked`. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'caret missing');
  return promqlContextAt(marked.replace('|', ''), offset);
}

test('a bare word is an expression position: metric, function, aggregation or keyword', () => {
  assert.deepEqual(at('http_req|'), { kind: 'expression', from: 0, to: 8 });
  assert.deepEqual(at('sum(ra|te(x[5m]))'), { kind: 'expression', from: 4, to: 8 });
  assert.deepEqual(at('service:http_err|ors:rate5m > 0.05'), { kind: 'expression', from: 0, to: 26 });
  assert.deepEqual(at('|'), { kind: 'expression', from: 0, to: 0 });
});

test('inside braces: label names for the metric, without those already used', () => {
  assert.deepEqual(at('http_requests_total{|'), { kind: 'label-name', metric: 'http_requests_total', used: [], from: 20, to: 20 });
  assert.deepEqual(at('http_requests_total{status="500", me|}'), { kind: 'label-name', metric: 'http_requests_total', used: ['status'], from: 34, to: 36 });
  assert.deepEqual(at('{|'), { kind: 'label-name', metric: undefined, used: [], from: 1, to: 1 });
});

test('inside a quoted matcher value: the label and the metric', () => {
  assert.deepEqual(at('up{job="auth|"}'), { kind: 'label-value', metric: 'up', label: 'job', quote: '"', from: 8, to: 12 });
  assert.deepEqual(at("rate(http_requests_total{tier=~'sys|"), { kind: 'label-value', metric: 'http_requests_total', label: 'tier', quote: "'", from: 32, to: 35 });
  assert.deepEqual(at('up{job="a", instance!="|"}'), { kind: 'label-value', metric: 'up', label: 'instance', quote: '"', from: 23, to: 23 });
});

test('grouping clauses and ranges', () => {
  assert.deepEqual(at('sum(rate(x[5m])) by (serv|'), { kind: 'grouping-label', from: 21, to: 25 });
  assert.deepEqual(at('a / on(|) b'), { kind: 'grouping-label', from: 7, to: 7 });
  assert.deepEqual(at('sum without (le, |) (x)'), { kind: 'grouping-label', from: 17, to: 17 });
  assert.deepEqual(at('rate(x[|'), { kind: 'duration', from: 7, to: 7 });
  assert.deepEqual(at('rate(x[5|m])'), { kind: 'duration', from: 7, to: 9 });
});

test('strings that are not matcher values and comments get nothing', () => {
  assert.deepEqual(at('label_replace(up, "dst|", "$1", "src", "(.*)")'), { kind: 'none' });
  assert.deepEqual(at('up # a comm|ent'), { kind: 'none' });
});
