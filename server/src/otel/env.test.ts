import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, render } from '../catalog/testSupport';

const only = (lines: string[]) => lines.filter((l) => !l.includes('fix Disable '));
/** otel/env findings of a .env file (its lines joined), in a workspace of `files`. */
const dotenv = (rows: string[], files: Record<string, string> = {}) => only(render(diagnose('.env', { ...files, '.env': `${rows.join('\n')}\n` }), ['otel/env']));

test('names: a far-off OTEL_ name, another SDK’s prefix and non-OTEL names are left alone', () => {
  assert.deepEqual(dotenv(['OTEL_SOMETHING_ELSE_ENTIRELY=1', 'OTEL_PYTHON_LOG_CORRELATION=true', 'OTEL_GO_SDK_DISABLED=true', 'OTL_SERVICE_NAME=order', 'OTELX=1', 'JAVA_OPTS=-Xmx1g']), []);
  // The same distance without another SDK's prefix is a misspelling.
  assert.deepEqual(dotenv(['OTEL_XX_SDK_DISABLED=true']), [
    '0:0-0:20 warning otel/env OTEL_XX_SDK_DISABLED is not a variable of the OpenTelemetry SDK specification: the SDK ignores it. Did you mean OTEL_SDK_DISABLED?',
    '  fix Rename to OTEL_SDK_DISABLED: 0:0-0:20 "OTEL_SDK_DISABLED"',
  ]);
});

test('values the SDK reads in any case, empty values and ${…} references are accepted', () => {
  assert.deepEqual(
    dotenv([
      'OTEL_EXPORTER_OTLP_PROTOCOL=GRPC',
      'OTEL_PROPAGATORS=TraceContext, baggage,,b3',
      'OTEL_SDK_DISABLED=FALSE',
      'OTEL_BSP_SCHEDULE_DELAY=5000',
      'OTEL_EXPORTER_OTLP_ENDPOINT=${COLLECTOR}',
      'OTEL_RESOURCE_ATTRIBUTES=a=1,,b=x=y,',
      'OTEL_SERVICE_NAME=',
      'OTEL_TRACES_SAMPLER=  ',
    ]),
    [],
  );
});

test('values: an enum with no near value, list items among spaces, URLs without a host, pairs without a key', () => {
  assert.deepEqual(
    dotenv(['OTEL_TRACES_SAMPLER=sometimes', 'OTEL_PROPAGATORS= tracecontext , bagage ', 'OTEL_EXPORTER_OTLP_ENDPOINT=http://', 'OTEL_RESOURCE_ATTRIBUTES=a=1,=x', 'OTEL_BSP_SCHEDULE_DELAY=-1']),
    [
      '0:20-0:29 warning otel/env OTEL_TRACES_SAMPLER="sometimes" is not one of always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio, parentbased_jaeger_remote, jaeger_remote, xray: the SDK ignores it and uses its default.',
      '1:33-1:39 warning otel/env OTEL_PROPAGATORS: "bagage" is not one of tracecontext, baggage, b3, b3multi, jaeger, xray, ottrace, none. Did you mean "baggage"?',
      '  fix Change to "baggage": 1:33-1:39 "baggage"',
      '2:28-2:35 warning otel/env OTEL_EXPORTER_OTLP_ENDPOINT="http://" is not a URL with a scheme: write it as http://host:port (e.g. http://jaeger:4317).',
      '3:25-3:31 warning otel/env OTEL_RESOURCE_ATTRIBUTES: "=x" is not a key=value pair: the SDK drops the whole variable when one pair is malformed (pairs are separated by commas, values percent-encoded).',
      '4:24-4:26 warning otel/env OTEL_BSP_SCHEDULE_DELAY="-1" is not a whole number (milliseconds, sizes and limits are integers): the SDK ignores it and uses its default.',
    ],
  );
});

test('ratios: read only with a ratio sampler; decimals, exponents and the ends of [0, 1]', () => {
  const ratio = (sampler: string, arg: string) => dotenv([`OTEL_TRACES_SAMPLER=${sampler}`, `OTEL_TRACES_SAMPLER_ARG=${arg}`]);
  for (const good of ['0', '1', '.5', '1.', '1e-1', '+0.5']) assert.deepEqual(ratio('traceidratio', good), [], good);
  for (const bad of ['-0.1', '1.01', 'half', '0x1', '1e1']) {
    assert.deepEqual(
      ratio('parentbased_traceidratio', bad),
      [
        `1:24-1:${24 + bad.length} warning otel/env OTEL_TRACES_SAMPLER_ARG="${bad}" is not a ratio in [0, 1], which the parentbased_traceidratio sampler needs: the SDK ignores it and samples every trace (1.0).`,
      ],
      bad,
    );
  }
  assert.deepEqual(ratio('always_on', 'half'), []);
  assert.deepEqual(dotenv(['OTEL_TRACES_SAMPLER_ARG=half']), []);
});

test('ports and protocols: per-signal endpoints fall back to the general protocol; other ports are not judged', () => {
  assert.deepEqual(
    dotenv([
      'OTEL_EXPORTER_OTLP_PROTOCOL=grpc',
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://jaeger:4318',
      'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT=http://collector:9090',
      'OTEL_EXPORTER_OTLP_LOGS_ENDPOINT=http://loki:4318',
      'OTEL_EXPORTER_OTLP_LOGS_PROTOCOL=http/json',
      'OTEL_EXPORTER_OTLP_ENDPOINT=jaeger:4318',
    ]),
    [
      '1:35-1:53 warning otel/env OTEL_EXPORTER_OTLP_TRACES_ENDPOINT uses port 4318, but OTEL_EXPORTER_OTLP_PROTOCOL is grpc: OTLP gRPC is received on 4317 (4317 gRPC, 4318 HTTP).',
      '5:28-5:39 warning otel/env OTEL_EXPORTER_OTLP_ENDPOINT="jaeger:4318" is not a URL with a scheme: write it as http://host:port (e.g. http://jaeger:4317).',
    ],
  );
});

