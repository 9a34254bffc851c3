import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serviceSelectors } from './facts';
import { accepts } from './model';
import { DEFAULT_SETTINGS } from '../base/settings';
import { LanguageService } from '../service/languageService';

test('serviceSelectors: the matchers on service, tier and job of each selector', () => {
  assert.deepEqual(serviceSelectors('sum(rate(http_requests_total{service="api", code="500"}[5m])) / sum(rate(http_requests_total{job=~"api|web"}[5m]))'), [
    [{ label: 'service', op: '=', value: 'api' }],
    [{ label: 'job', op: '=~', value: 'api|web' }],
  ]);
  assert.deepEqual(serviceSelectors('up{tier!="system"} == 0 and on(instance) node_up'), [[{ label: 'tier', op: '!=', value: 'system' }], []]);
  // Quoted label names, escapes included, are still read.
  assert.deepEqual(serviceSelectors('up{"s\\x65rvice"="api"}'), [[{ label: 'service', op: '=', value: 'api' }]]);
  // Grafana variables outside strings: lezer recovers, the selectors are still there.
  assert.deepEqual(serviceSelectors('rate(x{job="a"}[$__rate_interval])'), [[{ label: 'job', op: '=', value: 'a' }]]);
});

test('serviceSelectors: an expression that names none of the labels restricts no service', () => {
  for (const expr of ['up == 0', 'rate(foo{code="500"}[5m]) > 1', '', '   ']) {
    const selectors = serviceSelectors(expr);
    assert.ok(
      selectors.every((s) => s.length === 0),
      expr,
    );
    assert.ok(
      selectors.every((s) => accepts(s, { name: 'api', tier: 'system', jobs: ['api'] })),
      expr,
    );
  }
});

test('alertFacts after edits (rules kept, moved, rewritten) are what a fresh reading of the text gives', () => {
  const alert = (name: string, expr: string, extra = '') => `      - alert: ${name}\n        expr: ${expr}\n${extra}`;
  let text = `groups:\n  - name: g\n    rules:\n${alert('A', 'up{service="api"} == 0', '        for: 5m\n        labels:\n          severity: page\n')}${alert('B', 'rate(x{job="b"}[5m]) > 1')}${alert('C', 'up == 0', '        labels:\n          team: x\n')}`;
  const uri = 'file:///w/alerts.yaml';
  const request = (t: string) => ({ file: { uri, text: t }, settings: DEFAULT_SETTINGS, location: { path: '/w/alerts.yaml' } });
  const edited = new LanguageService();
  edited.index(request(text));
  for (const [from, to] of [
    ['5m', '10m'], // longer: the rules after it move
    ['api', 'web'], // same length: the others stay as they were
    ['job="b"', 'service="b"'],
    ['team: x', 'severity: low'],
    ['== 0', '== 1'],
  ] as const) {
    text = text.replace(from, to);
    edited.index(request(text));
    const fresh = new LanguageService();
    fresh.index(request(text));
    assert.deepEqual(edited.definitions(uri).alerts, fresh.definitions(uri).alerts, `${from} → ${to}`);
    assert.equal(JSON.stringify(edited.definitions(uri).alerts), JSON.stringify(fresh.definitions(uri).alerts), 'keys in the same order');
  }
  assert.deepEqual(
    edited.definitions(uri).alerts?.map((a) => [a.name, a.severity, a.for, a.selectors]),
    [
      ['A', 'page', '10m', [[{ label: 'service', op: '=', value: 'web' }]]],
      ['B', undefined, undefined, [[{ label: 'service', op: '=', value: 'b' }]]],
      ['C', 'low', undefined, []],
    ],
  );
});
