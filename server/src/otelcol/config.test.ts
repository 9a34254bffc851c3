/** otelcol/config: component IDs and types, and the limits of batch and memory_limiter, as the check returns them (offsets, order, fixes). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from '../../../test/support/text';
import { setLocale } from '../l10n';
import { configFinding as at, configFindings } from './testSupport';

const TAIL = ['service:', '  pipelines: {}'];
const BAD_ID = 'is not a component ID: write type[/name] (the type a letter, then letters, digits or _; the name not empty).';

test('otelcol/config: a component ID is a type of a letter then up to 62 letters, digits or _, and a name not empty after "/"', () => {
  const longest = `x${'y'.repeat(62)}`;
  const text = lines('receivers:', '  1otlp:', '  otlp-x:', '  otlp/:', '  otlp/a/:', '  otlp/grpc_2:', `  ${longest}:`, `  ${longest}z:`, 'exporters:', '  debug:', ...TAIL);
  assert.deepEqual(configFindings(text), [
    at(text, 'error', '1otlp', `"1otlp" ${BAD_ID}`),
    at(text, 'error', 'otlp-x', `"otlp-x" ${BAD_ID}`),
    at(text, 'error', 'otlp/', `"otlp/" ${BAD_ID}`),
    at(text, 'warning', longest, `Unknown receiver type "${longest}": no collector distribution (core, contrib, k8s) ships it.`),
    at(text, 'error', `${longest}z`, `"${longest}z" ${BAD_ID}`),
  ]);
});

test('otelcol/config: removed, misplaced and unknown types are marked on the type, not on the "/name" after it', () => {
  const text = lines('receivers:', '  logging/in:', 'processors:', '  otlp/in:', '  jaeger/old:', 'exporters:', '  logging/old:', '  otlphtp/loki:', '  zqxv/custom:', '  debug/ok:', ...TAIL);
  assert.deepEqual(configFindings(text), [
    at(text, 'warning', 'logging', 'Unknown receiver type "logging": no collector distribution (core, contrib, k8s) ships it.'),
    at(text, 'error', 'otlp', '"otlp" is no processor: it is one of the receivers and exporters; move it there.'),
    at(text, 'error', 'jaeger', '"jaeger" is no processor: it is one of the receivers; move it there.'),
    at(text, 'error', 'logging', 'The exporter "logging" was removed from the collector in v0.111.0: use the `debug` exporter.', { occurrence: 1 }),
    at(text, 'warning', 'otlphtp', 'Unknown exporter type "otlphtp": no collector distribution (core, contrib, k8s) ships it. Did you mean "otlphttp"?', { fix: 'otlphttp' }),
    at(text, 'warning', 'zqxv', 'Unknown exporter type "zqxv": no collector distribution (core, contrib, k8s) ships it.'),
  ]);
});

test('otelcol/config: a removed type says its replacement in the language of the messages', () => {
  const text = lines('receivers:', '  otlp:', 'exporters:', '  jaeger/old:', ...TAIL);
  setLocale('ja');
  try {
    assert.deepEqual(
      configFindings(text).map((finding) => finding.message),
      ['エクスポーター "jaeger" は Collector v0.85.0 で削除されました: `otlp` エクスポーターで Jaeger の OTLP ポートに送ってください（`endpoint: jaeger-collector:4317`）。'],
    );
  } finally {
    setLocale('en');
  }
});

test('otelcol/config: send_batch_max_size below send_batch_size (8192 when unset); 0 is no limit; a substitution is not judged', () => {
  const text = lines(
    'processors:',
    '  batch:',
    '    send_batch_max_size: 4096',
    '  batch/equal:',
    '    send_batch_size: 512',
    '    send_batch_max_size: 512',
    '  batch/unlimited:',
    '    send_batch_size: 512',
    '    send_batch_max_size: 0',
    '  batch/below:',
    '    send_batch_size: 512',
    '    send_batch_max_size: 511',
    '  batch/above:',
    '    send_batch_max_size: 8193',
    '  batch/substituted:',
    '    send_batch_size: 512',
    '    send_batch_max_size: ${env:MAX}',
    '  batch/list: [1]',
    '  batch/empty:',
    'receivers: { otlp: }',
    'exporters: { debug: }',
    ...TAIL,
  );
  assert.deepEqual(configFindings(text), [
    at(text, 'error', '4096', 'send_batch_max_size (4096) is smaller than send_batch_size (8192): the collector refuses it.'),
    at(text, 'error', '511', 'send_batch_max_size (511) is smaller than send_batch_size (512): the collector refuses it.'),
    at(text, 'error', '[1]', 'processors.batch/list must be a mapping; got a list.'),
  ]);
});

test('otelcol/config: memory_limiter needs a limit above 0, and a spike limit below it, in MiB and in percent', () => {
  const text = lines(
    'processors:',
    '  memory_limiter:',
    '  memory_limiter/list: [1]',
    '  memory_limiter/spikes:',
    '    check_interval: 1s',
    '    limit_mib: 400',
    '    spike_limit_mib: 400',
    '    limit_percentage: 80',
    '    spike_limit_percentage: 79',
    '  memory_limiter/percent:',
    '    check_interval: 1s',
    '    spike_limit_percentage: 60',
    '    limit_percentage: 50',
    '    spike_limit_mib: 100',
    '    limit_mib: 0',
    '  memory_limiter/substituted:',
    '    check_interval: 1s',
    '    limit_mib: ${env:LIMIT}',
    '    spike_limit_mib: 500',
    '  memory_limiter/zero:',
    '    check_interval: 1s',
    '    limit_mib: 0',
    '    limit_percentage: 0',
    '    spike_limit_mib: 0',
    'receivers: { otlp: }',
    'exporters: { debug: }',
    ...TAIL,
  );
  const noLimit = 'memory_limiter needs limit_mib or limit_percentage: the collector refuses to start without one.';
  assert.deepEqual(configFindings(text), [
    at(text, 'error', 'memory_limiter', noLimit),
    at(text, 'error', 'memory_limiter/list', noLimit),
    at(text, 'error', '[1]', 'processors.memory_limiter/list must be a mapping; got a list.'),
    at(text, 'error', '400', 'spike_limit_mib (400) must be smaller than limit_mib (400).', { occurrence: 1 }),
    at(text, 'error', '60', 'spike_limit_percentage (60) must be smaller than limit_percentage (50).'),
    at(text, 'error', 'memory_limiter/zero', noLimit),
  ]);
});

test('otelcol/config: findings come in the order of the text, whichever rule made them', () => {
  const text = lines(
    'processors:',
    '  memory_limiter:',
    '    check_interval: 1s',
    '    limit_mib: 100',
    '    spike_limit_mib: 200',
    '    limit_percentage: 10',
    '    spike_limit_percentage: 20',
    '  batch:',
    '    timeot: 1s',
    '    send_batch_max_size: $MAX',
    '  1bad:',
    'receivers: { otlp: }',
    'exporters: { debug: }',
    ...TAIL,
  );
  assert.deepEqual(
    configFindings(text).map((finding) => [text.slice(finding.start, finding.end), finding.message]),
    [
      ['200', 'spike_limit_mib (200) must be smaller than limit_mib (100).'],
      ['20', 'spike_limit_percentage (20) must be smaller than limit_percentage (10).'],
      ['timeot', 'Unknown key "timeot" in processors.batch. Did you mean "timeout"? Allowed keys: timeout, send_batch_size, send_batch_max_size, metadata_keys, metadata_cardinality_limit.'],
      ['$MAX', 'processors.batch.send_batch_max_size must be an integer; got string "$MAX".'],
      ['$MAX', '$MAX is left as it is: the collector expands only ${env:MAX} (or ${MAX}); write $$ for a literal $.'],
      ['1bad', `"1bad" ${BAD_ID}`],
    ],
  );
});

test("otelcol/config: a tail_sampling without policies, or with a mapping for them, has none to judge; another processor's policies are not tail_sampling's", () => {
  const text = lines(
    'processors:',
    '  tail_sampling:',
    '  tail_sampling/map:',
    '    policies: { a: 1 }',
    '  probabilistic_sampler:',
    '    sampling_percentage: 10',
    '    policies:',
    '      - name: slow',
    '        type: latency',
    'receivers: { otlp: }',
    'exporters: { debug: }',
    ...TAIL,
  );
  assert.deepEqual(configFindings(text), [
    at(text, 'error', '{ a: 1 }', 'processors.tail_sampling/map.policies must be a list; got a mapping.'),
    at(
      text,
      'error',
      'policies',
      'Unknown key "policies" in processors.probabilistic_sampler. Allowed keys: sampling_percentage, hash_seed, mode, fail_closed, sampling_precision, attribute_source, from_attribute, sampling_priority.',
      { occurrence: 1 },
    ),
  ]);
});
