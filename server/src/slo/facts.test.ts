import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serviceSelectors } from './facts';
import { accepts } from './model';

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
