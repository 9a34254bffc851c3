import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TRIGGER_SIGNATURE_HELP, adjustCompletionItems, insertsCall, type AdjustableItem } from './adjust';

test('an accepted function or aggregation opens signature help; names do not', () => {
  const items: AdjustableItem[] = [
    { label: 'rate', callsFunction: insertsCall('rate(${1:range_vector})'), sortText: '03' },
    { label: 'sum', callsFunction: insertsCall('sum(${1:expr})'), sortText: '04' },
    { label: 'http_requests_total', callsFunction: insertsCall('http_requests_total'), sortText: '00' },
  ];
  adjustCompletionItems(items, 'yaml');
  assert.deepEqual(
    items.map((i) => i.command?.command),
    [TRIGGER_SIGNATURE_HELP, TRIGGER_SIGNATURE_HELP, undefined],
  );
  assert.ok(
    items.every((i) => !i.preselect),
    'nothing preselected outside JSON',
  );
});

test('in a dashboard (JSON) our best item is preselected, over the JSON word suggestion', () => {
  const items: AdjustableItem[] = [
    { label: 'sum', callsFunction: true, sortText: '004sum' },
    { label: 'http_requests_total', callsFunction: false, sortText: '000http_requests_total' },
  ];
  adjustCompletionItems(items, 'json');
  assert.deepEqual(
    items.map((i) => i.preselect === true),
    [false, true],
  );
});
