/** otelcol/pipeline as the check returns it (in the order of the text, fixes only with a name meant): references, extensions, signals, processor order. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from '../../../test/support/text';
import { pipelineFinding as at, pipelineFindings } from './testSupport';

test("otelcol/pipeline: in the order of the text — unused components (of a type no distribution ships too), extensions, signals, references meant only among their own kinds, bad signals without a connector's consequences", () => {
  const text = lines(
    'receivers:',
    '  otlp:',
    '  k8s_cluster:',
    '  unused:',
    'processors:',
    '  batch:',
    'connectors:',
    '  forward:',
    'exporters:',
    '  debug:',
    '  logging:',
    '  zqxv:',
    'extensions:',
    '  health_check:',
    '  pprof:',
    'service:',
    '  extensions: [health_check, zpages]',
    '  pipelines:',
    '    traces:',
    '      receivers: [otlp, k8s_cluster, batc]',
    '      exporters: [debug, forward]',
    '    traces/2:',
    '      receivers: [forward]',
    '      exporters: [logging]',
    '    trace/x:',
    '      receivers: [forward]',
    '      exporters: [debug]',
    '    zzz:',
    '      receivers: [otlp]',
    '      exporters: [debug]',
  );
  assert.deepEqual(pipelineFindings(text), [
    at(text, 'warning', 'unused', 'The receiver "unused" is defined but no pipeline uses it: the collector does not start it.'),
    at(text, 'warning', 'batch', 'The processor "batch" is defined but no pipeline uses it: the collector does not start it.'),
    at(text, 'warning', 'zqxv', 'The exporter "zqxv" is defined but no pipeline uses it: the collector does not start it.'),
    at(text, 'warning', 'pprof', 'The extension "pprof" is defined but service.extensions does not name it: the collector does not start it.'),
    at(text, 'error', 'zpages', 'Extension "zpages" is not defined in extensions.'),
    at(text, 'error', 'k8s_cluster', 'The receiver "k8s_cluster" (k8s_cluster) does not handle traces: it handles metrics, logs.', { occurrence: 1 }),
    at(text, 'error', 'batc', 'Receiver "batc" is not defined in receivers or connectors.', { occurrence: 1 }),
    at(text, 'error', 'trace', 'Pipeline "trace/x": the part before "/" must be traces, metrics or logs. Did you mean "traces"?', { occurrence: 2, fix: 'traces' }),
    at(text, 'error', 'zzz', 'Pipeline "zzz": the part before "/" must be traces, metrics or logs.'),
  ]);
});

test('otelcol/pipeline: k8sattributes before tail_sampling, or without it, gets no hint', () => {
  const text = lines(
    'receivers: { otlp: }',
    'processors: { k8sattributes: , tail_sampling: { policies: [] } }',
    'exporters: { debug: }',
    'service:',
    '  pipelines:',
    '    traces:',
    '      receivers: [otlp]',
    '      processors: [k8sattributes, tail_sampling]',
    '      exporters: [debug]',
    '    traces/2:',
    '      receivers: [otlp]',
    '      processors: [k8sattributes]',
    '      exporters: [debug]',
  );
  assert.deepEqual(pipelineFindings(text), []);
});
