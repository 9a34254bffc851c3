/**
 * Shared parts of the fuzz tests: real seed documents of every kind the
 * service checks, fast-check mutators that break them the way editors and
 * file systems do, and the invariants every answer must keep.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/base/lineIndex';
import type { Diagnostic, Range } from '../../server/src/base/types';

const ROOT = join(__dirname, '../..');
const EXAMPLES = join(ROOT, 'examples');

export type SeedKind = 'config' | 'rules' | 'dashboard' | 'promql' | 'catalog' | 'provisioning' | 'prometheus' | 'alertmanager' | 'lint' | 'crd' | 'loki' | 'promtail';

export interface Seed {
  kind: SeedKind;
  /** Where the document pretends to live: the name decides how the service reads it. */
  path: string;
  text: string;
}

const read = (path: string) => readFileSync(path, 'utf8');

/** Real documents: the example workspace and hand-written ones (never the public corpus: npm test reads nothing outside the repository). */
export function loadSeeds(): Seed[] {
  return [
    { kind: 'config', path: '/w/config/config.yaml', text: read(join(EXAMPLES, 'config/config.yaml')) },
    { kind: 'config', path: '/w/config/config.dev.yaml', text: read(join(EXAMPLES, 'config/config.dev.yaml')) },
    { kind: 'config', path: '/w/svc/config/config.staging.yaml', text: read(join(EXAMPLES, 'regions/business/accounting/server/go/ledger/config/config.staging.yaml')) },
    { kind: 'rules', path: '/w/prometheus/recording_rules.yaml', text: read(join(EXAMPLES, 'infra/docker/prometheus/recording_rules.yaml')) },
    { kind: 'rules', path: '/w/prometheus/alerting_rules.yaml', text: read(join(EXAMPLES, 'infra/docker/prometheus/alerting_rules.yaml')) },
    { kind: 'rules', path: '/w/alerts/business-tier-alerts.yaml', text: read(join(EXAMPLES, 'infra/observability/prometheus/alerts/business-tier-alerts.yaml')) },
    { kind: 'crd', path: '/w/k8s/rule.yaml', text: read(join(ROOT, 'server/src/rules/fixtures/prometheus-rule-crd.yaml')) },
    { kind: 'dashboard', path: '/w/dashboards/system-overview.json', text: read(join(EXAMPLES, 'infra/docker/grafana/dashboards/system-overview.json')) },
    { kind: 'dashboard', path: '/w/dashboards/k1s0-service.json', text: read(join(EXAMPLES, 'infra/docker/grafana/dashboards/k1s0-service.json')) },
    { kind: 'catalog', path: '/w/.k1s0/catalog.yaml', text: read(join(EXAMPLES, '.k1s0/catalog.yaml')) },
    { kind: 'prometheus', path: '/w/prometheus/prometheus.yaml', text: read(join(EXAMPLES, 'infra/docker/prometheus/prometheus.yaml')) },
    { kind: 'alertmanager', path: '/w/alertmanager/alertmanager.yml', text: read(join(EXAMPLES, 'infra/observability/alertmanager/alertmanager.yml')) },
    { kind: 'provisioning', path: '/w/grafana/provisioning/datasources/datasources.yaml', text: read(join(EXAMPLES, 'infra/docker/grafana/provisioning/datasources/datasources.yaml')) },
    { kind: 'provisioning', path: '/w/grafana/provisioning/dashboards/dashboard.yml', text: read(join(EXAMPLES, 'infra/docker/grafana/provisioning/dashboards/dashboard.yml')) },
    { kind: 'loki', path: '/w/infra/docker/loki/loki-config.yaml', text: read(join(EXAMPLES, 'infra/docker/loki/loki-config.yaml')) },
    { kind: 'loki', path: '/w/loki/loki-config.prod.yaml', text: read(join(EXAMPLES, 'infra/observability/loki/loki-config.prod.yaml')) },
    { kind: 'loki', path: '/w/loki/broken.yaml', text: read(join(ROOT, 'server/src/loki/fixtures/broken-loki.yaml')) },
    { kind: 'promtail', path: '/w/promtail/promtail-config.yaml', text: read(join(EXAMPLES, 'infra/docker/promtail/promtail-config.yaml')) },
    { kind: 'promtail', path: '/w/promtail/broken.yaml', text: read(join(ROOT, 'server/src/promtail/fixtures/broken-promtail.yaml')) },
    {
      kind: 'lint',
      path: '/w/.k1s0/lint.yaml',
      text: 'diagnostics:\n  severity: { config/policy: "off", yaml: warning }\nfiles:\n  rules: ["deploy/**/*.rules.yaml"]\n  maxFileSizeKB: 4096\nconfig:\n  environments: { "deploy/dev/**": dev }\n',
    },
    {
      kind: 'promql',
      path: '/w/queries/errors.promql',
      text: 'sum by (service) (rate(http_requests_total{status=~"5..", tier="system"}[5m]))\n  / on(service) group_left sum by (service) (rate(http_requests_total[5m]))\n',
    },
    { kind: 'promql', path: '/w/queries/p99.promql', text: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job=~"(a+)+$"}[5m]))) > 0.3' },
    {
      kind: 'rules',
      path: '/w/rules/suppressed.yaml',
      text: 'groups:\n  - name: g\n    rules:\n      # k1s0-disable-next-line promql/counter -- raw on purpose\n      - record: job:up:sum\n        expr: sum by (job) (up)\n      - alert: Down\n        expr: up == 0 # k1s0-disable catalog\n        for: 5m\n        labels: { severity: critical }\n        annotations: { summary: "{{ $labels.job }} down" }\n',
    },
  ];
}

