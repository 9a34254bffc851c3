import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, readSettings } from '../base/settings';
import { LanguageService } from '../service/languageService';
import { lines, rangeOf } from '../../../test/support/text';
import { completeShape, hoverShape } from '../features/shapeAssist';
import { otelcolHandler } from './handler';
import { DESIGN, validate, expect, got, MINIMAL, dev } from './testSupport';

test("the design's collector file is silent but for its processor order, a hint", () => {
  assert.deepEqual(
    got(validate(DESIGN)),
    expect(DESIGN, [
      ['otelcol/pipeline', 'hint', 'batch', "batch should come after tail_sampling: the collector's documentation places batch after sampling, so that batches hold only the data kept.", 2],
    ]),
  );
  assert.deepEqual(validate(MINIMAL), []);
});

test('otelcol/config: unknown keys, enums, Go durations and ranges, with the did-you-mean as a fix', () => {
  const text = MINIMAL.replace('  batch:\n', '  batch:\n    timeot: 5s\n    send_batch_size: -1\n')
    .replace('    tls: { insecure: true }\n', '    tls: { insecure: true }\n  debug:\n    verbosity: detialed\n')
    .replace('    policies:\n', '    decision_wait: 10 seconds\n    policies:\n')
    .replace('[otlp/jaeger]', '[otlp/jaeger, debug]');
  const diagnostics = validate(text);
  assert.deepEqual(
    got(diagnostics),
    expect(text, [
      ['otelcol/config', 'error', '10 seconds', 'processors.tail_sampling.decision_wait: "10 seconds" is not a duration (a number and a unit, ns us ms s m h, e.g. 5s, 1.5h or 300ms).'],
      [
        'otelcol/config',
        'error',
        'timeot',
        'Unknown key "timeot" in processors.batch. Did you mean "timeout"? Allowed keys: timeout, send_batch_size, send_batch_max_size, metadata_keys, metadata_cardinality_limit.',
      ],
      ['otelcol/config', 'error', '-1', 'processors.batch.send_batch_size must be at least 0; got -1.'],
      ['otelcol/config', 'error', 'detialed', 'exporters.debug.verbosity must be one of basic, normal, detailed; got "detialed". Did you mean "detailed"?'],
    ]),
  );
  assert.deepEqual(diagnostics[1]?.fixes, [{ title: 'Rename to "timeout"', preferred: true, edits: [{ range: rangeOf(text, 'timeot'), newText: 'timeout' }] }]);
});

test('otelcol/config: component types no distribution ships, removed types named with their replacement, malformed IDs', () => {
  const text = lines(
    'receivers:',
    '  otlp:',
    '    protocols: { grpc: { endpoint: 0.0.0.0:4317 } }',
    'processors:',
    '  tail_sampler:',
    'exporters:',
    '  jaeger:',
    '    endpoint: jaeger:14250',
    '  logging:',
    '  otlphtp/loki:',
    '  otlp/:',
    '  memory_limiter:',
    'service:',
    '  pipelines:',
    '    traces:',
    '      receivers: [otlp]',
    '      processors: [tail_sampler]',
    '      exporters: [jaeger, logging, otlphtp/loki, otlp/]',
  );
  const diagnostics = validate(text, { settings: dev() });
  assert.deepEqual(
    got(diagnostics),
    expect(text, [
      ['otelcol/config', 'warning', 'tail_sampler', 'Unknown processor type "tail_sampler": no collector distribution (core, contrib, k8s) ships it. Did you mean "tail_sampling"?'],
      [
        'otelcol/config',
        'error',
        'jaeger',
        'The exporter "jaeger" was removed from the collector in v0.85.0: send OTLP to Jaeger\'s OTLP port with the `otlp` exporter (`endpoint: jaeger-collector:4317`).',
      ],
      ['otelcol/config', 'error', 'logging', 'The exporter "logging" was removed from the collector in v0.111.0: use the `debug` exporter.'],
      ['otelcol/config', 'warning', 'otlphtp', 'Unknown exporter type "otlphtp": no collector distribution (core, contrib, k8s) ships it. Did you mean "otlphttp"?'],
      ['otelcol/config', 'error', 'otlp/', '"otlp/" is not a component ID: write type[/name] (the type a letter, then letters, digits or _; the name not empty).'],
      ['otelcol/config', 'error', 'memory_limiter', '"memory_limiter" is no exporter: it is one of the processors; move it there.'],
    ]),
  );
  assert.deepEqual(diagnostics[3]?.fixes, [{ title: 'Change to "otlphttp"', preferred: true, edits: [{ range: rangeOf(text, 'otlphtp'), newText: 'otlphttp' }] }]);
});

