/**
 * Fuzzing the language service with real documents broken the way editors,
 * merges and file systems break them (truncated, spliced, CR/CRLF, BOM, NUL,
 * lone surrogates, long lines) and with structured random ones. Whatever the
 * input: index() and validate() do not throw, finish within a budget, and
 * place every diagnostic and fix inside the document; the editor features
 * answer at any position without throwing, inside the document too.
 * fast-check prints the seed and the shrunk case of a failure; set
 * K1S0_FUZZ_SCALE to run more cases (e.g. 20 for a long hunt).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { EditorFeatures } from '../../server/src/features/editorFeatures';
import type { SymbolTree } from '../../server/src/features/symbols';
import { LanguageService } from '../../server/src/service/languageService';
import { LineIndex } from '../../server/src/base/lineIndex';
import { DEFAULT_SETTINGS } from '../../server/src/base/settings';
import type { Diagnostic, Position } from '../../server/src/base/types';
import { assertDiagnosticsInside, assertRangeInside, hostileText, lineLengths, loadSeeds, mutatedDocument, withinBudget, type Seed } from './support';

const SCALE = Math.max(1, Number(process.env.K1S0_FUZZ_SCALE ?? 1));
const runs = (n: number) => ({ numRuns: Math.round(n * SCALE), seed: Number(process.env.K1S0_FUZZ_SEED ?? 0x6b31), includeErrorInReport: true });
/** Per document, for the small fuzzed ones; the big hostile ones get their own. */
const SMALL_BUDGET_MS = 2_000;
const BIG_BUDGET_MS = 5_000;

const seeds = loadSeeds();
const uriOf = (path: string) => `file://${path}`;

