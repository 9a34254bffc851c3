import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkPromql, inferType, parsePromql } from './index';

function assertSane(expr: string): void {
  const problems = checkPromql(expr);
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i];
    assert.ok(p && p.from >= 0 && p.from <= p.to && p.to <= expr.length, `range out of bounds for ${JSON.stringify(expr)}: ${JSON.stringify(p)}`);
    assert.ok(!p.message.startsWith('internal error'), `a check threw on ${JSON.stringify(expr)}: ${p.message}`);
    if (i > 0) assert.ok((problems[i - 1]?.from ?? 0) <= p.from, 'problems are sorted by from');
  }
}

/**
 * Checks `expr` within `budgetMs` of CPU time. CPU time, not wall time: a busy machine stretches the wall clock, not the
 * work. The budgets are generous; what they tell apart is linear from quadratic or exponential (benchmarks are in bench/).
 */
function bounded(expr: string, budgetMs: number): ReturnType<typeof checkPromql> {
  const cpu = process.cpuUsage();
  const problems = checkPromql(expr);
  const { user, system } = process.cpuUsage(cpu);
  const usedMs = (user + system) / 1000;
  assert.ok(usedMs < budgetMs, `used ${usedMs.toFixed(0)} ms of CPU (budget ${budgetMs} ms)`);
  assertSane(expr);
  return problems;
}

test('deep nesting, huge inputs, pathological regexes and NUL bytes stay bounded', () => {
  bounded('('.repeat(10_000) + 'foo' + ')'.repeat(10_000), 3000);
  bounded('('.repeat(10_000) + 'foo', 3000);
  bounded('-'.repeat(10_000) + 'foo', 3000);
  bounded('abs('.repeat(5_000) + 'foo' + ')'.repeat(5_000), 3000);
  bounded(Array(80_000).fill('foo{a="b"}').join(' + '), 5000); // ~1 MB
  bounded(`foo{a="${'x'.repeat(1_000_000)}"}`, 3000);
  assert.deepEqual(bounded('foo{a=~"(a+)+$"}', 1000), []);
  bounded('foo\0bar{a="\0"}', 1000);
});

test('lezer giving up on huge inputs is a note, not a false syntax error', () => {
  const problems = bounded(Array(5_000).fill('foo').join(' + '), 3000);
  assert.deepEqual(problems.map((p) => p.severity), ['information']);
});

test('parsePromql caches by text and inferType types nodes', () => {
  assert.equal(parsePromql('rate(foo[5m])'), parsePromql('rate(foo[5m])'));
  const expr = 'sum(rate(foo[5m])) / scalar(bar)';
  assert.equal(inferType(parsePromql(expr).topNode, expr), 'instant vector');
  assert.equal(inferType(parsePromql('1 + time()').topNode, '1 + time()'), 'scalar');
  assert.equal(inferType(parsePromql('foo[5m:]').topNode, 'foo[5m:]'), 'range vector');
});

const fragments = ['foo', 'bar{a="b"}', '{a=~"x.*"}', 'rate(', 'sum by (a) (', 'topk(3, ', ')', '(', '[5m]', '[5m:1m]', ' offset 5m',
  ' @ start()', ' + ', ' and on(a) group_left(b) ', ' > bool ', '1', '0x1f', '"s"', ',', '{', '}', '[', ']', '-', 'Inf', '\0', '#c\n',
  'histogram_quantile(0.9, ', 'label_join(x, "a", ",", "b")', ' unless ', 'step()', '\\', "'", '`'];

test('property: random and mutated expressions never throw and ranges stay in bounds', () => {
  fc.assert(fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 25 }), (parts) => assertSane(parts.join(''))), { numRuns: 1500 });
  fc.assert(fc.property(fc.string({ maxLength: 60 }), assertSane), { numRuns: 1500 });
  const valid = 'sum by (job) (rate(http_requests_total{code=~"5.."}[5m] offset 1h)) / on(job) group_left sum(up)';
  fc.assert(fc.property(fc.nat(valid.length), fc.nat(4), fc.string({ maxLength: 3 }), (at, cut, insert) => {
    assertSane(valid.slice(0, at) + insert + valid.slice(at + cut));
  }), { numRuns: 1500 });
});
