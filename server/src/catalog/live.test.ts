/**
 * The live source against Debian's real Prometheus (/usr/bin/prometheus),
 * started on a loopback port scraping itself, and stopped after; and against
 * a server that never answers (the timeout keeps diagnostics unblocked).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';
import { recordingRule } from './testSupport';
import { LivePrometheus } from './live';
import { startPrometheus } from '../../../test/support/prometheus';

test('metric names, types and target labels come from a real Prometheus; validate never waits', async (t) => {
  const prometheus = await startPrometheus({ job: 'self', labels: { tier: 'system' } });
  t.after(() => prometheus.stop());
  const { url } = prometheus;

  const service = new LanguageService();
  let changes = 0;
  service.onWorkspaceChange = () => changes++;
  const settings = { ...DEFAULT_SETTINGS, prometheus: { url } };
  // A metric Prometheus exports about itself that no catalog entry or family covers.
  const request = { file: { uri: 'file:///ws/t.yaml', text: recordingRule('rate(net_conntrack_dialer_conn_attempted_total[5m])') }, settings, location: { path: '/ws/t.yaml' } };
  service.index(request);
  const before = service.validate(request).filter((d) => d.code === 'catalog/unknown-metric');
  assert.equal(before.length, 1, 'the first validation does not wait for the live source');
  await service.live.refresh();
  assert.equal(changes, 1);
  assert.deepEqual(
    service.validate(request).filter((d) => d.code === 'catalog/unknown-metric'),
    [],
  );
  const facts = service.live.current();
  assert.equal(facts?.metrics.find((m) => m.name === 'prometheus_http_requests_total')?.type, 'counter');
  assert.deepEqual(facts?.labelValues.job, ['self']);
  assert.deepEqual(facts?.labelValues.tier, ['system']);
});

test('a Prometheus that never answers: refresh gives up at the timeout, diagnostics stay as they were', async (t) => {
  const sockets: Socket[] = [];
  const silent: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    for (const s of sockets) s.destroy();
    silent.close();
  });
  const { port } = silent.address() as AddressInfo;
  let updates = 0;
  const live = new LivePrometheus(() => updates++, { timeoutMs: 300 });
  live.use(`http://127.0.0.1:${port}`);
  const started = Date.now();
  await live.refresh();
  assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  assert.equal(updates, 0);
  assert.equal(live.current(), undefined);
  assert.match(live.lastError ?? '', /abort|timeout/i);
});
