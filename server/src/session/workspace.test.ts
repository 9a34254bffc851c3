/**
 * The session's workspace: folders added while it runs, settings pushed by a
 * client that cannot be asked, and a live Prometheus whose late answer makes
 * every file validated again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LIVE_SOURCE_URI } from '../service/languageService';
import { lines } from '../../../test/support/text';
import { startSession } from './testSupport';
import { newTempDir, removeDir } from '../../../test/support/tempDir';

const PROD_TEXT_LOGS = lines(
  'observability:',
  '  log:',
  '    level: "warn"',
  '    format: "text"',
  '  trace:',
  '    enabled: true',
  '    endpoint: "jaeger:4317"',
  '    sample_rate: 0.1',
  '  metrics:',
  '    enabled: true',
  '    path: "/metrics"',
);

test('a workspace folder added later is scanned; its files are published', async () => {
  const h = await startSession({ files: { 'config/config.yaml': PROD_TEXT_LOGS } });
  const other = newTempDir('folder');
  try {
    mkdirSync(join(other, 'config'));
    writeFileSync(join(other, 'config/config.prod.yaml'), 'observability:\n  log:\n    level: loud\n');
    const uri = pathToFileURL(join(other, 'config/config.prod.yaml')).href;
    assert.equal(h.client.last(uri), undefined);
    h.session.foldersChanged({ added: [{ uri: pathToFileURL(other).href, name: 'other' }], removed: [] });
    await h.session.idle();
    assert.ok(h.client.diagnostics(uri).some((d) => d.code === 'config/schema' && (d.message as string).includes('"loud"')));
  } finally {
    removeDir(other);
    h.close();
  }
});

test('a client that cannot be asked for settings: initializationOptions, then pushed changes', async () => {
  const h = await startSession({
    files: { 'config/config.yaml': PROD_TEXT_LOGS },
    init: { capabilities: {}, initializationOptions: { settings: { diagnostics: { severity: { 'config/policy': 'off' } } } } },
  });
  try {
    const uri = h.uriOf('config/config.yaml');
    assert.deepEqual(h.client.registrations, [], 'nothing to register');
    assert.equal(h.client.last(uri), undefined, 'config/policy is off: nothing to say');
    h.session.configurationChanged({ k1s0: { diagnostics: { severity: { 'config/policy': 'error' } } } });
    await h.session.idle();
    assert.deepEqual(
      h.client.diagnostics(uri).map((d) => [d.code, d.severity]),
      [['config/policy', 1]],
    );
    // Settings that do not fit fall back to their defaults one by one, and say so.
    h.session.configurationChanged({ k1s0: { diagnostics: { severity: { 'config/policy': 'loud' } } } });
    await h.session.idle();
    assert.deepEqual(
      h.client.diagnostics(uri).map((d) => [d.code, d.severity]),
      [['config/policy', 2]],
    );
    assert.ok(h.client.logs.some(([level, message]) => level === 'warn' && message.includes('k1s0.diagnostics.severity.config/policy')));
  } finally {
    h.close();
  }
});

test('a live Prometheus that answers late: every file is validated again with what it knows', async () => {
  const h = await startSession();
  try {
    const uri = h.uriOf('scratch/live.promql');
    await h.open(uri, 'sum(rate(legacy_gateway_errors_total[5m]))', 'promql');
    assert.deepEqual(
      h.client.diagnostics(uri).map((d) => d.code),
      ['catalog/unknown-metric'],
    );
    const changes = h.client.sloTreeChanges;
    // What the service does when the live Prometheus answers (catalog/live.ts).
    h.session.service.workspace.update(LIVE_SOURCE_URI, { recordingRules: [], live: { metrics: [{ name: 'legacy_gateway_errors_total', type: 'counter' }], labelValues: {} } });
    h.session.service.onWorkspaceChange?.();
    await h.session.idle();
    assert.deepEqual(h.client.diagnostics(uri), []);
    assert.equal(h.client.sloTreeChanges, changes + 1);
  } finally {
    h.close();
  }
});
