import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { K1s0Status } from '../../../server/src/protocol';
import { describeCatalog, describeChecks, describeEnvironment } from './describe';

const base: K1s0Status = { checkedFiles: 19, problems: { errors: 2, warnings: 1, others: 0 }, catalog: { files: [] } };

test('checked files and problems', () => {
  assert.deepEqual(describeChecks(base), { text: 'k1s0: 19 files checked', detail: '2 errors, 1 warning', severity: 'error' });
  assert.deepEqual(describeChecks({ ...base, checkedFiles: 1, problems: { errors: 0, warnings: 0, others: 0 } }), { text: 'k1s0: 1 file checked', detail: 'no problems', severity: 'information' });
});

test('the environment and why: setting, app.environment or file name', () => {
  assert.equal(describeEnvironment(base), undefined);
  assert.deepEqual(describeEnvironment({ ...base, environment: { environment: 'staging', reason: 'app.environment', detail: 'staging' } }), {
    text: 'k1s0: staging',
    detail: 'judged as staging by app.environment: staging',
    severity: 'information',
  });
  assert.equal(describeEnvironment({ ...base, environment: { environment: 'prod', reason: 'file name', detail: 'config.yaml' } })?.detail, 'judged as prod by file name config.yaml');
  assert.equal(describeEnvironment({ ...base, environment: { environment: 'dev', reason: 'setting', detail: '**/qa/*' } })?.detail, 'judged as dev by k1s0.config.environments: **/qa/*');
  assert.equal(describeEnvironment({ ...base, environment: { environment: undefined, reason: 'file name', detail: 'config.test.yaml' } })?.severity, 'warning');
});

test('the catalog in use', () => {
  assert.equal(describeCatalog(base, (u) => u).text, 'k1s0 catalog (built-in)');
  assert.deepEqual(
    describeCatalog({ ...base, catalog: { files: ['file:///w/.k1s0/catalog.yaml'] } }, () => '.k1s0/catalog.yaml'),
    {
      text: 'k1s0 catalog + 1 file',
      detail: 'built-in, extended by .k1s0/catalog.yaml',
      severity: 'information',
    },
  );
});
