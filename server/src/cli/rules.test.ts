import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIAGNOSTIC_CODES } from '../checks/registry';
import { parseArgs } from './args';
import { formatRules } from './rules';

test('k1s0-obs rules lists every registered code with its severity, check and documentation', () => {
  const rows = JSON.parse(formatRules('json', 'en')) as { code: string; severity: string; short: string; help: string; check: string; fileKinds: string[] }[];
  assert.deepEqual([...new Set(rows.map((row) => row.code))].sort(), [...DIAGNOSTIC_CODES].sort());
  assert.deepEqual(
    rows.find((row) => row.code === 'promql/regex-anchor'),
    {
      code: 'promql/regex-anchor',
      severity: 'hint',
      short: 'redundant regex anchor',
      help: 'Prometheus anchors every label regex at both ends, so a leading ^ or trailing $ changes nothing; the fix removes it.',
      check: 'catalog/regexAnchor',
      fileKinds: ['rules', 'dashboard', 'promql'],
    },
  );
  const text = formatRules('text', 'ja');
  assert.ok(text.startsWith('file/encoding (error, base/files): ファイルが UTF-8 ではない\n  ファイルを UTF-8 として読めないため検査していません。UTF-8 で保存してください。\n'), text.slice(0, 200));
});

test('k1s0-obs rules takes --format and --locale, and nothing else', () => {
  assert.deepEqual(parseArgs(['rules']), { command: 'rules', options: { format: 'text' } });
  assert.deepEqual(parseArgs(['rules', '--format=json', '--locale', 'ja']), { command: 'rules', options: { format: 'json' } });
  assert.deepEqual(parseArgs(['rules', '--help']), { command: 'rules-help' });
  assert.deepEqual(parseArgs(['rules', '--format', 'sarif']), { command: 'error', reason: 'unknown format "sarif" (expected text, json)' });
  assert.deepEqual(parseArgs(['rules', 'examples/']), { command: 'error', reason: 'unknown option "examples/"' });
  assert.deepEqual(parseArgs(['lint']), { command: 'error', reason: 'unknown command "lint" (expected "check", "slo" or "rules")' });
});
