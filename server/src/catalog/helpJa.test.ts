import { test } from 'node:test';
import assert from 'node:assert/strict';
import rawCatalog from './k1s0-catalog.json';
import { BUILTIN_CATALOG, Catalog } from './catalog';
import { helpJa, helpText } from './helpJa';
import { describeMetric } from '../features/vocabulary';
import { setLocale } from '../l10n';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Every `help` of the built-in catalog, wherever it is (labels, metrics, exporters). */
function helps(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(helps);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === 'help' && typeof value === 'string' ? [value] : helps(value)));
}

test('every English help of the built-in catalog has its Japanese', () => {
  const english = [...new Set(helps(rawCatalog))].filter((help) => !JAPANESE.test(help));
  assert.ok(english.length > 40, String(english.length));
  assert.deepEqual(
    english.filter((help) => !JAPANESE.test(helpJa(help) ?? '')),
    [],
  );
});

test('under Japanese, an exporter metric is described in Japanese; a help without Japanese stays as written', () => {
  const catalog = new Catalog(BUILTIN_CATALOG);
  const up = catalog.metric('up');
  assert.ok(up);
  setLocale('ja');
  try {
    assert.equal(describeMetric(catalog, up).split('\n\n')[1], 'ターゲットをスクレイプできれば 1、できなければ 0');
    assert.equal(helpText('the help of a workspace catalog'), 'the help of a workspace catalog');
  } finally {
    setLocale('en');
  }
  assert.equal(describeMetric(catalog, up).split('\n\n')[1], '1 if the target was scraped, 0 if not');
});
