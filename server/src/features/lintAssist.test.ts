import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';
import { EditorFeatures } from './editorFeatures';
import { DIAGNOSTIC_CODES } from '../checks/registry';
import { setLocale } from '../l10n';

const URI = 'file:///ws/.k1s0/lint.yaml';

function featuresFor(text: string) {
  const service = new LanguageService();
  const features = new EditorFeatures(
    service,
    () => ({ settings: DEFAULT_SETTINGS, location: { path: '/ws/.k1s0/lint.yaml', relativePath: '.k1s0/lint.yaml' } }),
    (uri) => uri,
  );
  const at = (marker: string) => {
    const offset = text.indexOf(marker);
    assert.ok(offset >= 0, marker);
    const before = text.slice(0, offset).split('\n');
    return { file: { uri: URI, text: text.replace('|', '') }, position: { line: before.length - 1, character: (before.at(-1) ?? '').length } };
  };
  return { features, at };
}

test('.k1s0/lint.yaml: top-level keys, then every registered code and area under diagnostics.severity, then severities as values', () => {
  const top = featuresFor('files:\n  rules: []\n|');
  assert.deepEqual(
    top.features.completion(top.at('|')).map((item) => item.label),
    ['diagnostics', 'config', 'catalog'],
  );

  const codes = featuresFor('diagnostics:\n  severity:\n    config/policy: off\n    |');
  const labels = codes.features.completion(codes.at('|')).map((item) => item.label);
  for (const code of DIAGNOSTIC_CODES.filter((c) => c !== 'config/policy')) assert.ok(labels.includes(code), code);
  assert.ok(!labels.includes('config/policy'), 'a key already there is not offered again');
  assert.ok(labels.includes('catalog') && labels.includes('promql'), 'areas are keys too');
  const item = codes.features.completion(codes.at('|')).find((i) => i.label === 'promql/regex-anchor');
  assert.equal(item?.detail, 'redundant regex anchor (default: hint)');
  assert.equal(item?.insertText, 'promql/regex-anchor: ${1|error,warning,information,hint,off|}');

  const values = featuresFor('diagnostics:\n  severity:\n    config/policy: |');
  assert.deepEqual(
    values.features.completion(values.at('|')).map((i) => i.label),
    ['error', 'warning', 'information', 'hint', 'off'],
  );
});

test('.k1s0/lint.yaml: hover on a code names what it catches', () => {
  const { features, at } = featuresFor('diagnostics:\n  severity:\n    promql/re|gex: off\n');
  const hover = features.hover(at('|'));
  assert.equal(
    hover?.contents,
    '**promql/regex** — regex that should be an equality (default: hint)\n\nA regex matcher without a metacharacter is an equality in disguise (Prometheus anchors regexes): = or != says so and is cheaper.',
  );
  assert.deepEqual(hover?.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 16 } });
});

test('.k1s0/lint.yaml under Japanese: completion and hover of a code say its Japanese short name and help', () => {
  setLocale('ja');
  try {
    const codes = featuresFor('diagnostics:\n  severity:\n    |');
    const items = codes.features.completion(codes.at('|'));
    const anchor = items.find((i) => i.label === 'promql/regex-anchor');
    assert.deepEqual(
      [anchor?.detail, anchor?.documentation],
      ['不要な正規表現のアンカー（既定: hint）', 'Prometheus はラベルの正規表現を常に両端で固定するため、先頭の ^ や末尾の $ は何も変えません。修正で削除できます。'],
    );
    const { features, at } = featuresFor('diagnostics:\n  severity:\n    promql/re|gex: off\n');
    assert.equal(
      features.hover(at('|'))?.contents,
      '**promql/regex** — 等値にすべき正規表現（既定: hint）\n\nメタ文字のない正規表現マッチャーは実質的に等値です（Prometheus は正規表現を両端で固定します）。= または != のほうが意図が明確で、処理も軽くなります。',
    );
  } finally {
    setLocale('en');
  }
});
