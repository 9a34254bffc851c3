import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tempDir } from '../../../test/support/tempDir';
import { join } from 'node:path';
import { LanguageService } from '../../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../../server/src/base/settings';
import { pathToUri } from '../../../server/src/base/files';
import { promtoolCheck, requirePromtool } from '../../../server/src/rules/promtoolOracle';
import { expandSnippet, parseSnippet, printSnippet, withDefaults } from './snippetSyntax';
import { TELEMETRY_SNIPPET_FILES, fillTelemetrySnippet, findNearestConfig, lookupConfig, telemetryLanguageOf, telemetrySnippet, telemetrySnippetBody } from './telemetryInit';

const ROOT = join(__dirname, '../../..');
const SNIPPETS = join(ROOT, 'snippets');

interface SnippetEntry {
  prefix: string;
  description: string;
  body: string | string[];
}

function snippetFile(name: string): Record<string, SnippetEntry> {
  return JSON.parse(readFileSync(join(SNIPPETS, name), 'utf8')) as Record<string, SnippetEntry>;
}

function expanded(entry: SnippetEntry): string {
  return expandSnippet(parseSnippet(Array.isArray(entry.body) ? entry.body.join('\n') : entry.body));
}

/** Our checker on a text as if it were the file at `path`; every diagnostic, formatted. */
function check(path: string, text: string): string[] {
  const service = new LanguageService();
  const request = { file: { uri: pathToUri(path), text }, settings: DEFAULT_SETTINGS, location: { path, explicit: true } };
  service.index(request);
  return service.validate(request).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.severity} ${d.code} ${d.message}`);
}

test('every snippet file parses; every snippet has a prefix, a description and a body in valid snippet syntax', () => {
  const files = readdirSync(SNIPPETS).sort();
  assert.deepEqual(files, ['config-yaml.json', 'grafana-json.json', 'rules-yaml.json', 'telemetry-dart.json', 'telemetry-go.json', 'telemetry-rust.json', 'telemetry-typescript.json']);
  for (const name of files) {
    for (const [title, entry] of Object.entries(snippetFile(name))) {
      assert.equal(typeof entry.prefix, 'string', `${name}: ${title}`);
      assert.ok(entry.description.length > 20, `${name}: ${title} has a description`);
      const body = Array.isArray(entry.body) ? entry.body.join('\n') : entry.body;
      // Written back, the parse gives the same snippet: nothing was lost or misread.
      assert.equal(printSnippet(parseSnippet(body)), body, `${name}: ${title}`);
    }
  }
});

test('the manifest contributes every snippet file once, for its language; the telemetry ones are a completion item (their imports go to the import block)', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { snippets: { language: string; path: string }[] } };
  assert.deepEqual(manifest.contributes.snippets.map((s) => `${s.language} ${s.path}`).sort(), [
    'json ./snippets/grafana-json.json',
    'jsonc ./snippets/grafana-json.json',
    'yaml ./snippets/config-yaml.json',
    'yaml ./snippets/rules-yaml.json',
  ]);
});

test("SDK init snippets: their imports and body, with their defaults, are the design's code made to compile", () => {
  // The differences from the design's listing: Go imports in a block with what the code uses (log, net/http),
  // checks err and uses metrics; TypeScript imports TelemetryConfig as a type. The statements go at the
  // cursor, the imports into the file's imports (telemetryPlan.ts).
  for (const [language, file] of Object.entries(TELEMETRY_SNIPPET_FILES)) {
    const design = readFileSync(join(__dirname, `fixtures/design-${language}.txt`), 'utf8');
    const [entry, ...others] = Object.values(snippetFile(file));
    assert.equal(others.length, 0, file);
    assert.ok(entry);
    const { imports } = telemetrySnippet(readFileSync(join(SNIPPETS, file), 'utf8'));
    const header = language === 'go' ? `import (\n${imports.map((i) => `\t${i.includes('"') ? i : `"${i}"`}`).join('\n')}\n)` : imports.join('\n');
    assert.equal(`${header}\n\n${expanded(entry)}`, design, language);
    assert.doesNotMatch(expanded(entry), /^\s*(import|use)\b/m, `${language}: no import among the statements`);
  }
});

test('SDK init snippets: the TelemetryConfig fields, tab stops and choices; Dart sends no traces', () => {
  const fields = {
    go: [
      'ServiceName',
      'Version',
      'Tier',
      'Environment',
      'TraceEndpoint',
      'SampleRate',
      'LogLevel',
      'LogFormat',
      'telemetry.InitTelemetry(ctx, cfg)',
      'defer provider.Shutdown(ctx)',
      'telemetry.MetricsHandler()',
    ],
    rust: ['service_name', 'version', 'tier', 'environment', 'trace_endpoint', 'sample_rate', 'log_level', 'log_format', 'init_telemetry(&cfg)?', 'Metrics::new('],
    typescript: ['serviceName', 'version', 'tier', 'environment', 'traceEndpoint', 'sampleRate', 'logLevel', 'logFormat', 'initTelemetry(config)', 'new Metrics('],
    dart: ['serviceName', 'version', 'tier', 'environment', 'logLevel', 'logFormat', 'initTelemetry(config)', 'Metrics(serviceName:'],
  } as const;
  for (const [language, expected] of Object.entries(fields)) {
    const body = telemetrySnippetBody(readFileSync(join(SNIPPETS, TELEMETRY_SNIPPET_FILES[language as keyof typeof fields]), 'utf8'));
    const text = expandSnippet(parseSnippet(body));
    for (const field of expected) assert.ok(text.includes(field), `${language}: ${field}`);
    assert.match(body, /\$\{1:[a-z-]+\}/, `${language}: service name tab stop`);
    assert.match(body, /\$\{2:1\.0\.0\}/, `${language}: version tab stop`);
    assert.match(body, /\$\{3\|(system|service),[a-z,]+\|\}/, `${language}: tier choice`);
    assert.match(body, /\$\{4\|dev,staging,prod\|\}/, `${language}: environment choice`);
    assert.match(body, /\$\{7\|debug,info,warn,error\|\}/, `${language}: log level choice`);
    assert.match(body, /\$\{8\|text,json\|\}/, `${language}: log format choice`);
    if (language === 'dart') {
      assert.doesNotMatch(body, /^\s*traceEndpoint/m, 'Dart leaves the trace endpoint out');
      assert.doesNotMatch(body, /\$\{6/, 'Dart has no sample rate stop');
    } else {
      assert.match(body, /\$\{6\|1\.0,0\.5,0\.1\|\}/, `${language}: sample rate choice, dev first`);
    }
  }
});

test('config.yaml snippets pass our checks for their environment', (t) => {
  const dir = tempDir(t, 'snip');
  for (const [title, entry] of Object.entries(snippetFile('config-yaml.json'))) {
    const environment = /\((dev|staging|prod)\)/.exec(title)?.[1];
    assert.ok(environment, title);
    const name = environment === 'prod' ? 'config.yaml' : `config.${environment}.yaml`;
    assert.deepEqual(check(join(dir, name), expanded(entry)), [], title);
  }
});

test('rule snippets: zero diagnostics from our checker, and promtool check rules accepts them', (t) => {
  requirePromtool();
  const dir = tempDir(t, 'snip');
  const entries = Object.entries(snippetFile('rules-yaml.json'));
  assert.deepEqual(
    entries.map(([, e]) => e.prefix),
    ['k1s0-record', 'k1s0-alerts-system', 'k1s0-alerts-service', 'k1s0-burn-rate-system', 'k1s0-burn-rate-service'],
  );
  for (const [title, entry] of entries) {
    const text = expanded(entry);
    // A rule goes into a group's `rules:`, a group into `groups:`: wrapped as a user would place them.
    const file = text.startsWith('- record:') || text.startsWith('- alert:') ? `groups:\n  - name: snippet\n    rules:\n${indent(text, 6)}` : `groups:\n${indent(text, 2)}`;
    const path = join(dir, `${entry.prefix}.yaml`);
    writeFileSync(path, file);
    assert.deepEqual(check(path, file), [], title);
    const verdict = promtoolCheck({ file: path });
    assert.equal(verdict.accepted, true, `${title}: ${verdict.output}`);
  }
});

test("the rule snippets carry the design's thresholds, for and severities", () => {
  const all = Object.values(snippetFile('rules-yaml.json')).map(expanded).join('\n');
  for (const [alert, threshold, forValue, severity] of [
    ['SystemServiceErrorRateWarning', '> 0.001', '5m', 'warning'],
    ['SystemServiceHighErrorRate', '> 0.01', '5m', 'critical'],
    ['SystemServiceHighLatency', '> 0.5', '5m', 'warning'],
    ['ServiceErrorRateWarning', '> 0.002', '5m', 'warning'],
    ['ServiceHighErrorRate', '> 0.05', '5m', 'critical'],
    ['ServiceHighLatency', '> 1', '5m', 'warning'],
  ] as const) {
    const rule = new RegExp(`- alert: ${alert}\\n[^]*?${escape(threshold)}\\n\\s+for: ${forValue}\\n\\s+labels:\\n\\s+severity: ${severity}\\n`);
    assert.match(all, rule, alert);
  }
  assert.match(all, /- alert: SLOBurnRateCritical\n[^]*?\[1h\][^]*?> \(14\.4 \* \(1 - 0\.9995\)\)[^]*?\[5m\][^]*?for: 2m\n\s+labels:\n\s+severity: critical/);
  assert.match(all, /- alert: SLOBurnRateWarning\n[^]*?\[6h\][^]*?> \(6 \* \(1 - 0\.999\)\)[^]*?\[30m\][^]*?for: 5m\n\s+labels:\n\s+severity: warning/);
});

test('Grafana snippets: a panel and a target that our dashboard checks accept', (t) => {
  const dir = tempDir(t, 'snip');
  const entries = snippetFile('grafana-json.json');
  const panel = JSON.parse(expanded(entries['k1s0 Grafana panel (RED time series)'] as SnippetEntry)) as { targets: unknown[] };
  const target = JSON.parse(expanded(entries['k1s0 Grafana target (PromQL)'] as SnippetEntry)) as { expr: string };
  assert.equal(target.expr, 'service:http_errors:rate5m{service=~"auth-server|config-server|saga-server|dlq-manager"}');
  panel.targets.push({ ...target, refId: 'B' });
  const dashboard = JSON.stringify({ title: 'snippet', schemaVersion: 39, panels: [panel] }, null, 2);
  // The recording rules the queries read are the design's: they are in the workspace too.
  const recording = readFileSync(join(ROOT, 'examples/infra/docker/prometheus/recording_rules.yaml'), 'utf8');
  const service = new LanguageService();
  const rulesPath = join(dir, 'recording_rules.yaml');
  const dashPath = join(dir, 'dashboard.json');
  service.index({ file: { uri: pathToUri(rulesPath), text: recording }, settings: DEFAULT_SETTINGS, location: { path: rulesPath } });
  const request = { file: { uri: pathToUri(dashPath), text: dashboard }, settings: DEFAULT_SETTINGS, location: { path: dashPath } };
  service.index(request);
  assert.deepEqual(service.validate(request), []);
});

test("Insert telemetry initialization: language, nearest config with an app section, the environment's policy", (t) => {
  assert.equal(telemetryLanguageOf('go'), 'go');
  assert.equal(telemetryLanguageOf('typescriptreact'), 'typescript');
  assert.equal(telemetryLanguageOf('python'), undefined);
  const root = tempDir(t, 'init');
  const service = join(root, 'regions/business/accounting/server/rust/ledger');
  mkdirSync(join(service, 'config'), { recursive: true });
  mkdirSync(join(service, 'src'), { recursive: true });
  writeFileSync(join(service, 'config/config.dev.yaml'), 'app:\n  name: ledger-dev\n  tier: business\n');
  writeFileSync(
    join(service, 'config/config.staging.yaml'),
    'app:\n  name: ledger-server\n  version: 0.3.0\n  tier: business\n  environment: staging\nobservability:\n  trace:\n    endpoint: jaeger.observability.svc.cluster.local:4317\n',
  );
  writeFileSync(join(service, 'config/config.yaml'), 'app: [broken\n');
  writeFileSync(join(root, 'config.yaml'), 'app:\n  name: root-app\n');
  const found = findNearestConfig(join(service, 'src/main.rs'), root);
  // config.yaml does not parse, so config.dev.yaml is next.
  assert.deepEqual(found, { path: join(service, 'config/config.dev.yaml'), name: 'ledger-dev', tier: 'business', environment: 'dev' });
  writeFileSync(join(service, 'config/config.dev.yaml'), 'no app section: true\n');
  const staging = findNearestConfig(join(service, 'src/main.rs'), root);
  assert.deepEqual(staging, {
    path: join(service, 'config/config.staging.yaml'),
    name: 'ledger-server',
    version: '0.3.0',
    tier: 'business',
    environment: 'staging',
    traceEndpoint: 'jaeger.observability.svc.cluster.local:4317',
  });
  assert.deepEqual(findNearestConfig(join(root, 'tools/x.go'), root), { path: join(root, 'config.yaml'), name: 'root-app', environment: 'prod' });

  const rust = fillTelemetrySnippet('rust', telemetrySnippetBody(readFileSync(join(SNIPPETS, 'telemetry-rust.json'), 'utf8')), staging);
  assert.equal(
    expandSnippet(parseSnippet(rust)).split('\n').slice(0, 10).join('\n'),
    [
      'let cfg = TelemetryConfig {',
      '    service_name: "ledger-server".into(),',
      '    version: "0.3.0".into(),',
      '    tier: "business".into(),',
      '    environment: "staging".into(),',
      '    trace_endpoint: Some("http://jaeger.observability.svc.cluster.local:4317".into()),',
      '    sample_rate: 0.5,',
      '    log_level: "info".into(),',
      '    log_format: "json".into(),    // staging: json（ログ設計.md 参照）',
      '};',
    ].join('\n'),
  );
  // The other values stay as choices.
  assert.match(rust, /\$\{6\|0\.5,1\.0,0\.1\|\}/);
  const go = fillTelemetrySnippet('go', telemetrySnippetBody(readFileSync(join(SNIPPETS, 'telemetry-go.json'), 'utf8')), {
    path: 'x',
    name: 'auth-server',
    environment: 'prod',
    traceEndpoint: 'http://jaeger:4317',
  });
  assert.match(expandSnippet(parseSnippet(go)), /TraceEndpoint: "jaeger:4317",[^]*SampleRate: {4}0\.1,[^]*LogLevel: {6}"warn",[^]*LogFormat: {5}"json"/);
  const dart = fillTelemetrySnippet('dart', telemetrySnippetBody(readFileSync(join(SNIPPETS, 'telemetry-dart.json'), 'utf8')), staging);
  assert.doesNotMatch(expandSnippet(parseSnippet(dart)), /jaeger/);
  // Next to a config.yaml that does not parse, no other service's config is taken: the lookup says why.
  const lone = join(root, 'regions/service/orders/server/go/orders');
  mkdirSync(join(lone, 'cmd'), { recursive: true });
  writeFileSync(join(lone, 'config.yaml'), 'app:\n  name: orders\n  tier: [service\n');
  const broken = lookupConfig(join(lone, 'cmd/main.go'), root);
  assert.equal(broken.app, undefined, 'not root-app');
  assert.equal(broken.unusable?.[0]?.path, join(lone, 'config.yaml'));
  assert.match(broken.unusable?.[0]?.problem ?? '', /^does not parse \(line \d+: /);
  // Without a config: the snippet as it is.
  const body = telemetrySnippetBody(readFileSync(join(SNIPPETS, 'telemetry-go.json'), 'utf8'));
  assert.equal(fillTelemetrySnippet('go', body, undefined), body);
});

test('snippet syntax: escapes, mirrors, nested placeholders, variables, errors', () => {
  assert.equal(expandSnippet(parseSnippet('a \\$x ${1:b ${2:c}} $1 ${3|x,y|} $TM_FILENAME ${X:def}\\}'), { TM_FILENAME: 'f.go' }), 'a $x b c b c x f.go def}');
  assert.equal(
    printSnippet(
      withDefaults(
        parseSnippet('${1:a} ${2|x,y|}'),
        new Map([
          [1, 'b$'],
          [2, 'z'],
        ]),
      ),
    ),
    '${1:b\\$} ${2|z,x,y|}',
  );
  assert.throws(() => parseSnippet('${1:open'), /unclosed placeholder/);
  assert.throws(() => parseSnippet('${1|a,b'), /unclosed choice/);
});

function indent(text: string, n: number): string {
  return text
    .split('\n')
    .map((line) => (line ? ' '.repeat(n) + line : line))
    .join('\n');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