/** A compose service built from ./order, whose config.dev.yaml says `sample_rate` and `endpoint`; its environment in the block form. */
const precedence = (variables: string[], sampleRate = '0.25', endpoint = '"jaeger:4317"', more: Record<string, string> = {}) =>
  only(
    render(
      diagnose('docker-compose.yaml', {
        'order/config/config.dev.yaml': `observability:\n  trace:\n    enabled: true\n    endpoint: ${endpoint}\n    sample_rate: ${sampleRate}\n`,
        ...more,
        'docker-compose.yaml': `services:\n  order:\n    build: ./order\n    environment:\n${variables.map((v) => `      - ${v}\n`).join('')}`,
      }),
      ['otel/env'],
    ),
  );
const ignored = (at: string, variable: string, what: string, line: number, value: string) =>
  `${at} warning otel/env ${variable} is ignored while order/config/config.dev.yaml is readable: its ${what} (line ${line}) is ${value}, and config.yaml's observability section wins over the OTEL_* variables, which are only a fallback.`;

test('precedence: what each sampler would sample, against sample_rate', () => {
  assert.deepEqual(precedence(['OTEL_TRACES_SAMPLER=traceidratio']), [ignored('4:8-4:27', 'OTEL_TRACES_SAMPLER=traceidratio', 'trace.sample_rate', 5, '0.25')]);
  assert.deepEqual(precedence(['OTEL_TRACES_SAMPLER=parentbased_always_off'], '1'), [ignored('4:8-4:27', 'OTEL_TRACES_SAMPLER=parentbased_always_off', 'trace.sample_rate', 5, '1.0')]);
  assert.deepEqual(precedence(['OTEL_TRACES_SAMPLER=parentbased_always_on'], '1.0'), []);
  assert.deepEqual(precedence(['OTEL_TRACES_SAMPLER=always_off'], '0'), []);
  assert.deepEqual(precedence(['OTEL_TRACES_SAMPLER=traceidratio', 'OTEL_TRACES_SAMPLER_ARG=0.25']), []);
  for (const end of ['0', '1']) {
    assert.deepEqual(precedence(['OTEL_TRACES_SAMPLER=traceidratio', `OTEL_TRACES_SAMPLER_ARG=${end}`]), [ignored('5:8-5:31', `OTEL_TRACES_SAMPLER_ARG=${end}`, 'trace.sample_rate', 5, '0.25')], end);
  }
  assert.deepEqual(precedence(['OTEL_TRACES_SAMPLER=xray', 'OTEL_TRACES_SAMPLER_ARG=0.5']), [], 'a sampler that takes no ratio');
  // An argument the SDK would not read: the ratio finding only.
  assert.deepEqual(precedence(['OTEL_TRACES_SAMPLER=traceidratio', 'OTEL_TRACES_SAMPLER_ARG=2']), [
    '5:32-5:33 warning otel/env OTEL_TRACES_SAMPLER_ARG="2" is not a ratio in [0, 1], which the traceidratio sampler needs: the SDK ignores it and samples every trace (1.0).',
  ]);
  assert.deepEqual(precedence(['OTEL_TRACES_SAMPLER=traceidratio', 'OTEL_TRACES_SAMPLER_ARG=${RATIO}']), [ignored('4:8-4:27', 'OTEL_TRACES_SAMPLER=traceidratio', 'trace.sample_rate', 5, '0.25')]);
});

test('precedence: the traces endpoint before the general one; host and port both count', () => {
  assert.deepEqual(precedence(['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://jaeger:4318', 'OTEL_EXPORTER_OTLP_ENDPOINT=http://jaeger:4317']), [
    ignored('4:8-4:42', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://jaeger:4318', 'trace.endpoint', 4, '"jaeger:4317"'),
  ]);
  assert.deepEqual(precedence(['OTEL_EXPORTER_OTLP_ENDPOINT=http://jaeger:4317/']), []);
  assert.deepEqual(precedence(['OTEL_EXPORTER_OTLP_ENDPOINT=${COLLECTOR}']), []);
  assert.deepEqual(precedence(['OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4317'], '0.25', 'not an endpoint'), []);
});

test('precedence: config files of two services in the same environment are no answer', () => {
  const twin = { 'order/other/config/config.dev.yaml': 'observability:\n  trace:\n    sample_rate: 0.5\n' };
  assert.deepEqual(precedence(['OTEL_TRACES_SAMPLER=always_on'], '0.25', '"jaeger:4317"', twin), []);
});

test('a URL without a host is no URL; a protocol the SDK does not know says nothing of ports', () => {
  assert.deepEqual(dotenv(['OTEL_EXPORTER_OTLP_ENDPOINT=file:///tmp/otlp', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://jaeger:4317', 'OTEL_EXPORTER_OTLP_PROTOCOL=thrift']), [
    '0:28-0:44 warning otel/env OTEL_EXPORTER_OTLP_ENDPOINT="file:///tmp/otlp" is not a URL with a scheme: write it as http://host:port (e.g. http://jaeger:4317).',
    '2:28-2:34 warning otel/env OTEL_EXPORTER_OTLP_PROTOCOL="thrift" is not one of grpc, http/protobuf, http/json: the SDK ignores it and uses its default.',
  ]);
});
