/**
 * Where a query goes: the Prometheus to run it on (`k1s0.prometheus.url`, else
 * the local stack's), its graph page, and Grafana Explore. No vscode import.
 */
import type { StackSettings } from '../stack/settings';

/** The design's provisioned Prometheus datasource (infra/docker/grafana/provisioning): named, without a uid. */
export const DEFAULT_GRAFANA_DATASOURCE = 'Prometheus';

function hostOf(settings: Pick<StackSettings, 'host'>): string {
  return settings.host.includes(':') ? `[${settings.host}]` : settings.host;
}

/** `k1s0.prometheus.url` when set to an http(s) URL, else `http://<stack host>:<stack Prometheus port>`; no trailing slash. */
export function prometheusBaseUrl(configured: unknown, stack: Pick<StackSettings, 'host' | 'ports'>): string {
  if (typeof configured === 'string' && configured.trim() !== '') {
    try {
      const url = new URL(configured.trim());
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href.replace(/\/+$/, '');
    } catch {
      // Not a URL: the stack's Prometheus it is.
    }
  }
  return `http://${hostOf(stack)}:${stack.ports.prometheus}`;
}

/** The local stack's Grafana: `http://<stack host>:<stack Grafana port>` (3200 in the design). */
export function grafanaBaseUrl(stack: Pick<StackSettings, 'host' | 'ports'>): string {
  return `http://${hostOf(stack)}:${stack.ports.grafana}`;
}

/** Prometheus's expression browser with the query in its table tab: `/graph?g0.expr=…&g0.tab=0`. */
export function prometheusGraphUrl(base: string, query: string): string {
  return `${base.replace(/\/+$/, '')}/graph?g0.expr=${encodeURIComponent(query)}&g0.tab=0`;
}

/**
 * Grafana Explore with the query on a datasource, the last hour, in the
 * `panes=` form of Grafana 10 and later (schemaVersion 1).
 */
export function grafanaExploreUrl(base: string, query: string, datasource: string = DEFAULT_GRAFANA_DATASOURCE): string {
  const panes = {
    a: {
      datasource,
      queries: [{ refId: 'A', expr: query, datasource: { type: 'prometheus', uid: datasource } }],
      range: { from: 'now-1h', to: 'now' },
    },
  };
  return `${base.replace(/\/+$/, '')}/explore?schemaVersion=1&orgId=1&panes=${encodeURIComponent(JSON.stringify(panes))}`;
}
