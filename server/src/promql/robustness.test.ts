import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Caches } from '../base/caches';
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

/** Fails past the budget; time is the lesser of wall-clock and CPU time, as test/fuzz/support.ts's withinBudget (test files run side by side). */
function timed(expr: string, budgetMs: number): ReturnType<typeof checkPromql> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const problems = checkPromql(expr);
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const elapsed = Math.min(wall, (used.user + used.system) / 1000);
  assert.ok(elapsed < budgetMs, `took ${elapsed.toFixed(0)} ms (wall ${wall.toFixed(0)} ms; budget ${budgetMs} ms)`);
  assertSane(expr);
  return problems;
}

test('deep nesting, huge inputs, pathological regexes and NUL bytes stay bounded', () => {
  timed('('.repeat(10_000) + 'foo' + ')'.repeat(10_000), 3000);
  timed('('.repeat(10_000) + 'foo', 3000);
  timed('-'.repeat(10_000) + 'foo', 3000);
  timed('abs('.repeat(5_000) + 'foo' + ')'.repeat(5_000), 3000);
  timed(Array(80_000).fill('foo{a="b"}').join(' + '), 5000); // ~1 MB
  timed(`foo{a="${'x'.repeat(1_000_000)}"}`, 3000);
  assert.deepEqual(timed('foo{a=~"(a+)+$"}', 1000), []);
  timed('foo\0bar{a="\0"}', 1000);
});

test('lezer giving up on huge inputs is a note, not a false syntax error', () => {
  const problems = timed(Array(5_000).fill('foo').join(' + '), 3000);
  assert.deepEqual(
    problems.map((p) => p.severity),
    ['information'],
  );
});

test('parsePromql caches by text (in the caches it is given) and inferType types nodes', () => {
  const caches = new Caches();
  assert.equal(parsePromql('rate(foo[5m])', caches), parsePromql('rate(foo[5m])', caches));
  const expr = 'sum(rate(foo[5m])) / scalar(bar)';
  assert.equal(inferType(parsePromql(expr).topNode, expr), 'instant vector');
  assert.equal(inferType(parsePromql('1 + time()').topNode, '1 + time()'), 'scalar');
  assert.equal(inferType(parsePromql('foo[5m:]').topNode, 'foo[5m:]'), 'range vector');
});

const fragments = [
  'foo',
  'bar{a="b"}',
  '{a=~"x.*"}',
  'rate(',
  'sum by (a) (',
  'topk(3, ',
  ')',
  '(',
  '[5m]',
  '[5m:1m]',
  ' offset 5m',
  ' @ start()',
  ' + ',
  ' and on(a) group_left(b) ',
  ' > bool ',
  '1',
  '0x1f',
  '"s"',
  ',',
  '{',
  '}',
  '[',
  ']',
  '-',
  'Inf',
  '\0',
  '#c\n',
  'histogram_quantile(0.9, ',
  'label_join(x, "a", ",", "b")',
  ' unless ',
  'step()',
  '\\',
  "'",
  '`',
];

test('property: random and mutated expressions never throw and ranges stay in bounds', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 25 }), (parts) => assertSane(parts.join(''))),
    { numRuns: 1500 },
  );
  fc.assert(fc.property(fc.string({ maxLength: 60 }), assertSane), { numRuns: 1500 });
  const valid = 'sum by (job) (rate(http_requests_total{code=~"5.."}[5m] offset 1h)) / on(job) group_left sum(up)';
  fc.assert(
    fc.property(fc.nat(valid.length), fc.nat(4), fc.string({ maxLength: 3 }), (at, cut, insert) => {
      assertSane(valid.slice(0, at) + insert + valid.slice(at + cut));
    }),
    { numRuns: 1500 },
  );
});
