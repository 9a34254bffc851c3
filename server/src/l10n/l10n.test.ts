import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { checkConfigPolicy } from '../config/policy';
import { checkConfigSchema } from '../config/schema';
import { findObservabilityEntry } from '../config/section';
import { en } from './en';
import { ja } from './ja';
import { AREA_MESSAGES, getLocale, localize, messages, resolveLocale, setLocale } from './index';

test('locales resolve from BCP 47 tags and POSIX names; anything else is English', () => {
  assert.deepEqual(['ja', 'ja-JP', 'ja_JP.UTF-8', 'JA', 'en-US', 'C.UTF-8', 'fr', '', undefined].map(resolveLocale), ['ja', 'ja', 'ja', 'ja', 'en', 'en', 'en', 'en', 'en']);
});

test('Japanese has every English message, and none is left in English by mistake', () => {
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
  assert.equal(localize('ja', 'fix.renameTo', { key: 'sample_rate' }), '"sample_rate" に名前を変更');
  assert.equal(localize('en', 'fix.renameTo', { key: 'sample_rate' }), 'Rename to "sample_rate"');
});

const STAGING = `observability:
  log:
    level: info
    format: jsno
  trace:
    enabled: true
    endpoint: jaeger:4317
    sample_ratio: 0.5
  metrics:
    enabled: true
    path: /metrics
`;

function entryOf(text: string) {
  const entry = findObservabilityEntry([parseDocument(text)]);
  assert.ok(entry);
  return entry;
}

test('config/schema speaks the chosen language, and a misspelt key is still one finding', () => {
  try {
    assert.equal(setLocale('ja-JP'), 'ja');
    assert.equal(getLocale(), 'ja');
    const findings = checkConfigSchema(entryOf(STAGING));
    assert.deepEqual(
      findings.map((f) => [f.message, f.fixes?.map((fix) => fix.title)]),
      [
        ['observability.log.format は text、json のいずれかである必要があります。実際の値: 文字列 "jsno"。"json" の誤りではありませんか？', ['"json" に変更']],
        ['observability.trace に未知のキー "sample_ratio" があります。"sample_rate" の誤りではありませんか？使用できるキー: enabled、endpoint、sample_rate。', ['"sample_rate" に名前を変更']],
      ],
    );
    setLocale('en');
    assert.deepEqual(
      checkConfigSchema(entryOf(STAGING)).map((f) => f.message),
      [
        'observability.log.format must be one of text, json; got string "jsno". Did you mean "json"?',
        'Unknown key "sample_ratio" in observability.trace. Did you mean "sample_rate"? Allowed keys: enabled, endpoint, sample_rate.',
      ],
    );
  } finally {
    setLocale('en');
  }
});

test('config/policy speaks the chosen language, quoting the design rule in it', () => {
  const text =
    'observability:\n  log:\n    level: warn\n    format: text\n  trace:\n    enabled: true\n    endpoint: jaeger:4317\n    sample_rate: 1.0\n  metrics:\n    enabled: true\n    path: /metrics\n';
  try {
    setLocale('ja');
    assert.deepEqual(
      checkConfigPolicy(entryOf(text), 'prod', text).map((f) => [f.message, f.fixes?.[0]?.title]),
      [
        [
          'prod: observability.trace.sample_rate は 1.0 ではなく 0.1 にしてください（設計: トレースサンプリング戦略: prod は 10%（OTel Collector でテールベース、エラーは 100%））。',
          'trace.sample_rate を 0.1 に設定（prod のポリシー）',
        ],
        ['prod: observability.log.format は text ではなく json にしてください（設計: JSON 構造化ログが標準（Loki）、text は dev のみ）。', 'log.format を json に設定（prod のポリシー）'],
      ],
    );
  } finally {
    setLocale('en');
  }
});

test('a missing key under enabled: true is said in Japanese', () => {
  const text = 'observability:\n  log:\n    level: info\n    format: json\n  trace:\n    enabled: true\n    endpoint: jaeger:4317\n  metrics:\n    enabled: false\n';
  try {
    setLocale('ja');
    assert.deepEqual(
      checkConfigSchema(entryOf(text)).map((f) => f.message),
      ['observability.trace に "sample_rate" がありません（enabled が true の間は必須）。0 以上 1 以下の数値 を指定してください（例: sample_rate: 0.1）。'],
    );
  } finally {
    setLocale('en');
  }
});

test('an area table speaks the current language and every table has the same keys in Japanese', () => {
  const say = messages('test/area', { en: { hello: (p: { who: string }) => `Hello ${p.who}` }, ja: { hello: (p) => `こんにちは ${p.who}` } });
  try {
    setLocale('ja');
    assert.equal(say('hello', { who: 'k1s0' }), 'こんにちは k1s0');
    setLocale('en');
    assert.equal(say('hello', { who: 'k1s0' }), 'Hello k1s0');
  } finally {
    setLocale('en');
  }
  for (const { name, tables } of AREA_MESSAGES) assert.deepEqual(Object.keys(tables.ja).sort(), Object.keys(tables.en).sort(), name);
});
