import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIAGNOSTIC_CODES, REGISTRY } from '../checks/registry';
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
  const ja = JSON.parse(formatRules('json', 'ja')) as { code: string; short: string; help: string }[];
  const anchor = ja.find((row) => row.code === 'promql/regex-anchor');
  assert.deepEqual([anchor?.short, anchor?.help], ['不要な正規表現のアンカー', 'Prometheus はラベルの正規表現を常に両端で固定するため、先頭の ^ や末尾の $ は何も変えません。修正で削除できます。']);
  const text = formatRules('text', 'ja');
  assert.ok(text.startsWith('file/encoding (error, base/files): ファイルが UTF-8 ではない\n  ファイルを UTF-8 として読めないため検査していません。UTF-8 で保存してください。\n'), text.slice(0, 200));
});

test("every code's Japanese documentation is written in Japanese, not a copy of the English", () => {
  const japaneseScript = /[\u3040-\u30ff\u4e00-\u9fff]/;
  const gaps = REGISTRY.flatMap((check) =>
    check.meta.codes.flatMap(({ code, short, help, ja }) =>
      [
        [short, ja.short],
        [help, ja.help],
      ].flatMap(([english, japanese]) => (japanese === english || !japaneseScript.test(japanese ?? '') ? [`${check.meta.name} ${code}: ${japanese}`] : [])),
    ),
  );
  assert.deepEqual(gaps, []);
});

test('k1s0-obs rules takes --format and --locale, and nothing else', () => {
  assert.deepEqual(parseArgs(['rules']), { command: 'rules', options: { format: 'text' } });
  assert.deepEqual(parseArgs(['rules', '--format=json', '--locale', 'ja']), { command: 'rules', options: { format: 'json' } });
  assert.deepEqual(parseArgs(['rules', '--help']), { command: 'rules-help' });
  assert.deepEqual(parseArgs(['rules', '--format', 'sarif']), { command: 'error', reason: 'unknown format "sarif" (expected text, json)' });
  assert.deepEqual(parseArgs(['rules', 'examples/']), { command: 'error', reason: 'unknown option "examples/"' });
  assert.deepEqual(parseArgs(['lint']), { command: 'error', reason: 'unknown command "lint" (expected "check", "slo" or "rules")' });
});
