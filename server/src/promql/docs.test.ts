import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setLocale } from '../l10n';
import { AGGREGATION_DOCS_JA, aggregationDoc, FUNCTION_DOCS_JA, functionDoc } from './docs';
import { promqlAggregations, promqlFunctions } from './functionTable';

test('every PromQL function and aggregation has its documentation in Japanese, and no other', () => {
  assert.deepEqual(Object.keys(FUNCTION_DOCS_JA).sort(), [...promqlFunctions.keys()].sort());
  assert.deepEqual(Object.keys(AGGREGATION_DOCS_JA).sort(), [...promqlAggregations.keys()].sort());
  for (const [name, doc] of Object.entries({ ...FUNCTION_DOCS_JA, ...AGGREGATION_DOCS_JA })) assert.match(doc, /[\u3040-\u30ff\u4e00-\u9fff]/, name);
});

test('the documentation follows the language', () => {
  try {
    setLocale('ja');
    assert.equal(functionDoc('rate'), '範囲内のカウンターの 1 秒あたりの平均増加率。');
    assert.equal(aggregationDoc('topk'), 'サンプル値が大きい順に k 個の要素。');
    setLocale('en');
    assert.equal(functionDoc('rate'), 'Per-second average rate of increase of a counter over the range.');
    assert.equal(aggregationDoc('topk'), 'Largest k elements by sample value.');
    assert.equal(functionDoc('no_such_function'), undefined);
  } finally {
    setLocale('en');
  }
});