function newService(): { service: LanguageService; features: EditorFeatures } {
  const service = new LanguageService();
  // Every seed indexed first, so mutated files meet a workspace with recording rules, a catalog and dashboards.
  for (const seed of seeds) service.index({ file: { uri: uriOf(seed.path), text: seed.text }, settings: DEFAULT_SETTINGS, location: { path: seed.path } });
  const features = new EditorFeatures(service, (uri) => ({ settings: DEFAULT_SETTINGS, location: { path: uri.replace(/^file:\/\//, '') } }));
  return { service, features };
}

/** index() and validate() one document; asserts the budget and the ranges, returns the diagnostics. */
function check(service: LanguageService, path: string, text: string, budgetMs = SMALL_BUDGET_MS): Diagnostic[] {
  const request = { file: { uri: uriOf(path), text }, settings: DEFAULT_SETTINGS, location: { path } };
  const diagnostics = withinBudget(budgetMs, `index+validate of ${path} (${text.length} chars)`, () => {
    service.index(request);
    return service.validate(request);
  });
  assertDiagnosticsInside(text, diagnostics);
  return diagnostics;
}

function assertSymbolsInside(symbols: readonly SymbolTree[], lengths: readonly number[]): void {
  for (const symbol of symbols) {
    assertRangeInside(symbol.range, lengths, `symbol ${symbol.name}`);
    assertRangeInside(symbol.selectionRange, lengths, `symbol ${symbol.name} selection`);
    assertSymbolsInside(symbol.children, lengths);
  }
}

/** Every position-based feature at `position`: no throw, and what points into this document points inside it. */
function exerciseFeatures(features: EditorFeatures, path: string, text: string, position: Position): void {
  const file = { uri: uriOf(path), text };
  const lengths = lineLengths(text);
  const request = { file, position };
  for (const item of features.completion(request)) assertRangeInside(item.range, lengths, `completion ${item.label}`);
  const hover = features.hover(request);
  if (hover) assertRangeInside(hover.range, lengths, 'hover');
  features.signatureHelp(request);
  for (const target of [...features.definition(request), ...features.references(request, true)]) {
    if (target.uri === file.uri) assertRangeInside(target.range, lengths, 'location');
  }
  const prepared = features.prepareRename(request);
  if ('range' in prepared) assertRangeInside(prepared.range, lengths, 'prepareRename');
  assertSymbolsInside(features.documentSymbols(file), lengths);
}

/** A position anywhere, including one line and a few characters past the end. */
const position = fc.tuple(fc.nat(), fc.nat()).map(([line, character]) => ({ line, character }));
function placed(text: string, [line, character]: [number, number]): Position {
  const lengths = lineLengths(text);
  const l = line % (lengths.length + 1);
  return { line: l, character: character % ((lengths[l] ?? 0) + 3) };
}

test('mutated real documents of every kind: validated fast, diagnostics and fixes inside the document', () => {
  const { service } = newService();
  fc.assert(
    fc.property(mutatedDocument(seeds), fc.nat(seeds.length * 4), (doc, rename) => {
      // Now and then the text goes under another kind's name (a rule file named config.yaml, JSON as YAML).
      const path = rename < seeds.length ? (seeds[rename] as Seed).path : doc.path;
      check(service, path, doc.text);
    }),
    runs(400),
  );
});

test('random text under every kind of name: validated fast, diagnostics inside the document', () => {
  const { service } = newService();
  fc.assert(
    fc.property(hostileText(80), fc.nat(seeds.length - 1), (text, which) => {
      check(service, (seeds[which] as Seed).path, text);
    }),
    runs(400),
  );
});

const exprFragments = [
  'up',
  'http_requests_total',
  'service:http_requests:rate5m',
  '{job=~"(a+)+$"}',
  '{tier="system",status=~"5.."}',
  'rate(',
  'sum by (service, le) (',
  'histogram_quantile(0.99, ',
  ')',
  '[5m]',
  '[1m:]',
  ' offset 5m',
  ' / ',
  ' > ',
  ' and on(job) ',
  '0.3',
  '"x"',
  '\0',
  '\uD800',
  '$__rate_interval',
  '${svc}',
  '{{ $value }}',
];
const expr = fc.array(fc.constantFrom(...exprFragments), { maxLength: 12 }).map((parts) => parts.join(''));
const scalar = fc.oneof(expr, fc.string({ maxLength: 8 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), hostileText(6));
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('any'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('name', 'expr', 'for', 'labels', 'annotations', 'severity', 'tier', 'type', 'values'), tie('any'), { maxKeys: 3 }),
  ),
})).any;
const rule = fc.record(
  {
    record: fc.oneof(fc.constantFrom('job:up:sum', 'service:http_requests:rate5m', 'bad name'), scalar),
    alert: fc.oneof(fc.constantFrom('HighErrorRate', ''), scalar),
    expr: fc.oneof(expr, value),
    for: fc.oneof(fc.constantFrom('5m', '5 minutes', '-1s'), scalar),
    labels: value,
    annotations: value,
    extra: value,
  },
  { requiredKeys: ['expr'] },
);

test('structured random rule files, configs, dashboards and catalogs: validated fast, diagnostics inside', () => {
  const { service } = newService();
  const documents = fc.oneof(
    fc
      .record({ groups: fc.array(fc.record({ name: scalar, interval: scalar, rules: fc.array(fc.oneof(rule, value), { maxLength: 4 }) }, { requiredKeys: ['rules'] }), { maxLength: 3 }) })
      .map((doc) => ({ path: '/w/rules/random.yaml', text: stringify(doc) })),
    fc
      .record({ observability: fc.record({ log: value, trace: fc.record({ enabled: scalar, endpoint: scalar, sample_rate: fc.oneof(fc.double(), scalar) }), metrics: value }), app: value })
      .map((doc) => ({ path: '/w/config/config.prod.yaml', text: stringify(doc) })),
    fc
      .record({
        title: scalar,
        panels: fc.array(fc.record({ type: scalar, datasource: value, targets: fc.array(fc.record({ expr, refId: scalar, datasource: value }), { maxLength: 3 }) }), { maxLength: 3 }),
        templating: fc.record({ list: fc.array(value, { maxLength: 2 }) }),
      })
      .map((doc) => ({ path: '/w/dashboards/random.json', text: JSON.stringify(doc, null, 1) })),
    fc
      .record({ metrics: fc.array(value, { maxLength: 3 }), labels: fc.dictionary(fc.string({ maxLength: 5 }), value, { maxKeys: 3 }), services: value, tiers: value })
      .map((doc) => ({ path: '/w/.k1s0/catalog.yaml', text: stringify(doc) })),
  );
  fc.assert(
    fc.property(documents, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (doc, eol, bom) => {
      check(service, doc.path, (bom ? '\uFEFF' : '') + doc.text.replace(/\n/g, eol));
    }),
    runs(250),
  );
});

test('editor features at any position of mutated documents answer without throwing, inside the document', () => {
  const { service, features } = newService();
  fc.assert(
    fc.property(mutatedDocument(seeds), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }), (doc, positions) => {
      service.index({ file: { uri: uriOf(doc.path), text: doc.text }, settings: DEFAULT_SETTINGS, location: { path: doc.path } });
      for (const at of positions) exerciseFeatures(features, doc.path, doc.text, placed(doc.text, at));
    }),
    runs(150),
  );
  // Positions no conforming client sends: past the end, far past it, negative.
  fc.assert(
    fc.property(fc.nat(seeds.length - 1), position, fc.integer({ min: -5, max: -1 }), (which, far, negative) => {
      const seed = seeds[which] as Seed;
      exerciseFeatures(features, seed.path, seed.text, { line: far.line + 1_000_000, character: far.character });
      exerciseFeatures(features, seed.path, seed.text, { line: 0, character: negative });
      exerciseFeatures(features, seed.path, seed.text, { line: negative, character: 3 });
    }),
    runs(40),
  );
});

