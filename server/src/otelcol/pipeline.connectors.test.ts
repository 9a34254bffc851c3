/** otelcol/pipeline as the check returns it: the signal pairs connectors join, from either side, and cycles of pipelines. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from '../../../test/support/text';
import { pipelineFinding as at, pipelineFindings } from './testSupport';

test("otelcol/pipeline: a connector's pairs, said at each side that has none, with every pair it joins; a connector of a type not known is not judged", () => {
  const text = lines(
    'receivers: { otlp: }',
    'connectors:',
    '  forward:',
    '  spanmetrics:',
    '  zqconn:',
    '  forward/m:',
    '  spanmetrics/2:',
    'exporters: { debug: }',
    'service:',
    '  pipelines:',
    '    traces:',
    '      receivers: [otlp]',
    '      exporters: [forward, zqconn, forward/m]',
    '    metrics:',
    '      receivers: [forward, zqconn, forward/m]',
    '      exporters: [debug]',
    '    logs:',
    '      receivers: [otlp, forward/m]',
    '      exporters: [spanmetrics, spanmetrics/2]',
    '    metrics/2:',
    '      receivers: [otlp]',
    '      exporters: [spanmetrics, spanmetrics/2]',
    '    traces/2:',
    '      receivers: [otlp]',
    '      exporters: [spanmetrics]',
    '    metrics/3:',
    '      receivers: [spanmetrics, spanmetrics/2]',
    '      exporters: [debug]',
  );
  assert.deepEqual(pipelineFindings(text), [
    at(text, 'error', 'forward', 'Connector "forward" cannot take traces to metrics: the forward connector joins traces → traces, metrics → metrics, logs → logs.', { occurrence: 2 }),
    at(text, 'error', 'forward/m', 'Connector "forward/m" cannot take traces to metrics, logs: the forward connector joins traces → traces, metrics → metrics, logs → logs.', { occurrence: 1 }),
    at(text, 'error', 'forward', 'Connector "forward" cannot take traces to metrics: the forward connector joins traces → traces, metrics → metrics, logs → logs.', { occurrence: 4 }),
    at(text, 'error', 'forward/m', 'Connector "forward/m" cannot take traces to metrics: the forward connector joins traces → traces, metrics → metrics, logs → logs.', { occurrence: 2 }),
    at(text, 'error', 'forward/m', 'Connector "forward/m" cannot take traces to logs: the forward connector joins traces → traces, metrics → metrics, logs → logs.', { occurrence: 3 }),
    at(text, 'error', 'spanmetrics', 'Connector "spanmetrics" cannot take logs to metrics: the spanmetrics connector joins traces → metrics.', { occurrence: 2 }),
    at(text, 'error', 'spanmetrics/2', 'Connector "spanmetrics/2" cannot take logs to metrics: the spanmetrics connector joins traces → metrics.', { occurrence: 1 }),
    at(text, 'error', 'spanmetrics', 'Connector "spanmetrics" cannot take metrics to metrics: the spanmetrics connector joins traces → metrics.', { occurrence: 4 }),
    at(text, 'error', 'spanmetrics/2', 'Connector "spanmetrics/2" cannot take metrics to metrics: the spanmetrics connector joins traces → metrics.', { occurrence: 2 }),
    at(text, 'error', 'spanmetrics/2', 'Connector "spanmetrics/2" cannot take logs, metrics to metrics: the spanmetrics connector joins traces → metrics.', { occurrence: 3 }),
  ]);
});

test('otelcol/pipeline: each cycle once, at the connector that closes it, from where it starts, also when it is reached from another pipeline or closed twice by one reference', () => {
  const text = lines(
    'receivers: { otlp: }',
    'connectors: { forward/ab: , forward/ba: , forward/cb: , forward/1: , forward/2: , forward/3: , forward/x: , forward/y: }',
    'exporters: { debug: }',
    'service:',
    '  pipelines:',
    '    traces/a:',
    '      receivers: [otlp, forward/ba]',
    '      exporters: [forward/ab]',
    '    traces/b:',
    '      receivers: [forward/ab, forward/cb]',
    '      exporters: [forward/ba]',
    '    traces/c:',
    '      receivers: [otlp]',
    '      exporters: [forward/cb, forward/1]',
    '    traces/d:',
    '      receivers: [forward/1, forward/3]',
    '      exporters: [forward/2]',
    '    traces/e:',
    '      receivers: [forward/2]',
    '      exporters: [forward/3, debug]',
    '    traces/q:',
    '      receivers: [otlp, forward/x]',
    '      exporters: [forward/y]',
    '    traces/p:',
    '      receivers: [forward/y, forward/x]',
    '      exporters: [forward/x]',
  );
  assert.deepEqual(pipelineFindings(text), [
    at(text, 'error', 'forward/ba', 'Connector "forward/ba" closes a cycle of pipelines: traces/a → traces/b → traces/a.', { occurrence: 2 }),
    at(text, 'error', 'forward/3', 'Connector "forward/3" closes a cycle of pipelines: traces/d → traces/e → traces/d.', { occurrence: 2 }),
    at(text, 'error', 'forward/x', 'Connector "forward/x" closes a cycle of pipelines: traces/q → traces/p → traces/q.', { occurrence: 3 }),
  ]);
});
