/**
 * The file kinds, in the order they are asked to claim a file: the first
 * claim wins (a prometheus.yaml is no config file even when named like one),
 * then the fallbacks in the same order. A new kind is one handler in its area
 * and one line here.
 */
import { alertmanagerHandler } from '../alertmanager/handler';
import { catalogHandler } from '../catalog/handler';
import { composeHandler } from '../compose/handler';
import { configHandler } from '../config/handler';
import { dashboardHandler } from '../dashboards/handler';
import { lintConfigHandler } from '../lint/handler';
import { lokiHandler } from '../loki/handler';
import { otelcolHandler } from '../otelcol/handler';
import { dotenvHandler } from '../otel/dotenvHandler';
import { kubernetesHandler } from '../otel/kubernetesHandler';
import { prometheusConfigHandler } from '../prometheus/handler';
import { promqlFileHandler } from '../promql/handler';
import { promtailHandler } from '../promtail/handler';
import { provisioningHandler } from '../provisioning/handler';
import { ruleFileHandler } from '../rules/handler';
import type { FileKindHandler } from '../workspace/fileKind';

export const FILE_KINDS: readonly FileKindHandler[] = [
  // Before dashboards: a `*.json` whose top level is `groups` is a rule file (its claim reads the content).
  ruleFileHandler,
  dashboardHandler,
  promqlFileHandler,
  lintConfigHandler,
  catalogHandler,
  composeHandler,
  // Before prometheus.yaml: a Promtail file has `scrape_configs` too (its claim asks for `clients`).
  promtailHandler,
  lokiHandler,
  prometheusConfigHandler,
  alertmanagerHandler,
  // Before config files: a collector's config.yaml has no observability section, but a broken one would be claimed by name.
  otelcolHandler,
  configHandler,
  provisioningHandler,
  // Last: a workload manifest with OTEL_* variables is no other kind's; `.env` files are no YAML.
  kubernetesHandler,
  dotenvHandler,
];

export type FileKind =
  'dashboard' | 'promql' | 'lint' | 'catalog' | 'compose' | 'prometheus' | 'alertmanager' | 'config' | 'rules' | 'provisioning' | 'loki' | 'promtail' | 'otelcol' | 'kubernetes' | 'dotenv';

// Shared by every service: the static table of handlers above, by kind.
const byKind = new Map(FILE_KINDS.map((handler) => [handler.kind, handler]));

export function handlerOf(kind: string): FileKindHandler | undefined {
  return byKind.get(kind);
}
