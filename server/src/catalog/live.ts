/**
 * The optional live source (`k1s0.prometheus.url`): metric names, types and
 * target label values from a running Prometheus —
 * `/api/v1/label/__name__/values`, `/api/v1/metadata` and `/api/v1/series`
 * (of `up`: the targets' job, service, tier, lang). Fetched in the
 * background with a timeout per request and cached for a while; diagnostics
 * never wait for it: they use what is cached, and `onUpdate` tells the owner
 * when something new arrived (the server then revalidates).
 */
import type { LiveFacts } from '../workspace/index';

export interface LiveOptions {
  /** Per request. */
  timeoutMs?: number;
  /** How long a successful answer is reused. */
  ttlMs?: number;
  fetch?: typeof fetch;
}

const TARGET_LABELS = ['job', 'service', 'tier', 'lang', 'namespace'];

export class LivePrometheus {
  private url = '';
  private facts: LiveFacts | undefined;
  private fetchedAt = 0;
  private inFlight: Promise<void> | undefined;
  /** The last failure, for the output channel. */
  lastError: string | undefined;
  private readonly timeoutMs: number;
  private readonly ttlMs: number;
  private readonly fetchFn: typeof fetch;

  constructor(
    private readonly onUpdate: (facts: LiveFacts | undefined) => void,
    options: LiveOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.fetchFn = options.fetch ?? fetch;
  }

  /** What is cached now (never waits). */
  current(): LiveFacts | undefined {
    return this.facts;
  }

  /** Points the source at a URL ('' turns it off); starts a refresh in the background when stale. */
  use(url: string): void {
    const normalized = url.replace(/\/+$/, '');
    if (normalized !== this.url) {
      this.url = normalized;
      this.fetchedAt = 0;
      if (this.facts) {
        this.facts = undefined;
        this.onUpdate(undefined);
      }
    }
    if (this.url && Date.now() - this.fetchedAt > this.ttlMs) void this.refresh();
  }

  /** Fetches now (deduplicated); resolves when done or failed, never rejects. */
  refresh(): Promise<void> {
    if (!this.url) return Promise.resolve();
    this.inFlight ??= this.load(this.url).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async load(url: string): Promise<void> {
    try {
      const [names, metadata, series] = await Promise.all([
        this.get<string[]>(url, '/api/v1/label/__name__/values'),
        this.get<Record<string, { type?: string; help?: string }[]>>(url, '/api/v1/metadata').catch((): Record<string, { type?: string; help?: string }[]> => ({})),
        this.get<Record<string, string>[]>(url, `/api/v1/series?${new URLSearchParams({ 'match[]': 'up' }).toString()}`).catch((): Record<string, string>[] => []),
      ]);
      const labelValues: Record<string, string[]> = {};
      for (const labels of series) {
        for (const label of TARGET_LABELS) {
          const value = labels[label];
          if (value === undefined) continue;
          const list = (labelValues[label] ??= []);
          if (!list.includes(value)) list.push(value);
        }
      }
      for (const list of Object.values(labelValues)) list.sort();
      const metrics = [...names].sort().map((name) => {
        const meta = metadata[name]?.[0];
        return { name, ...(meta?.type ? { type: meta.type } : {}), ...(meta?.help ? { help: meta.help } : {}) };
      });
      if (url !== this.url) return; // the setting changed meanwhile
      this.facts = { metrics, labelValues };
      this.fetchedAt = Date.now();
      this.lastError = undefined;
      this.onUpdate(this.facts);
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      // Retry after a shorter pause than a success would wait.
      this.fetchedAt = Date.now() - this.ttlMs + Math.min(this.ttlMs, 30_000);
    }
  }

  private async get<T>(url: string, path: string): Promise<T> {
    const response = await this.fetchFn(`${url}${path}`, { signal: AbortSignal.timeout(this.timeoutMs) });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    const body = (await response.json()) as { status?: string; data?: T };
    if (body.status !== 'success' || body.data === undefined) throw new Error(`${path}: ${body.status ?? 'no status'}`);
    return body.data;
  }
}
