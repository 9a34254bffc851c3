/**
 * A real Prometheus (Debian's /usr/bin/prometheus) for tests: on a free
 * loopback port, scraping itself every second so that there are real series
 * (`up`, `prometheus_build_info`). Started from an argument array; `ready`
 * waits (poll with deadline) until `up` has a sample.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { runInstantQuery } from '../../client/src/run/query';
import { freePort } from './net';
import { newTempDir, removeDir } from './tempDir';

export const PROMETHEUS_BINARY = '/usr/bin/prometheus';

export interface TestPrometheus {
  url: string;
  port: number;
  log(): string;
  stop(): Promise<void>;
}

/** What the scrape of itself is called and which static labels it adds. */
export interface PrometheusOptions {
  job?: string;
  labels?: Record<string, string>;
}

export async function startPrometheus({ job = 'prometheus', labels = {} }: PrometheusOptions = {}): Promise<TestPrometheus> {
  const port = await freePort();
  const dir = newTempDir('prometheus');
  const config = join(dir, 'prometheus.yml');
  const labelLines = Object.entries(labels).length ? ['        labels:', ...Object.entries(labels).map(([name, value]) => `          ${name}: ${JSON.stringify(value)}`)] : [];
  writeFileSync(
    config,
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      `  - job_name: ${job}`,
      '    static_configs:',
      `      - targets: ['127.0.0.1:${port}']`,
      ...labelLines,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(PROMETHEUS_BINARY, [`--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = false;
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.once('exit', () => (exited = true));
  child.once('error', (error) => {
    output += String(error);
    exited = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (!exited) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const deadline = delay(10_000).then(() => 'timeout' as const);
      if ((await Promise.race([gone, deadline])) === 'timeout') child.kill('SIGKILL');
    }
    removeDir(dir);
  };
  // Ready when the scrape of itself has landed: `up` has a sample.
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`prometheus exited:\n${output}`);
    }
    const outcome = await runInstantQuery(url, 'up', { timeoutMs: 2000 });
    if (outcome.kind === 'result' && outcome.samples.length > 0) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus at ${url} had no sample of up within 30 s (last: ${JSON.stringify(outcome)}):\n${output}`);
    }
    await delay(100);
  }
  return { url, port, log: () => output, stop };
}
