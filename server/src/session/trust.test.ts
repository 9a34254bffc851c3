/**
 * Workspace trust on the server (trust.ts): the rule itself, table-driven, and
 * the session under it — an untrusted workspace's `k1s0.prometheus.url` is
 * never asked while the user's own is, and once trust is granted the
 * workspace's is; a catalog glob never claims a file outside the folders
 * until then.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS, type Settings } from '../base/settings';
import { startRecordingPrometheus } from '../../../test/support/recordingPrometheus';
import { waitFor } from '../../../test/e2e/support/wait';
import { startSession } from './testSupport';
import { applyTrust, readTrust, staysInside, TRUSTED } from './trust';

const fromWorkspace: Settings = {
  ...DEFAULT_SETTINGS,
  diagnostics: { severity: { 'config/policy': 'off' } },
  prometheus: { url: 'http://10.0.0.1:9090' },
  catalog: { files: ['ops/catalog/*.yaml', '../elsewhere/*.yaml'] },
};

test('trusted: the settings are used as they are', () => {
  assert.deepEqual(applyTrust(fromWorkspace, TRUSTED, true), { settings: fromWorkspace, ignored: [] });
  assert.deepEqual(applyTrust(fromWorkspace, { trusted: true, userValues: { 'k1s0.prometheus.url': 'http://localhost:9090' } }, false).settings, fromWorkspace);
});

test('untrusted: the restricted settings take the user-level values, or their defaults; the rest stays', () => {
  const none = applyTrust(fromWorkspace, { trusted: false, userValues: {} }, true);
  assert.deepEqual(none.settings, { ...fromWorkspace, prometheus: { url: '' }, catalog: { files: [] } });
  assert.deepEqual(none.ignored, ['k1s0.prometheus.url', 'k1s0.catalog.files']);

  const user = applyTrust(fromWorkspace, { trusted: false, userValues: { 'k1s0.prometheus.url': 'http://localhost:9090', 'k1s0.catalog.files': ['shared/catalog/*.yaml'] } }, true);
  assert.deepEqual(user.settings.prometheus, { url: 'http://localhost:9090' });
  assert.deepEqual(user.settings.catalog, { files: ['shared/catalog/*.yaml'] });
  assert.deepEqual(user.settings.diagnostics, fromWorkspace.diagnostics);

  // A user value that is not valid counts as unset (the default), as readSettings reads any setting.
  const wrong = applyTrust(fromWorkspace, { trusted: false, userValues: { 'k1s0.prometheus.url': 'not a url', 'k1s0.catalog.files': 'ops/*.yaml' } }, true);
  assert.deepEqual([wrong.settings.prometheus.url, wrong.settings.catalog.files], ['', []]);

  // Nothing to say when the workspace set nothing of its own.
  assert.deepEqual(applyTrust({ ...fromWorkspace, prometheus: { url: '' }, catalog: { files: [] } }, { trusted: false, userValues: {} }, true).ignored, []);
});

test('untrusted: catalog globs resolve only inside the folder; outside every folder, none does', () => {
  const globs = [
    'ops/*.yaml',
    '**/catalog/*.yaml',
    '/etc/k1s0/*.yaml',
    '~/catalog.yaml',
    '../x/*.yaml',
    'a/../../x.yaml',
    '{ops,../x}/*.yaml',
    'C:\\catalogs\\*.yaml',
    '{/etc/*.yaml,ops/*.yaml}',
    'ops/..hidden.yaml',
  ];
  const trust = { trusted: false, userValues: { 'k1s0.catalog.files': globs } };
  assert.deepEqual(applyTrust(DEFAULT_SETTINGS, trust, true).settings.catalog.files, ['ops/*.yaml', '**/catalog/*.yaml', 'ops/..hidden.yaml']);
  assert.deepEqual(applyTrust(DEFAULT_SETTINGS, trust, false).settings.catalog.files, []);
  assert.equal(staysInside('..'), false);
  assert.equal(staysInside('ops/.k1s0/*.yaml'), true);
});

test('the trust a client sends: none is trusted (an editor without Workspace Trust); anything malformed is not', () => {
  assert.deepEqual(readTrust(undefined), TRUSTED);
  assert.deepEqual(readTrust({ trusted: true, userValues: { 'k1s0.prometheus.url': 'http://localhost:9090' } }), { trusted: true, userValues: { 'k1s0.prometheus.url': 'http://localhost:9090' } });
  assert.deepEqual(readTrust({ trusted: 'yes' }), { trusted: false, userValues: {} });
  assert.deepEqual(readTrust('trusted'), { trusted: false, userValues: {} });
});

test("an untrusted session asks the user's Prometheus, never the workspace's, until trust is granted", async (t) => {
  const workspaceProm = await startRecordingPrometheus(['workspace_only_metric_total']);
  const userProm = await startRecordingPrometheus(['user_only_metric_total']);
  t.after(() => Promise.all([workspaceProm.stop(), userProm.stop()]));
  const h = await startSession({
    files: { 'queries/q.promql': 'sum(rate(workspace_only_metric_total[5m]))' },
    // What a client without VS Code's own filtering would send: the workspace's value merged in.
    settings: { prometheus: { url: workspaceProm.url } },
    init: { initializationOptions: { trust: { trusted: false, userValues: { 'k1s0.prometheus.url': userProm.url } } } },
  });
  t.after(() => h.close());
  // The user's own URL is fetched when the folder is indexed: once it was asked, the one URL in force is known.
  await waitFor(() => userProm.requests.length > 0, { what: "the user's Prometheus to be asked" });
  assert.deepEqual(workspaceProm.requests, []);
  const uri = h.uriOf('queries/q.promql');
  await h.open(uri, 'sum(rate(workspace_only_metric_total[5m]))', 'promql');
  assert.deepEqual(
    h.client.diagnostics(uri).map((d) => d.code),
    ['catalog/unknown-metric'],
  );
  assert.ok(h.client.logs.some(([, message]) => message.includes("the workspace's k1s0.prometheus.url not used")));

  h.session.trustChanged({ trusted: true, userValues: { 'k1s0.prometheus.url': userProm.url } });
  await waitFor(() => workspaceProm.requests.some((path) => path.startsWith('/api/v1/label/__name__/values')), { what: "the workspace's Prometheus to be asked" });
  // Its answer lands in the catalog and the open document is published again without the finding.
  await waitFor(
    async () => {
      await h.session.idle();
      return h.client.diagnostics(uri).length === 0;
    },
    { what: 'the live metric to be known' },
  );
});

test('an untrusted session: a catalog glob claims no file outside the folders (an open one included) until trust is granted', async (t) => {
  const outside = mkdtempSync(join(tmpdir(), 'k1s0-outside-'));
  t.after(() => rmSync(outside, { recursive: true, force: true }));
  const catalog = 'metrics:\n  - name: outside_only_metric_total\n    type: counter\n';
  writeFileSync(join(outside, 'catalog.outside.yaml'), catalog);
  const h = await startSession({
    files: { 'queries/q.promql': 'sum(rate(outside_only_metric_total[5m]))' },
    settings: { catalog: { files: ['**/catalog.outside.yaml'] } },
    init: { initializationOptions: { trust: { trusted: false, userValues: {} } } },
  });
  t.after(() => h.close());
  const uri = h.uriOf('queries/q.promql');
  await h.open(uri, 'sum(rate(outside_only_metric_total[5m]))', 'promql');
  // The file outside, open in the editor: the glob would claim it as a catalog extension.
  await h.open(pathToFileURL(join(outside, 'catalog.outside.yaml')).href, catalog);
  assert.deepEqual(
    h.client.diagnostics(uri).map((d) => d.code),
    ['catalog/unknown-metric'],
  );

  h.session.trustChanged({ trusted: true, userValues: {} });
  await h.session.idle();
  assert.deepEqual(h.client.diagnostics(uri), []);
});
