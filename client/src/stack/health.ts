/**
 * Health of the local observability stack: each component's readiness URL
 * (Prometheus `/-/ready`, Grafana `/api/health`, Loki `/ready`, the Jaeger
 * UI), probed over HTTP with timeouts and polled until every one answers or
 * a deadline passes. No vscode import.
 */
import { request } from 'node:http';
import type { StackSettings } from './settings';
import { l10n } from '../l10n';

export type ComponentId = 'prometheus' | 'grafana' | 'loki' | 'jaeger';

export interface StackComponent {
  id: ComponentId;
  name: string;
  port: number;
  /** The readiness URL polled. */
  healthUrl: string;
  /** What "Open …" opens. */
  uiUrl: string;
}

export function stackComponents(settings: StackSettings): StackComponent[] {
  const base = (port: number) => `http://${settings.host.includes(':') ? `[${settings.host}]` : settings.host}:${port}`;
  const { prometheus, grafana, loki, jaeger } = settings.ports;
  return [
    { id: 'prometheus', name: 'Prometheus', port: prometheus, healthUrl: `${base(prometheus)}/-/ready`, uiUrl: base(prometheus) },
    { id: 'grafana', name: 'Grafana', port: grafana, healthUrl: `${base(grafana)}/api/health`, uiUrl: base(grafana) },
    { id: 'loki', name: 'Loki', port: loki, healthUrl: `${base(loki)}/ready`, uiUrl: `${base(loki)}/ready` },
    { id: 'jaeger', name: 'Jaeger UI', port: jaeger, healthUrl: `${base(jaeger)}/`, uiUrl: base(jaeger) },
  ];
}

export interface ProbeResult {
  up: boolean;
  /** The HTTP status, or the network error's code (ECONNREFUSED, TIMEOUT). */
  detail: string;
}

/** One GET with a timeout: up on a 2xx answer. Never throws. */
export function probe(url: string, timeoutMs = 2000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: ProbeResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    let req;
    try {
      req = request(url, { method: 'GET', timeout: timeoutMs }, (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        done({ up: status >= 200 && status < 300, detail: `HTTP ${status}` });
      });
    } catch (error) {
      done({ up: false, detail: error instanceof Error ? error.message : String(error) });
      return;
    }
    req.on('timeout', () => {
      req.destroy();
      done({ up: false, detail: 'TIMEOUT' });
    });
    req.on('error', (error: NodeJS.ErrnoException) => done({ up: false, detail: error.code ?? error.message }));
    req.end();
  });
}

export interface HealthReport {
  component: StackComponent;
  up: boolean;
  detail: string;
}

export interface PollOptions {
  /** Give up after this many milliseconds. */
  timeoutMs: number;
  /** Pause between rounds. */
  intervalMs?: number;
  probeTimeoutMs?: number;
  /** Called after each round with what is up so far. */
  onProgress?: (reports: HealthReport[]) => void;
  signal?: AbortSignal;
}

/** Polls every component until all are up, the deadline passes or the signal aborts; the last round's reports. */
export async function pollHealth(components: readonly StackComponent[], options: PollOptions): Promise<HealthReport[]> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 1000;
  const up = new Map<ComponentId, HealthReport>();
  let last: HealthReport[] = [];
  for (;;) {
    const pending = components.filter((c) => !up.has(c.id));
    const round = await Promise.all(pending.map(async (component) => ({ component, ...(await probe(component.healthUrl, options.probeTimeoutMs ?? 2000)) })));
    for (const report of round) if (report.up) up.set(report.component.id, report);
    last = components.map((c) => up.get(c.id) ?? round.find((r) => r.component.id === c.id) ?? { component: c, up: false, detail: l10n('not probed') });
    options.onProgress?.(last);
    if (up.size === components.length || Date.now() >= deadline || options.signal?.aborted) return last;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(interval, Math.max(0, deadline - Date.now())));
      options.signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }
}

/** One line for the status bar: `k1s0 stack 3/4` (in the display language) and the names of those down. */
export function summarize(reports: readonly HealthReport[]): { text: string; allUp: boolean; down: string[] } {
  const down = reports.filter((r) => !r.up).map((r) => r.component.name);
  return { text: l10n('k1s0 stack {0}/{1}', reports.length - down.length, reports.length), allUp: down.length === 0, down };
}
