/**
 * A stand-in for Prometheus's HTTP API on loopback that records every request
 * it gets: tests of what must not be asked (an untrusted workspace's
 * `k1s0.prometheus.url`) and of what must be, once it is allowed. It answers
 * the three endpoints the live source reads (catalog/live.ts) with the metric
 * names it was given.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingPrometheus {
  url: string;
  /** The path and query of every request so far, in order. */
  requests: string[];
  stop(): Promise<void>;
}

export async function startRecordingPrometheus(metricNames: readonly string[] = []): Promise<RecordingPrometheus> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '';
    requests.push(path);
    const data = path.startsWith('/api/v1/label/__name__/values') ? metricNames : path.startsWith('/api/v1/metadata') ? {} : path.startsWith('/api/v1/series') ? [] : undefined;
    response.writeHead(data === undefined ? 404 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(data === undefined ? { status: 'error', error: 'not found' } : { status: 'success', data }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
