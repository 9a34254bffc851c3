import assert from 'node:assert/strict';
import { test } from 'node:test';
import { argTypeAt, arityOf, functionTableSchema, promqlFunctions, removedFunctions } from './functionTable';

test('the table covers Prometheus 3 functions with their signatures', () => {
  assert.ok(promqlFunctions.size >= 85);
  const rate = promqlFunctions.get('rate');
  assert.deepEqual(rate?.args, ['range vector']);
  assert.equal(rate?.returns, 'instant vector');
  assert.equal(rate?.experimental, undefined);
  assert.equal(promqlFunctions.get('double_exponential_smoothing')?.experimental, 'promql-experimental-functions');
  assert.ok(removedFunctions.has('holt_winters'));
  assert.ok(!promqlFunctions.has('holt_winters'));
});

test('arity and variadic argument types', () => {
  const fn = (n: string) => {
    const f = promqlFunctions.get(n);
    assert.ok(f, n);
    return f;
  };
  assert.deepEqual(arityOf(fn('label_join')), { min: 3, max: Infinity });
  assert.deepEqual(arityOf(fn('round')), { min: 1, max: 2 });
  assert.deepEqual(arityOf(fn('time')), { min: 0, max: 0 });
  assert.deepEqual(arityOf(fn('histogram_quantiles')), { min: 3, max: 12 });
  assert.equal(argTypeAt(fn('label_join'), 7), 'string');
  assert.equal(argTypeAt(fn('rate'), 1), undefined);
});

test('the table is strict: a misspelt or unknown column, or a value outside a column, fails at load', () => {
  const row = { name: 'rate', args: ['range vector'], variadic: 0, returns: 'instant vector', doc: 'x' };
  const table = (fn: Record<string, unknown>) => ({
    functions: [fn],
    aggregations: [{ name: 'sum', keepsCount: true, doc: 'x' }],
    binaryOperators: [{ name: '==', node: 'Eql', kind: 'compare' }],
    removed: [],
  });
  const issues = functionTableSchema.safeParse(table({ ...row, read: 'counter', minSamples: 0, labels: 'drop-name' })).error?.issues.map((i) => `${i.path.join('.')} ${i.code}`);
  assert.deepEqual(issues, [
    'functions.0.minSamples too_small',
    'functions.0.labels invalid_value',
    'functions.0 unrecognized_keys',
    'aggregations.0 unrecognized_keys',
    'binaryOperators.0.kind invalid_value',
  ]);
});
