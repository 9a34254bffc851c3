/**
 * Inputs built to hurt: regexes that backtrack, nesting far past any real
 * file, alias bombs, and a workspace catalog of 55,000 entries. Each is
 * checked in bounded time, and where a limit is hit the user gets one clear
 * diagnostic instead of silence, a hang or a crash.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/base/settings';
import type { Diagnostic } from '../../server/src/base/types';
import { assertDiagnosticsInside, withinBudget } from './support';

/** Generous: machines running the suite are shared. */
const BUDGET_MS = 5_000;

function check(service: LanguageService, path: string, text: string, budgetMs = BUDGET_MS): Diagnostic[] {
  const request = { file: { uri: `file://${path}`, text }, settings: DEFAULT_SETTINGS, location: { path } };
  const diagnostics = withinBudget(budgetMs, `index+validate of ${path}`, () => {
    service.index(request);
    return service.validate(request);
  });
  assertDiagnosticsInside(text, diagnostics);
  return diagnostics;
}

const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [d.code, d.severity, d.message]);

test('regexes built to backtrack are matched against label values in linear time (RE2)', () => {
  const service = new LanguageService();
  // 200 values of 5,000 "a"s and a "!": a backtracking engine needs 2^5000 steps for (a+)+$ on one of them.
  const values = Array.from({ length: 200 }, (_, i) => `${'a'.repeat(5_000)}${i}!`);
  check(service, '/w/.k1s0/catalog.yaml', `labels:\n  job:\n    values:\n${values.map((v) => `      - "${v}"\n`).join('')}`);
  for (const regex of ['(a+)+$', '(a|aa)+b', '((a*)*)*c', '(a|a?)+$', '(?:a+){1,100}$']) {
    const text = `sum(rate(http_requests_total{job=~"${regex}"}[5m]))`;
    const diagnostics = check(service, '/w/queries/q.promql', text, 2_000);
    // On the regex, quotes included; a trailing $ is also the redundant anchor it is (promql/regex-anchor).
    const onRegex = (code: string) => [code, text.indexOf('"'), text.lastIndexOf('"') + 1];
    const expected = [onRegex('catalog/label-value'), ...(regex.endsWith('$') ? [onRegex('promql/regex-anchor')] : [])];
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.character, d.range.end.character]),
      expected,
      regex,
    );
    assert.match(diagnostics[0]?.message ?? '', new RegExp(`^job=~"${regex.replace(/[()+*?|$^{}\\[\]]/g, '\\$&')}" selects nothing: the regex matches none of the known job values`));
  }
  // The same shapes matching: evaluated, not skipped.
  assert.deepEqual(check(service, '/w/queries/q.promql', 'sum(rate(http_requests_total{job=~"(a+)+7!"}[5m]))', 2_000), []);
  assert.deepEqual(check(service, '/w/queries/q.promql', 'sum(rate(http_requests_total{job=~"((a*)*)*1.*"}[5m]))', 2_000), []);
});

test('PromQL nested 10,000 deep: bounded, one clear note, in a .promql file and in a rule', () => {
  const service = new LanguageService();
  const note = ['promql/syntax', 'information', 'expression too large or too deeply nested to check fully: only lexical errors were checked'];
  const deep = `${'('.repeat(10_000)}up${')'.repeat(10_000)}`;
  const diagnostics = check(service, '/w/queries/deep.promql', deep);
  assert.deepEqual(summary(diagnostics), [note]);
  assert.deepEqual(diagnostics[0]?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: deep.length } });
  assert.deepEqual(summary(check(service, '/w/queries/calls.promql', `${'abs('.repeat(5_000)}up${')'.repeat(5_000)}`)), [note]);
  assert.deepEqual(summary(check(service, '/w/queries/unary.promql', `${'-'.repeat(10_000)}1`)), [note]);
  // Unbalanced: the lexer still finds what it can.
  assert.ok(check(service, '/w/queries/open.promql', '('.repeat(10_000)).length > 0);
  const rules = `groups:\n  - name: g\n    rules:\n      - record: job:up:deep\n        expr: ${deep}\n`;
  const inRule = check(service, '/w/rules/deep.yaml', rules);
  assert.deepEqual(
    inRule.filter((d) => d.code.startsWith('promql/')).map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]),
    [['promql/syntax', 'information', 4, 14]],
  );
});

const DEPTH_NOTE = 'Not checked: the document nests deeper than 256 levels';