/** A settings object that judges every file as dev: the design's policy is left out. */
test('otelcol/config: tail_sampling policies — status codes, percentages, what each type needs, names, nesting', () => {
  const text = lines(
    'processors:',
    '  tail_sampling:',
    '    policies:',
    '      - name: errors',
    '        type: status_code',
    '        status_code: { status_codes: [ERR] }',
    '      - name: rest',
    '        type: probabilistic',
    '        probabilistic: { sampling_percentage: 150 }',
    '        latency: { threshold_ms: 100 }',
    '      - name: slow',
    '        type: latency',
    '      - name: rest',
    '        type: and',
    '        and:',
    '          and_sub_policy:',
    '            - name: inner',
    '              type: composite',
    '            - name: attr',
    '              type: string_attribute',
    '              string_attribute: { key: http.route }',
    '      - name: mix',
    '        type: composite',
    '        composite:',
    '          max_total_spans_per_second: 100',
    '          policy_order: [first, secnd]',
    '          composite_sub_policy:',
    '            - name: first',
    '              type: always_sample',
    '            - name: second',
    '              type: always_sample',
    'receivers: { otlp: { protocols: { grpc: } } }',
    'exporters: { debug: }',
    'service:',
    '  pipelines:',
    '    traces: { receivers: [otlp], processors: [tail_sampling], exporters: [debug] }',
  );
  const diagnostics = validate(text, { settings: dev() });
  assert.deepEqual(
    got(diagnostics),
    expect(text, [
      ['otelcol/config', 'error', 'ERR', 'processors.tail_sampling.policies[0].status_code.status_codes[0] must be one of OK, ERROR, UNSET; got "ERR". Did you mean "ERROR"?'],
      ['otelcol/config', 'error', '150', 'processors.tail_sampling.policies[1].probabilistic.sampling_percentage must be between 0 and 100; got 150.'],
      ['otelcol/config', 'warning', 'latency', 'Policy "rest" is of type probabilistic: its "latency" settings are not read.'],
      ['otelcol/config', 'error', 'latency', 'Policy "slow" of type latency decides nothing without latency.threshold_ms or latency.upper_threshold_ms.', 1],
      ['otelcol/config', 'error', 'rest', 'Policy name "rest" is used twice in one list: tail_sampling refuses duplicate names.', 1],
      [
        'otelcol/config',
        'error',
        'composite',
        'processors.tail_sampling.policies[3].and.and_sub_policy[0].type must be one of always_sample, latency, numeric_attribute, probabilistic, status_code, string_attribute, rate_limiting, bytes_limiting, span_count, trace_state, boolean_attribute, ottl_condition; got "composite".',
      ],
      ['otelcol/config', 'error', 'string_attribute: { key: http.route }', 'Policy "attr" of type string_attribute decides nothing without string_attribute.values.'],
      ['otelcol/config', 'error', 'secnd', '"secnd" names no composite_sub_policy (first, second).'],
    ]).map((row, i) => (i === 6 ? { ...row, range: rangeOf(text, 'string_attribute', 1) } : row)),
  );
  assert.deepEqual(diagnostics[7]?.fixes?.[0]?.edits, [{ range: rangeOf(text, 'secnd'), newText: 'second' }]);
});

test('otelcol/config: batch and memory_limiter limits the collector refuses', () => {
  const text = MINIMAL.replace('    limit_percentage: 80\n', '    limit_mib: 0\n    spike_limit_mib: 100\n').replace(
    '  batch:\n',
    '  batch:\n    send_batch_size: 1024\n    send_batch_max_size: 512\n',
  );
  assert.deepEqual(
    got(validate(text)),
    expect(text, [
      ['otelcol/config', 'error', 'memory_limiter', 'memory_limiter needs limit_mib or limit_percentage: the collector refuses to start without one.'],
      ['otelcol/config', 'error', '512', 'send_batch_max_size (512) is smaller than send_batch_size (1024): the collector refuses it.'],
    ]),
  );
});

test('otelcol/config: ${env:VAR} substitutions; a bare $VAR is left as written', () => {
  const text = MINIMAL.replace('endpoint: jaeger-collector:4317', 'endpoint: $JAEGER_HOST:4317')
    .replace('endpoint: 0.0.0.0:4317', 'endpoint: ${env:LISTEN:-0.0.0.0}:4317')
    .replace('    limit_percentage: 80\n', '    limit_percentage: ${env:LIMIT}\n    spike_limit_percentage: ${enn:SPIKE}\n')
    .replace('  batch:\n', '  batch:\n    timeout: ${env:1BAD}\n    send_batch_size: $${literal}\n');
  const diagnostics = validate(text);
  assert.deepEqual(
    got(diagnostics),
    expect(text, [
      ['otelcol/config', 'error', 'enn', 'Unknown provider "enn" in a substitution: the collector has env, file, http, https and yaml. Did you mean "env"?'],
      ['otelcol/config', 'error', '${env:1BAD}', '"${env:1BAD}" is not a substitution the collector reads: write ${env:NAME}, ${env:NAME:-default} or ${NAME}.'],
      ['otelcol/config', 'warning', '$JAEGER_HOST', '$JAEGER_HOST is left as it is: the collector expands only ${env:JAEGER_HOST} (or ${JAEGER_HOST}); write $$ for a literal $.'],
    ]),
  );
  assert.deepEqual(diagnostics[2]?.fixes, [{ title: 'Write ${env:JAEGER_HOST}', preferred: true, edits: [{ range: rangeOf(text, '$JAEGER_HOST'), newText: '${env:JAEGER_HOST}' }] }]);
});

