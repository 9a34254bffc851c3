/** loki/config: the start rules Loki enforces, each at its node, and the inputs they must leave alone. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, render } from '../catalog/testSupport';

/** Rendered loki/config diagnostics of a file named loki.yaml, without the "Disable … for this line" fixes. */
const loki = (text: string) => render(diagnose('loki.yaml', { 'loki.yaml': text }), ['loki/config', 'loki/policy', 'yaml/syntax']).filter((line) => !line.includes('fix Disable '));
const periods = (...items: string[]) => `schema_config:\n  configs:\n${items.map((item) => `    - ${item}\n`).join('')}`;
const TSDB = '{from: 2024-01-01, store: tsdb, object_store: s3, schema: v13, index: {period: 24h}}';
const NO_PERIOD =
  'error loki/config Loki needs at least one schema_config.configs period: it refuses to start without one (e.g. from: 2024-01-01, store: tsdb, object_store: filesystem, schema: v13, index: {prefix: index_, period: 24h}).';

test('the tsdb index, like boltdb-shipper, needs a 24h index period: another period, none (said at index:, else at store:), one that is no duration', () => {
  assert.deepEqual(loki(periods(TSDB.replace('period: 24h', 'period: 168h'))), ['2:85-2:89 error loki/config The tsdb index needs index.period: 24h; got 168h. Loki refuses to start.']);
  assert.deepEqual(loki(periods(TSDB.replace('period: 24h', 'prefix: index_'))), ['2:69-2:74 error loki/config The tsdb index needs index.period: 24h; this period sets none. Loki refuses to start.']);
  assert.deepEqual(loki(periods('{from: 2024-01-01, store: tsdb, object_store: s3, schema: v13}')), [
    '2:25-2:30 error loki/config The tsdb index needs index.period: 24h; this period sets none. Loki refuses to start.',
  ]);
  // Not a duration: the shape says so, the 24h rule has nothing to compare.
  assert.deepEqual(loki(periods(TSDB.replace('period: 24h', 'period: 1day'))), [
    '2:85-2:89 error loki/config schema_config.configs[0].index.period: "1day" is not a duration (units y w d h m s ms in that order, e.g. 30s, 1m30s or 2h).',
  ]);
  assert.deepEqual(loki(periods(TSDB)), []);
});

test('periods in ascending order: a later date is silent, the same date twice is not', () => {
  const older = '{from: 2023-01-01, store: boltdb-shipper, object_store: s3, schema: v12, index: {period: 24h}}';
  assert.deepEqual(loki(periods(older, TSDB)), []);
  assert.deepEqual(loki(periods(TSDB, TSDB)), [`3:13-3:23 error loki/config schema_config periods must be in ascending order of "from": 2024-01-01 is not after the previous period's 2024-01-01.`]);
});

test('a period without from, store or schema: the shape says what is missing, no rule guesses', () => {
  assert.deepEqual(loki(periods('{object_store: s3, index: {period: 24h}}')), ['2:7-2:19 error loki/config schema_config.configs[0] is missing "from".']);
});

test('a schema that is no version: the shape says so; no version, so no structured metadata rule on it', () => {
  assert.deepEqual(loki(periods('{from: 2024-01-01, store: tsdb, object_store: s3, schema: xv12, index: {period: 24h}}')), [
    '2:64-2:68 error loki/config schema_config.configs[0].schema must be one of v9, v10, v11, v12, v13; got "xv12". Did you mean "v12"?',
    '  fix Change to "v12": 2:64-2:68 "v12"',
  ]);
  assert.deepEqual(loki(periods('{from: 2024-01-01, store: tsdb, object_store: s3, schema: v12b, index: {period: 24h}}')), [
    '2:64-2:68 error loki/config schema_config.configs[0].schema must be one of v9, v10, v11, v12, v13; got "v12b". Did you mean "v12"?',
    '  fix Change to "v12": 2:64-2:68 "v12"',
  ]);
});

test('no period: schema_config or configs empty are said at their key; a configs that is no list is the shape’s alone', () => {
  assert.deepEqual(loki('auth_enabled: false\nschema_config:\n'), [`1:0-1:13 ${NO_PERIOD}`]);
  assert.deepEqual(loki('schema_config:\n  configs:\n'), [`1:2-1:9 ${NO_PERIOD}`]);
  assert.deepEqual(loki('schema_config:\n  configs: 5\n'), ['1:11-1:12 error loki/config schema_config.configs must be a list; got number 5.']);
});

test('a ${VAR} value is not judged, and only that value: the rest of the file still is', () => {
  assert.deepEqual(loki(`auth_enabled: \${AUTH}\nserver:\n  log_level: verbose\n${periods(TSDB)}`), [
    '2:13-2:20 error loki/config server.log_level must be one of debug, info, warn, error; got "verbose".',
  ]);
});

test('retention: a period of 0 (forever) or an empty retention_stream needs no compactor; the fix defaults to filesystem and starts on a line of its own', () => {
  assert.deepEqual(loki(`${periods(TSDB)}limits_config:\n  retention_period: 0\n`), []);
  assert.deepEqual(loki(`${periods(TSDB)}limits_config:\n  retention_stream: []\n`), []);
  // No object_store in the period, no newline at the end of the file.
  assert.deepEqual(loki(`${periods('{from: 2024-01-01, store: tsdb, schema: v13, index: {period: 24h}}')}limits_config:\n  retention_period: 24h`), [
    '4:20-4:23 warning loki/config limits_config.retention_period is 24h, but nothing applies it: there is no compactor block (compactor.retention_enabled: true and compactor.delete_request_store are needed). Without them Loki deletes nothing and keeps every log forever.',
    '  fix Add a compactor that applies retention: 4:23-4:23 "\\n\\ncompactor:\\n  working_directory: /loki/compactor\\n  retention_enabled: true\\n  delete_request_store: filesystem\\n"',
  ]);
});