test('whole documents with CRLF, CR, a BOM, NUL bytes and lone surrogates keep every range on the right line', () => {
  const { service } = newService();
  for (const seed of seeds) {
    const plain = check(service, seed.path, seed.text);
    const crlf = seed.text.replace(/\r?\n/g, '\r\n');
    // The same findings at the same positions, whatever ends the lines.
    const positions = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character].join(':'));
    assert.deepEqual(positions(check(service, seed.path, crlf)), positions(plain), `${seed.path} with CRLF`);
    assert.deepEqual(positions(check(service, seed.path, seed.text.replace(/\r?\n/g, '\r'))), positions(plain), `${seed.path} with CR`);
    check(service, seed.path, `\uFEFF${seed.text}`);
    check(
      service,
      seed.path,
      seed.text.replace(/ /g, (space, at: number) => (at % 97 === 0 ? '\0' : space)),
    );
    check(
      service,
      seed.path,
      seed.text.replace(/e/g, (e, at: number) => (at % 89 === 0 ? '\uD83D' : e)),
    );
  }
});

test('big documents: a 1 MB line, a 1 MB scalar, 20,000 lines, deep nesting — bounded, ranges inside', () => {
  const { service, features } = newService();
  const oneMb = 'x'.repeat(1 << 20);
  const big: [string, string][] = [
    ['/w/queries/long.promql', `sum(rate(http_requests_total{path="${oneMb}"}[5m]))`],
    ['/w/queries/sum.promql', Array(70_000).fill('up{job="a"}').join(' + ')],
    ['/w/queries/deep.promql', `${'('.repeat(10_000)}up${')'.repeat(10_000)}`],
    ['/w/queries/nul.promql', `up{job="\0${'\0'.repeat(100_000)}"}`],
    ['/w/rules/long.yaml', `groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up{job="${oneMb}"})\n`],
    ['/w/rules/longline.yaml', `groups: [{name: g, rules: [${Array(3_000).fill('{record: "a:b:c", expr: "up"}').join(', ')}]}]\n`],
    ['/w/rules/many.yaml', `groups:\n  - name: g\n    rules:\n${'      - record: job:up:sum\n        expr: sum by (job) (rate(up[5m]))\n'.repeat(10_000)}`],
    ['/w/rules/deep.yaml', `groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n        expr: ${'('.repeat(10_000)}up${')'.repeat(10_000)}\n`],
    ['/w/config/config.yaml', `observability:\n  log:\n    level: "${oneMb}"\n`],
    ['/w/config/config.dev.yaml', `${'a: '.repeat(10_000)}1\n`],
    ['/w/config/config.staging.yaml', `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['/w/dashboards/long.json', JSON.stringify({ title: 't', panels: [{ type: 'timeseries', targets: [{ refId: 'A', expr: `up{job="${oneMb}"}` }] }] })],
    ['/w/dashboards/deep.json', `{"title": "t", "panels": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`],
    [
      '/w/dashboards/many.json',
      JSON.stringify({ title: 't', panels: Array.from({ length: 5_000 }, (_, i) => ({ id: i, type: 'timeseries', targets: [{ refId: 'A', expr: 'sum(rate(http_requests_total[5m]))' }] })) }),
    ],
    ['/w/.k1s0/catalog.yaml', `metrics:\n  - name: ${'a'.repeat(1 << 20)}\n    type: counter\n`],
  ];
  for (const [path, text] of big) {
    check(service, path, text, BIG_BUDGET_MS);
    check(service, path, text.replace(/\n/g, '\r\n'), BIG_BUDGET_MS);
    for (const at of [{ line: 0, character: 0 }, { line: 0, character: 40 }, { line: 4, character: 30 }, new LineIndex(text).positionAt(text.length - 3)]) {
      withinBudget(BIG_BUDGET_MS, `features at ${JSON.stringify(at)} of ${path}`, () => exerciseFeatures(features, path, text, at));
    }
  }
});
