/**
 * The live source against Debian's real Prometheus (/usr/bin/prometheus),
 * started on a loopback port scraping itself, and stopped after; and against
 * a server that never answers (the timeout keeps diagnostics unblocked).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../service/settings';
import { recordingRule } from './testSupport';
import { LivePrometheus } from './live';

const PROMETHEUS = '/usr/bin/prometheus';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('timed out');
}

test('metric names, types and target labels come from a real Prometheus; validate never waits', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'k1s0-live-'));
  const port = await freePort();
  writeFileSync(join(dir, 'prometheus.yml'), `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: self\n    static_configs:\n      - targets: ["127.0.0.1:${port}"]\n        labels:\n          tier: system\n`);
  const child: ChildProcess = spawn(PROMETHEUS, [`--config.file=${join(dir, 'prometheus.yml')}`, `--web.listen-address=127.0.0.1:${port}`, `--storage.tsdb.path=${join(dir, 'data')}`], { stdio: 'ignore' });
  t.after(() => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    const response = await fetch(`${url}/api/v1/series?match[]=up`);
    const body = (await response.json()) as { data: unknown[] };
    return body.data.length > 0;
  }, 30_000);

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
  assert.deepEqual(service.validate(request).filter((d) => d.code === 'catalog/unknown-metric'), []);
  const facts = service.live.current();
  assert.equal(facts?.metrics.find((m) => m.name === 'prometheus_http_requests_total')?.type, 'counter');
  assert.deepEqual(facts?.labelValues.job, ['self']);
  assert.deepEqual(facts?.labelValues.tier, ['system']);
});

test('a Prometheus that never answers: refresh gives up at the timeout, diagnostics stay as they were', async (t) => {
  const sockets: import('node:net').Socket[] = [];
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
