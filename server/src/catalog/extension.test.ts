import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, diagnose, recordingRule, render } from './testSupport';
import { DEFAULT_SETTINGS } from '../base/settings';

const EXTENSION = [
  'metrics:',
  '  - name: ledger_entries_posted_total',
  '    type: counter',
  '    labels: [account_type]',
  '  - name: ledger_balance_failures_total',
  '    type: countr',
  '    lables: [account_type]',
  'services: [ledger-server]',
  'servces: []',
  '',
].join('\n');

test('a malformed .k1s0/catalog.yaml: catalog/file errors at the node, with did-you-mean fixes', () => {
  assert.deepEqual(render(diagnose('.k1s0/catalog.yaml', { '.k1s0/catalog.yaml': EXTENSION })), [
    '5:10-5:16 error catalog/file metrics[1].type must be one of counter, gauge, histogram, summary, info, stateset, unknown; got "countr"; did you mean "counter"?',
    '  fix Change to counter: 5:10-5:16 "counter"',
    '6:4-6:10 error catalog/file unknown key "lables" in metrics[1]; did you mean "labels"?',
    '  fix Change to labels: 6:4-6:10 "labels"',
    '8:0-8:7 error catalog/file unknown key "servces" in the file; did you mean "services"?',
    '  fix Change to services: 8:0-8:7 "services"',
  ]);
});

test('the valid rest of a malformed extension still extends the catalog; a broken entry does not', () => {
  const files = { '.k1s0/catalog.yaml': EXTENSION };
  assert.deepEqual(
    check(recordingRule('rate(ledger_entries_posted_total{account_type="asset", service="ledger-server"}[5m])'), ['catalog/unknown-metric', 'catalog/unknown-label', 'catalog/label-value'], files),
    [],
  );
  assert.equal(check(recordingRule('ledger_balance_failures_total'), ['catalog/unknown-metric'], files).length, 1);
});

test('k1s0.catalog.files names other extension files', () => {
  const settings = { ...DEFAULT_SETTINGS, catalog: { files: ['**/metrics-catalog.yaml'] } };
  assert.deepEqual(
    check(recordingRule('ledger_entries_posted_total'), ['catalog/unknown-metric'], { 'ops/metrics-catalog.yaml': 'metrics:\n  - name: ledger_entries_posted_total\n    type: counter\n' }, settings),
    [],
  );
});
