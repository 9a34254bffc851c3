import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveDatasource } from './datasource';
import { parseJson, prop } from './json';
import { buildModel, dashboardOf } from './model';

const DASHBOARD = JSON.stringify({
  __inputs: [{ name: 'DS_PROM', type: 'datasource', pluginId: 'prometheus' }],
  title: 't',
  panels: [],
  templating: {
    list: [
      { name: 'datasource', type: 'datasource', query: 'prometheus' },
      { name: 'logs', type: 'datasource', query: 'loki' },
      { name: 'job', type: 'query' },
    ],
  },
});

function resolve(datasource: unknown) {
  const text = JSON.stringify({ ...JSON.parse(DASHBOARD), probe: datasource });
  const root = parseJson(text).root;
  const dashboard = dashboardOf(root);
  assert.ok(dashboard);
  const resolved = resolveDatasource(prop(root, 'probe'), buildModel(dashboard));
  return resolved && { kind: resolved.kind, ...(resolved.undefinedVariable ? { undefined: resolved.undefinedVariable.name } : {}) };
}

test('datasource references resolve to the language their queries speak', () => {
  assert.equal(resolve(null), undefined, 'null inherits');
  assert.deepEqual(resolve({ type: 'prometheus', uid: 'abc' }), { kind: 'prometheus' });
  assert.deepEqual(resolve({ type: 'loki', uid: '${logs}' }), { kind: 'loki' });
  assert.deepEqual(resolve('$datasource'), { kind: 'prometheus' }, 'a datasource variable, legacy string form');
  assert.deepEqual(resolve({ uid: '${logs}' }), { kind: 'loki' }, 'no type: the variable decides');
  assert.deepEqual(resolve('${DS_PROM}'), { kind: 'prometheus' }, 'an __inputs entry of an export');
  assert.deepEqual(resolve({ type: 'datasource', uid: '-- Mixed --' }), { kind: 'mixed' });
  assert.deepEqual(resolve('-- Mixed --'), { kind: 'mixed' });
  assert.deepEqual(resolve({ type: 'datasource', uid: '-- Dashboard --' }), { kind: 'other' });
  assert.deepEqual(resolve({ type: 'postgres', uid: 'pg' }), { kind: 'other' });
  assert.deepEqual(resolve({ type: 'grafana-amazonprometheus-datasource', uid: 'x' }), { kind: 'prometheus' });
  assert.deepEqual(resolve('Loki'), { kind: 'loki' }, 'a name says what it is');
  assert.deepEqual(resolve('P8E80F9AEF21F6940'), { kind: 'unknown' });
  assert.deepEqual(resolve('$job'), { kind: 'unknown' }, 'a variable that is not a datasource variable');
  assert.deepEqual(resolve({ type: 'prometheus', uid: '${prom}' }), { kind: 'prometheus', undefined: 'prom' });
  assert.deepEqual(resolve('$nope'), { kind: 'unknown', undefined: 'nope' });
});
