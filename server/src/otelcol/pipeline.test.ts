/** otelcol/pipeline: components defined and used, signals each one handles, connectors, the processor order. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, rangeOf } from '../../../test/support/text';
import { validate, expect, got, MINIMAL, dev } from './testSupport';

test('otelcol/pipeline: undefined components with the ID meant, unused ones, duplicates, empty pipelines, bad signals', () => {
  const text = lines(
    'receivers:',
    '  otlp:',
    '    protocols: { grpc: { endpoint: 0.0.0.0:4317 } }',
    '  prometheus:',
    'processors:',
    '  batch:',
    'exporters:',
    '  otlp/jaeger:',
    '    endpoint: jaeger-collector:4317',
    '  debug:',
    'extensions:',
    '  health_check:',
    '  pprof:',
    'service:',
    '  extensions: [health_chek]',
    '  pipelines:',
    '    traces:',
    '      receivers: [otlpp]',
    '      processors: [batch, batch]',
    '      exporters: [otlp/jaeger]',
    '    trace/2:',
    '      receivers: [otlp]',
    '      exporters: []',
  );
  const diagnostics = validate(text, { settings: dev() });
  assert.deepEqual(
    got(diagnostics),
    expect(text, [
      ['otelcol/pipeline', 'warning', 'prometheus', 'The receiver "prometheus" is defined but no pipeline uses it: the collector does not start it.'],
      ['otelcol/pipeline', 'warning', 'debug', 'The exporter "debug" is defined but no pipeline uses it: the collector does not start it.'],
      ['otelcol/pipeline', 'warning', 'pprof', 'The extension "pprof" is defined but service.extensions does not name it: the collector does not start it.'],
      ['otelcol/pipeline', 'error', 'health_chek', 'Extension "health_chek" is not defined in extensions. Did you mean "health_check"?'],
      ['otelcol/pipeline', 'error', 'otlpp', 'Receiver "otlpp" is not defined in receivers or connectors. Did you mean "otlp"?'],
      ['otelcol/pipeline', 'error', 'batch', '"batch" is named twice in traces.processors: the collector refuses it.', 2],
      ['otelcol/pipeline', 'error', 'trace', 'Pipeline "trace/2": the part before "/" must be traces, metrics or logs. Did you mean "traces"?', 1],
      ['otelcol/pipeline', 'error', 'trace/2', 'Pipeline "trace/2" has no exporters: a pipeline needs at least one.'],
    ]),
  );
  const missing = MINIMAL.replace('      exporters: [otlp/jaeger]\n', '');
  assert.deepEqual(
    got(validate(missing)),
    expect(missing, [
      ['otelcol/pipeline', 'warning', 'otlp/jaeger', 'The exporter "otlp/jaeger" is defined but no pipeline uses it: the collector does not start it.'],
      ['otelcol/pipeline', 'error', 'traces', 'Pipeline "traces" has no exporters: a pipeline needs at least one.'],
    ]),
    'a missing list is said once',
  );
  // health_check, unused because of the misspelling that means it, is the same mistake: said once.
  assert.deepEqual(diagnostics[4]?.fixes, [{ title: 'Change to "otlp"', preferred: true, edits: [{ range: rangeOf(text, 'otlpp'), newText: 'otlp' }] }]);
});

test('otelcol/pipeline: signals a component does not handle; connectors joining pipelines, or not, or in a cycle', () => {
  const text = lines(
    'receivers:',
    '  otlp:',
    '    protocols: { grpc: { endpoint: 0.0.0.0:4317 } }',
    'processors:',
    '  tail_sampling:',
    '    policies: [{ name: all, type: always_sample }]',
    'connectors:',
    '  spanmetrics:',
    '  forward:',
    '  forward/back:',
    '  count:',
    'exporters:',
    '  prometheus:',
    '    endpoint: 0.0.0.0:8889',
    'service:',
    '  pipelines:',
    '    traces:',
    '      receivers: [otlp, forward/back]',
    '      processors: [tail_sampling]',
    '      exporters: [spanmetrics, forward, count]',
    '    traces/copy:',
    '      receivers: [forward]',
    '      exporters: [forward/back]',
    '    metrics:',
    '      receivers: [spanmetrics]',
    '      processors: [tail_sampling]',
    '      exporters: [prometheus]',
    '    logs:',
    '      receivers: [spanmetrics]',
    '      exporters: [prometheus]',
  );
  assert.deepEqual(
    got(validate(text, { settings: dev() })),
    expect(text, [
      ['otelcol/pipeline', 'error', 'count', 'Connector "count" is a pipeline\'s exporter but no pipeline\'s receiver: a connector joins two pipelines.', 1],
      ['otelcol/pipeline', 'error', 'forward/back', 'Connector "forward/back" closes a cycle of pipelines: traces → traces/copy → traces.', 2],
      ['otelcol/pipeline', 'error', 'tail_sampling', 'The processor "tail_sampling" (tail_sampling) does not handle metrics: it handles traces.', 2],
      ['otelcol/pipeline', 'error', 'spanmetrics', 'Connector "spanmetrics" cannot take traces to logs: the spanmetrics connector joins traces → metrics.', 3],
      ['otelcol/pipeline', 'error', 'prometheus', 'The exporter "prometheus" (prometheus) does not handle logs: it handles metrics.', 2],
    ]),
  );
});

test('otelcol/pipeline: the processor order of the documentation, as hints', () => {
  const text = MINIMAL.replace('  batch:\n', '  batch:\n  k8sattributes:\n').replace('[memory_limiter, tail_sampling, batch]', '[batch, memory_limiter, tail_sampling, k8sattributes]');
  assert.deepEqual(
    got(validate(text)),
    expect(text, [
      ['otelcol/pipeline', 'hint', 'batch', "batch should come after tail_sampling: the collector's documentation places batch after sampling, so that batches hold only the data kept.", 1],
      [
        'otelcol/pipeline',
        'hint',
        'memory_limiter',
        'memory_limiter should be the first processor of "traces" (the collector\'s documentation): the processors before it run before memory is checked.',
        1,
      ],
      ['otelcol/pipeline', 'hint', 'k8sattributes', 'k8sattributes should come before tail_sampling: tail_sampling reassembles spans into new batches, losing the context k8sattributes reads.', 1],
    ]),
  );
});

test('otelcol/pipeline: no service, nothing joined to judge; profiles pipelines; a connector only received from; a pair from the receiving side; sampling by probabilistic_sampler; a processor among exporters', () => {
  const head = ['receivers:', '  otlp:', '    protocols: { grpc: {} }'];
  const noService = lines(...head, 'exporters:', '  debug:');
  assert.deepEqual(got(validate(noService, { settings: dev() })), expect(noService, [['otelcol/config', 'error', 'receivers', '(top level) is missing "service".']]));
  const profiles = lines(...head, 'exporters:', '  debug:', 'service:', '  pipelines:', '    profiles:', '      receivers: [otlp]', '      exporters: [debug]');
  assert.deepEqual(got(validate(profiles, { settings: dev() })), []);
  const receivedOnly = lines(...head, 'connectors:', '  forward:', 'exporters:', '  debug:', 'service:', '  pipelines:', '    traces:', '      receivers: [otlp, forward]', '      exporters: [debug]');
  assert.deepEqual(
    got(validate(receivedOnly, { settings: dev() })),
    expect(receivedOnly, [['otelcol/pipeline', 'error', 'forward', 'Connector "forward" is a pipeline\'s receiver but no pipeline\'s exporter: a connector joins two pipelines.', 1]]),
  );
  const pair = lines(
    ...head,
    'connectors:',
    '  spanmetrics:',
    'exporters:',
    '  debug:',
    'service:',
    '  pipelines:',
    '    traces:',
    '      receivers: [otlp]',
    '      exporters: [spanmetrics]',
    '    metrics:',
    '      receivers: [spanmetrics]',
    '      exporters: [debug]',
    '    traces/2:',
    '      receivers: [spanmetrics]',
    '      exporters: [debug]',
  );
  assert.deepEqual(
    got(validate(pair, { settings: dev() })),
    expect(pair, [['otelcol/pipeline', 'error', 'spanmetrics', 'Connector "spanmetrics" cannot take traces to traces: the spanmetrics connector joins traces → metrics.', 3]]),
  );
  const sampler = lines(
    ...head,
    'processors:',
    '  batch:',
    '  probabilistic_sampler:',
    '    sampling_percentage: 10',
    'exporters:',
    '  debug:',
    'service:',
    '  pipelines:',
    '    logs:',
    '      receivers: [otlp]',
    '      processors: [batch, probabilistic_sampler]',
    '      exporters: [debug]',
  );
  assert.deepEqual(
    got(validate(sampler, { settings: dev() })),
    expect(sampler, [
      ['otelcol/pipeline', 'hint', 'batch', "batch should come after probabilistic_sampler: the collector's documentation places batch after sampling, so that batches hold only the data kept.", 1],
    ]),
  );
  const misplaced = lines(...head, 'exporters:', '  debug:', '  batch:', 'service:', '  pipelines:', '    logs:', '      receivers: [otlp]', '      exporters: [debug]');
  assert.deepEqual(got(validate(misplaced, { settings: dev() })), expect(misplaced, [['otelcol/config', 'error', 'batch', '"batch" is no exporter: it is one of the processors; move it there.']]));
});