test('YAML nested 10,000 levels: bounded, one "Not checked" diagnostic where the limit is crossed, for every kind of file', () => {
  const service = new LanguageService();
  const block = (levels: number, indent: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(indent + i)}k${i}:`).join('\n');
  const cases: [string, string][] = [
    ['/w/config/config.yaml', `observability:\n  log: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['/w/config/config.dev.yaml', `observability:\n  log: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`],
    ['/w/rules/flow.yaml', `groups: ${'['.repeat(10_000)}\n`],
    ['/w/rules/compact.yaml', `groups:\n  - name: g\n    rules:\n      ${'- '.repeat(10_000)}x\n`],
    ['/w/rules/block.yaml', `groups:\n  - name: g\n    rules:\n      - record: a:b:c\n        expr: up\n        labels:\n${block(300, 10)}\n`],
    ['/w/.k1s0/catalog.yaml', `metrics: ${'['.repeat(10_000)}\n`],
    ['/w/.k1s0/lint.yaml', `files: ${'{a: '.repeat(10_000)}\n`],
    ['/w/alertmanager/alertmanager.yml', `route:\n  routes: ${'[{routes: '.repeat(5_000)}\n`],
  ];
  for (const [path, text] of cases) {
    const diagnostics = check(service, path, text);
    assert.deepEqual(summary(diagnostics), [['yaml/syntax', 'error', DEPTH_NOTE]], path);
    // Exactly where the 257th level opens.
    const { line, character } = diagnostics[0]?.range.start ?? { line: -1, character: -1 };
    assert.ok(line >= 0 && /[[{\-k]/.test(text.split('\n')[line]?.[character] ?? ''), `${path}: the diagnostic sits on an opening`);
  }
  // The other documents of the stream are still checked.
  const stream = `groups:\n  - name: g\n    rules:\n      - record: job:x:rate5m\n        expr: rate(up[5m])\n---\ngroups: ${'['.repeat(10_000)}\n`;
  assert.deepEqual(
    check(service, '/w/rules/stream.yaml', stream).map((d) => [d.code, d.range.start.line]),
    [
      ['catalog/metric-type', 4],
      ['yaml/syntax', 6],
    ],
  );
});

test('alias bombs and aliases that resolve nowhere: a clear yaml/syntax error, no throw', () => {
  const service = new LanguageService();
  const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
  for (const path of ['/w/.k1s0/catalog.yaml', '/w/.k1s0/lint.yaml', '/w/config/config.yaml', '/w/alertmanager/alertmanager.yml']) {
    assert.deepEqual(
      summary(check(service, path, `${laughs}\n`)),
      [['yaml/syntax', 'error', 'Not checked: its aliases cannot be expanded (Excessive alias count indicates a resource exhaustion attack)']],
      path,
    );
    assert.deepEqual(summary(check(service, path, 'metrics: *m\n')), [['yaml/syntax', 'error', 'Unresolved alias *m: no anchor &m before it']], path);
    assert.deepEqual(summary(check(service, path, 'metrics: &m [*m]\n')), [['yaml/syntax', 'error', 'Alias *m inside the value anchored &m: the value would contain itself']], path);
  }
});

test('a catalog extension with 50,000 label values and 5,000 metrics: bounded, and its diagnostics stay short', () => {
  const service = new LanguageService();
  // 1.1 MB: far past any real catalog, and enough to show a cost per entry or a message that lists them.
  const jobs = Array.from({ length: 50_000 }, (_, i) => `      - job-${i}\n`).join('');
  const metrics = Array.from({ length: 5_000 }, (_, i) => `  - {name: m_${i}_total, type: counter, labels: [job]}\n`).join('');
  const catalog = `labels:\n  job:\n    values:\n${jobs}metrics:\n${metrics}  - {name: broken, type: countr}\n`;
  const own = check(service, '/w/.k1s0/catalog.yaml', catalog, 10_000);
  assert.deepEqual(
    own.map((d) => [d.code, d.range.start.line, d.message]),
    [['catalog/file', 50_000 + 5_000 + 4, 'metrics[5000].type must be one of counter, gauge, histogram, summary, info, stateset, unknown; got "countr"; did you mean "counter"?']],
  );
  const query = (text: string) => check(service, '/w/queries/q.promql', text);
  assert.deepEqual(query('sum(rate(m_4999_total{job="job-49999"}[5m]))'), []);
  const unknown = query('sum(rate(m_7_total{job="nope"}[5m]))');
  assert.deepEqual(
    unknown.map((d) => d.code),
    ['catalog/label-value'],
  );
  assert.equal(
    unknown[0]?.message,
    'job="nope" selects nothing: "nope" is not a known job (the workspace catalog .k1s0/catalog.yaml: job-0, job-1, job-2, job-3, job-4, job-5, job-6, job-7, … (50000 in all))',
  );
  const misspelt = query('sum(rate(m_7_totl[5m]))');
  assert.deepEqual(
    misspelt.map((d) => [d.code, d.fixes?.[0]?.edits[0]?.newText]),
    [['catalog/unknown-metric', 'm_7_total']],
  );
  const message = misspelt[0]?.message ?? '';
  assert.ok(message.includes('did you mean "m_7_total"') && message.length < 400, `the message names the suggestion, not the catalog: ${message.slice(0, 500)}`);
});

test('a catalog extension over 8 MB (100,000 long label values) is refused with one diagnostic, in bounded time', () => {
  const service = new LanguageService();
  const values = Array.from({ length: 100_000 }, (_, i) => `      - job-${i}-${'x'.repeat(80)}\n`).join('');
  const text = `labels:\n  job:\n    values:\n${values}`;
  const diagnostics = check(service, '/w/.k1s0/catalog.yaml', text, 2_000);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.message]),
    [
      [
        'catalog/file',
        'warning',
        0,
        `Not read: this catalog extension is ${Math.round(text.length / 1024)} KB, over the 8192 KB a catalog extension may have. Keep the metrics and label values your queries use (a live Prometheus, k1s0.prometheus.url, knows the rest).`,
      ],
    ],
  );
  // Nothing of it reached the vocabulary: read, it would close job's values and flag "nope".
  assert.deepEqual(
    check(service, '/w/queries/q.promql', 'up{job="nope"}').map((d) => d.code),
    [],
  );
});
