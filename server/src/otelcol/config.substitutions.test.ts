/** otelcol/config: `${…}` substitutions and bare `$VAR`s, in a value's text and in a collector file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from '../../../test/support/text';
import { substitutionsIn } from './config';
import { configFinding as at, configFindings } from './testSupport';

const bad = (text: string) => `"${text}" is not a substitution the collector reads: write \${env:NAME}, \${env:NAME:-default} or \${NAME}.`;
const bare = (name: string) => `$${name} is left as it is: the collector expands only \${env:${name}} (or \${${name}}); write $$ for a literal $.`;
const fixBare = (name: string) => ({ title: `Write \${env:${name}}`, newText: `\${env:${name}}` });
const scheme = (name: string, suggestion?: string) =>
  `Unknown provider "${name}" in a substitution: the collector has env, file, http, https and yaml.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`;

test('otelcol/config: what the collector expands — ${NAME}, ${env:NAME}, ${env:NAME:-default}, the other providers, $$ — is silent', () => {
  for (const raw of [
    '${VAR}',
    '${_V1}',
    '${env:OK}',
    '${env:A:-b}',
    '${env:A:-}',
    '${env:X:-${Y}}',
    '${file:/etc/x}',
    '${http://h/x}',
    '${yaml:a: b}',
    '$$',
    '$$X',
    '$$$$Y',
    '$',
    'a$',
    '$5',
    '$ x',
    '$-',
  ]) {
    assert.deepEqual(substitutionsIn(raw, 100), [], raw);
  }
});

test('otelcol/config: a substitution the collector cannot read is marked whole, at its offset in the file', () => {
  const raw = 'a ${file:} ${env:} ${env:A-b} ${env:A-} ${env::-x} ${X-1} ${1x:X} ${en_v:X} ${:x} ${-x} ${https:} ${} ${env:B';
  const marks = ['${file:}', '${env:}', '${env:A-b}', '${env:A-}', '${env::-x}', '${X-1}', '${1x:X}', '${en_v:X}', '${:x}', '${-x}', '${https:}', '${}', '${env:B'];
  assert.deepEqual(
    substitutionsIn(raw, 100),
    marks.map((mark) => ({ start: 100 + raw.indexOf(mark), end: 100 + raw.indexOf(mark) + mark.length, code: 'otelcol/config', message: bad(mark), severity: 'error' })),
  );
  assert.deepEqual(substitutionsIn('${', 7), [{ start: 7, end: 9, code: 'otelcol/config', message: bad('${'), severity: 'error' }]);
});

test('otelcol/config: an unknown provider is marked at its name, with the provider probably meant as a fix', () => {
  const raw = '${envv:X}/${qq:X}/${a+b:x}';
  const at = (name: string) => 100 + raw.indexOf(name);
  assert.deepEqual(substitutionsIn(raw, 100), [
    {
      start: at('envv'),
      end: at('envv') + 4,
      code: 'otelcol/config',
      message: scheme('envv', 'env'),
      severity: 'error',
      fixes: [{ title: 'Change to "env"', preferred: true, edits: [{ start: at('envv'), end: at('envv') + 4, newText: 'env' }] }],
    },
    { start: at('qq'), end: at('qq') + 2, code: 'otelcol/config', message: scheme('qq'), severity: 'error' },
    { start: at('a+b'), end: at('a+b') + 3, code: 'otelcol/config', message: scheme('a+b'), severity: 'error' },
  ]);
});

test('otelcol/config: a bare $VAR is a warning with ${env:VAR} as its fix, after $$ and next to another', () => {
  const raw = '$$$X$Y_1/$HOME';
  const mark = (name: string, at: number) => {
    const [start, end] = [100 + at, 100 + at + 1 + name.length];
    return {
      start,
      end,
      code: 'otelcol/config',
      message: bare(name),
      severity: 'warning',
      fixes: [{ title: fixBare(name).title, preferred: true, edits: [{ start, end, newText: `\${env:${name}}` }] }],
    };
  };
  assert.deepEqual(substitutionsIn(raw, 100), [mark('X', 2), mark('Y_1', 4), mark('HOME', 9)]);
});

test('otelcol/config: in a file, values and keys are read, quoted or not; a substituted value is not judged for its type, but keys are', () => {
  const text = lines(
    'receivers:',
    '  otlp:',
    '    protocols:',
    '      grpc:',
    '        endpoint: ${env:LISTEN:-0.0.0.0}:4317',
    '      http:',
    '        endpoint: "$$HOST:4318"',
    'processors:',
    '  memory_limiter/${env:NAME}:',
    '    limit_mib: ${env:LIMIT}',
    '  batch:',
    '    send_batch_size: ${env:SIZE}',
    '    timeout: $$5s',
    '    ${env:KEY}: 1',
    'exporters:',
    '  otlp:',
    '    endpoint: "${env:HOST:4317"',
    '    headers:',
    '      $TOKEN: x',
    "      a: '${env:B'",
    '      b: "$X"',
    "      c: 'tail $'",
    '      d: ${env:C',
    '      e: 5',
    'service:',
    '  pipelines: {}',
  );
  assert.deepEqual(configFindings(text), [
    at(text, 'error', 'memory_limiter/${env:NAME}', 'processors.memory_limiter/${env:NAME} is missing "check_interval".'),
    at(text, 'error', '$$5s', 'processors.batch.timeout: "$$5s" is not a duration (a number and a unit, ns us ms s m h, e.g. 5s, 1.5h or 300ms).'),
    at(text, 'error', '${env:KEY}', 'Unknown key "${env:KEY}" in processors.batch. Allowed keys: timeout, send_batch_size, send_batch_max_size, metadata_keys, metadata_cardinality_limit.'),
    at(text, 'error', '${env:HOST:4317', bad('${env:HOST:4317')),
    at(text, 'warning', '$TOKEN', bare('TOKEN'), { fix: fixBare('TOKEN') }),
    at(text, 'error', '${env:B', bad('${env:B')),
    at(text, 'warning', '$X', bare('X'), { fix: fixBare('X') }),
    at(text, 'error', '${env:C', bad('${env:C')),
  ]);
});