test('collector files are found by content and by k1s0.files.otelCollectorConfig; other kinds keep theirs', () => {
  const service = new LanguageService();
  const kind = (path: string, text: string, settings = DEFAULT_SETTINGS) => service.kindOf({ uri: `file://${path}`, text }, settings, { path });
  assert.equal(kind('/w/otel/anything.yaml', MINIMAL), 'otelcol');
  assert.equal(kind('/w/otel/config.yaml', MINIMAL), 'otelcol', "a collector's own config.yaml has no observability section");
  assert.equal(kind('/w/otel/service-only.yml', 'service:\n  pipelines:\n    traces: { receivers: [otlp], exporters: [debug] }\n'), 'otelcol');
  const alertmanager = 'route:\n  receiver: team\nreceivers:\n  - name: team\n';
  assert.equal(kind('/w/alertmanager.yml', alertmanager), 'alertmanager', 'receivers without exporters is no collector');
  assert.equal(kind('/w/compose.yaml', 'services:\n  otel:\n    image: otel/opentelemetry-collector-contrib\n'), 'compose');
  assert.equal(kind('/w/config/config.yaml', 'observability:\n  trace:\n    enabled: true\n'), 'config');
  assert.equal(kind('/w/otel/partial.yaml', 'processors:\n  batch:\n'), undefined);
  const named = readSettings({ files: { otelCollectorConfig: ['**/otel/*.yaml'] } }).settings;
  assert.equal(kind('/w/otel/partial.yaml', 'processors:\n  batch:\n', named), 'otelcol');
  assert.equal(kind('/w/otel/broken.yaml', 'processors: [\n', named), 'otelcol', 'a named file that does not parse gets its syntax errors');
  assert.deepEqual(
    validate('receivers:\n  otlp: [\nexporters:\n  debug:\n', { path: '/w/x/collector.yaml' }).map((d) => d.code),
    ['yaml/syntax'],
    'a broken file recognizable by its top-level keys: syntax errors only',
  );
  assert.deepEqual(validate('service: api\nprovider: [\n', { path: '/w/serverless.yml' }), [], "a broken file with a top-level service is not taken for a collector's");
});

test('bad input gets findings, never a crash', () => {
  const inputs = [
    'service: 7\nreceivers: [a]\nexporters: 3\n',
    'receivers: {}\nexporters: {}\nservice:\n  pipelines: 5\n',
    'receivers: {}\nexporters: {}\nservice:\n  pipelines:\n    traces: 5\n    metrics: { receivers: 5, exporters: [[1], {a: 1}, null] }\n',
    'receivers: {}\nexporters: {}\nprocessors:\n  tail_sampling:\n    policies: [1, {type: 7}, {type: and, and: 3}, {type: composite, composite: {policy_order: 1, rate_allocation: [1, {policy: 2}]}}]\n  memory_limiter: 4\n  batch: [1]\nservice: {}\n',
    'receivers:\n  ? [a]\n  : 1\n  "": {}\nexporters: {}\nservice: { extensions: [1, null], pipelines: { "/": {}, "traces/": { receivers: [null] } } }\n',
    '---\n---\nreceivers: {}\nexporters: {}\n',
    'receivers: { otlp: { protocols: { grpc: { endpoint: 12 }, http: 4 } } }\nexporters: { otlp: { endpoint: [1] } }\nservice: { pipelines: { traces: { receivers: [otlp], exporters: [otlp] } } }\n',
  ];
  for (const text of inputs) {
    const diagnostics = validate(text);
    assert.ok(!diagnostics.some((d) => d.code === 'internal/check-failed'), `${text}: ${JSON.stringify(diagnostics.filter((d) => d.code === 'internal/check-failed'))}`);
  }
  const text = inputs[0] ?? '';
  assert.deepEqual(
    got(validate(text)),
    expect(text, [
      ['otelcol/config', 'error', '7', 'service must be a mapping; got number 7.'],
      ['otelcol/config', 'error', '[a]', 'receivers must be a mapping; got a list.'],
      ['otelcol/config', 'error', '3', 'exporters must be a mapping; got number 3.'],
    ]),
  );
});