/** Bits of text that trip parsers: indicators, escapes, NUL, lone surrogates, BOM, odd line breaks. */
export const HOSTILE = [
  '\0',
  '\uFEFF',
  '\uD800',
  '\uDFFF',
  '\uDBFF\uDFFF',
  '\uFFFD',
  '\r',
  '\r\n',
  '\n',
  '\t',
  '\u2028',
  '\u0085',
  ':',
  ': ',
  '- ',
  '? ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '`',
  '\\',
  '\\u',
  '#',
  ' #',
  '|',
  '>-',
  '&a ',
  '*a',
  '!!str ',
  '%YAML 1.2\n',
  '---\n',
  '...\n',
  '{{',
  '}}',
  '{{ $labels.',
  '$__rate_interval',
  '${x}',
  '(',
  ')',
  'rate(',
  'sum by (',
  '=~"',
  '"(a+)+$"',
  '[5m]',
  ' offset -1h',
  ' @ ',
  '\n  expr: ',
  '\n      - record: x:y:z\n        expr: ',
  '\n  - alert: A\n',
  'observability:\n',
  '  trace:\n    sample_rate: ',
  '"expr": "',
  '"panels": [',
  '"targets": [{',
  '# k1s0-disable-next-line ',
  '# k1s0-disable ',
  'é',
  '日本',
  '😀',
  '\u200B',
  '1e999',
  '-0',
  'NaN',
  '.inf',
  '0x',
  '9'.repeat(30),
];

/** A lone UTF-16 surrogate: what a decoder that does not validate leaves of a broken sequence. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** A string mixing hostile bits with arbitrary code points and lone surrogates. */
export const hostileText = (maxLength: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 4 }), fc.string({ unit: 'grapheme-ascii', maxLength: 6 }), loneSurrogate), { maxLength })
    .map((parts) => parts.join(''));

/** One way to break a document; `pick` supplies the random choices, `others` text to splice in. */
export type Mutation = (text: string, pick: (n: number) => number, others: readonly string[]) => string;

const slicePoint = (text: string, pick: (n: number) => number) => pick(text.length + 1);

export const MUTATIONS: Record<string, Mutation> = {
  truncate: (text, pick) => text.slice(0, slicePoint(text, pick)),
  dropRange: (text, pick) => {
    const at = slicePoint(text, pick);
    return text.slice(0, at) + text.slice(at + 1 + pick(200));
  },
  splice: (text, pick, others) => {
    const other = others[pick(others.length)] ?? '';
    const from = slicePoint(other, pick);
    const at = slicePoint(text, pick);
    return text.slice(0, at) + other.slice(from, from + 1 + pick(400)) + text.slice(at);
  },
  hostile: (text, pick) => {
    const at = slicePoint(text, pick);
    return text.slice(0, at) + (HOSTILE[pick(HOSTILE.length)] ?? '') + text.slice(at);
  },
  duplicateLine: (text, pick) => {
    const lines = text.split('\n');
    const at = pick(lines.length);
    lines.splice(at, 0, lines[at] ?? '');
    return lines.join('\n');
  },
  reindent: (text, pick) => {
    const lines = text.split('\n');
    const at = pick(lines.length);
    lines[at] = ' '.repeat(pick(12)) + (lines[at] ?? '').trimStart();
    return lines.join('\n');
  },
  crlf: (text) => text.replace(/\r?\n/g, '\r\n'),
  cr: (text) => text.replace(/\r?\n/g, '\r'),
  mixedEol: (text, pick) => text.replace(/\n/g, () => ['\n', '\r\n', '\r'][pick(3)] ?? '\n'),
  bom: (text) => `\uFEFF${text}`,
  nul: (text, pick) => {
    const at = slicePoint(text, pick);
    return `${text.slice(0, at)}\0${text.slice(at)}`;
  },
  loneSurrogate: (text, pick) => {
    // What a decoder that does not validate makes of a split UTF-8 / UTF-16 sequence.
    const at = slicePoint(text, pick);
    return text.slice(0, at) + ['\uD83D', '\uDE00', '\uDBFF', '\uDC00'][pick(4)] + text.slice(at);
  },
  quoteFlip: (text, pick) => {
    const at = text.indexOf('"', slicePoint(text, pick));
    return at < 0 ? text : `${text.slice(0, at)}'${text.slice(at + 1)}`;
  },
  nest: (text, pick) => {
    // Around the depth limits: YAML's 256 levels, JSON's 512, the PromQL parser's 1,000.
    const at = slicePoint(text, pick);
    const opener = ['[', '{', '{"a": ', '{a: ', '- ', '(', 'sum(', '\n' + ' '.repeat(1)][pick(8)] ?? '[';
    return text.slice(0, at) + opener.repeat(200 + pick(1_000)) + text.slice(at);
  },
  longLine: (text, pick) => {
    const at = slicePoint(text, pick);
    return text.slice(0, at) + 'x'.repeat(2_000 + pick(20_000)) + text.slice(at);
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** A seed broken by 1–4 mutations, chosen and placed by fast-check. */
export function mutatedDocument(seeds: readonly Seed[]) {
  const others = seeds.map((s) => s.text);
  return fc
    .record({
      seed: fc.nat(seeds.length - 1),
      steps: fc.array(fc.tuple(fc.constantFrom(...MUTATION_NAMES), fc.array(fc.nat(), { minLength: 4, maxLength: 4 })), { minLength: 1, maxLength: 4 }),
    })
    .map(({ seed, steps }) => {
      const base = seeds[seed] as Seed;
      let text = base.text;
      for (const [name, numbers] of steps) {
        let next = 0;
        const pick = (n: number) => (n <= 0 ? 0 : (numbers[next++ % numbers.length] ?? 0) % n);
        text = (MUTATIONS[name] as Mutation)(text, pick, others);
      }
      return { ...base, text, steps: steps.map(([name]) => name) };
    });
}

/** Lengths of every line without its line break, as LSP counts lines (\r\n, \n and \r). */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

/** A range lies inside the document and does not run backwards. */
export function assertRangeInside(range: Range, lengths: readonly number[], what: string): void {
  for (const end of [range.start, range.end]) {
    assert.ok(Number.isInteger(end.line) && end.line >= 0 && end.line < lengths.length, `${what}: line ${end.line} outside 0..${lengths.length - 1}`);
    const length = lengths[end.line] ?? 0;
    assert.ok(Number.isInteger(end.character) && end.character >= 0 && end.character <= length, `${what}: character ${end.character} outside line ${end.line} of length ${length}`);
  }
  const { start, end } = range;
  assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${what}: ends before it starts ${JSON.stringify(range)}`);
}

/** Every diagnostic, fix and disable edit lies inside the document. */
export function assertDiagnosticsInside(text: string, diagnostics: readonly Diagnostic[]): void {
  const lengths = lineLengths(text);
  assert.equal(lengths.length, new LineIndex(text).lineCount, 'line counting agrees with LineIndex');
  for (const d of diagnostics) {
    const what = `${d.code} "${d.message.slice(0, 80)}"`;
    assertRangeInside(d.range, lengths, what);
    assert.ok(d.message.length > 0, `${d.code}: empty message`);
    if (d.disableLine !== undefined) assert.ok(d.disableLine >= 0 && d.disableLine < lengths.length, `${what}: disable line ${d.disableLine} outside the document`);
    for (const fix of d.fixes ?? []) {
      for (const edit of fix.edits) assertRangeInside(edit.range, lengths, `${what} fix "${fix.title}"`);
    }
  }
}

/**
 * Runs `run`, fails when it takes longer than `budgetMs`, and returns its result. Time is
 * the lesser of wall-clock and CPU time: on a shared, loaded machine the wall clock runs
 * on while we wait for a core, and with parallel GC threads CPU time outruns the wall
 * clock; work that is really too slow shows in both.
 */
export function withinBudget<T>(budgetMs: number, what: string, run: () => T): T {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const elapsed = Math.min(wall, (used.user + used.system) / 1000);
  assert.ok(elapsed < budgetMs, `${what} took ${elapsed.toFixed(0)} ms (wall ${wall.toFixed(0)} ms; budget ${budgetMs} ms)`);
  return result;
}