test('the outline shows the components by section and the pipelines', () => {
  const service = new LanguageService();
  const symbols = service.outlineOf({ uri: 'file:///w/c.yaml', text: DESIGN }, DEFAULT_SETTINGS, { path: '/w/c.yaml' });
  const tree = (list: typeof symbols): unknown[] => list.map((s) => (s.children.length ? [s.name, s.kind, tree(s.children)] : [s.name, s.kind, s.detail]));
  assert.deepEqual(tree(symbols), [
    ['receivers', 'section', [['otlp', 'component', 'receiver']]],
    [
      'processors',
      'section',
      [
        ['batch', 'component', 'processor'],
        ['tail_sampling', 'component', 'processor'],
      ],
    ],
    [
      'exporters',
      'section',
      [
        ['otlp/jaeger', 'component', 'exporter'],
        ['prometheus', 'component', 'exporter'],
      ],
    ],
    [
      'service',
      'section',
      [
        ['traces', 'pipeline', 'pipeline'],
        ['metrics', 'pipeline', 'pipeline'],
      ],
    ],
  ]);
  const traces = symbols[3]?.children[0];
  assert.deepEqual([traces?.selectionStart, traces?.selectionEnd], [DESIGN.indexOf('traces:'), DESIGN.indexOf('traces:') + 6]);
});

test('completion offers component types, keys of a `type/name` component, policy types; hover says what a type is', () => {
  const shape = otelcolHandler.shape;
  assert.ok(shape);
  const section = 'exporters:\n  ';
  const types = completeShape(section, section.length, shape).map((item) => item.label);
  assert.deepEqual(types.slice(0, 4), ['debug', 'otlp', 'otlphttp', 'nop']);
  assert.ok(!types.includes('jaeger') && !types.includes('logging'), 'removed types are not offered');
  const keys = 'exporters:\n  otlp/jaeger:\n    endpoint: x\n    ';
  assert.deepEqual(
    completeShape(keys, keys.length, shape)
      .map((item) => item.label)
      .slice(0, 3),
    ['tls', 'headers', 'compression'],
  );
  const policy = 'processors:\n  tail_sampling:\n    policies:\n      - name: a\n        type: s';
  assert.deepEqual(
    completeShape(policy, policy.length, shape).map((item) => item.label),
    [
      'always_sample',
      'latency',
      'numeric_attribute',
      'probabilistic',
      'status_code',
      'string_attribute',
      'rate_limiting',
      'bytes_limiting',
      'span_count',
      'trace_state',
      'boolean_attribute',
      'ottl_condition',
      'and',
      'drop',
      'composite',
    ],
  );
  const codes = 'processors:\n  tail_sampling:\n    policies:\n      - name: a\n        type: status_code\n        status_code:\n          status_codes:\n            - E';
  assert.deepEqual(
    completeShape(codes, codes.length, shape).map((item) => item.label),
    ['OK', 'ERROR', 'UNSET'],
  );
  // What a pipeline names: the IDs the file defines, in a flow list (the item under the cursor replaced) or a block list.
  const flow = DESIGN.replace('exporters: [otlp/jaeger]', 'exporters: [otlp/jaeger, pro]');
  const flowAt = flow.indexOf(', pro]') + 5;
  assert.deepEqual(
    completeShape(flow, flowAt, shape).map((item) => [item.label, flow.slice(item.start, item.end)]),
    [
      ['otlp/jaeger', 'pro'],
      ['prometheus', 'pro'],
    ],
  );
  const block = lines('receivers: { otlp: }', 'connectors: { forward: }', 'exporters: { debug: }', 'service:', '  pipelines:', '    traces:', '      receivers:', '        - f');
  assert.deepEqual(
    completeShape(block, block.length - 1, shape).map((item) => item.label),
    ['otlp', 'forward'],
  );
  const hover = hoverShape(DESIGN, DESIGN.indexOf('tail_sampling:') + 2, shape);
  assert.equal(hover?.contents, '**tail_sampling** — mapping\n\nThe `tail_sampling` processor (traces). Distributions: otelcol-contrib, otelcol-k8s.');
  const jaeger = hoverShape(DESIGN, DESIGN.indexOf('otlp/jaeger:') + 6, shape);
  assert.deepEqual(jaeger, {
    contents: '**otlp/jaeger** — mapping\n\nThe `otlp` exporter (traces, metrics, logs). Distributions: otelcol (core), otelcol-contrib, otelcol-k8s.',
    start: DESIGN.indexOf('otlp/jaeger:'),
    end: DESIGN.indexOf('otlp/jaeger:') + 11,
  });
});
