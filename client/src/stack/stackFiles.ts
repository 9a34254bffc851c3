/**
 * "k1s0: Create observability stack files", without the editor: what would
 * be written (the compose file with the design's `observability` profile and
 * the infra/docker/{prometheus,grafana,loki} files of the design), which of
 * those already exist and differ, and the writing itself — only of the files
 * the user agreed to. Nothing existing is overwritten unless named in
 * `overwrite`. No vscode import.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { DESIGN_STACK_FILES } from './designFiles';
import type { StackSettings } from './settings';
import { l10n } from '../l10n';

/**
 * The compose `observability` profile of the design: Jaeger all-in-one (UI
 * 16686, OTLP 4317/4318), Prometheus 9090, Grafana 3200 → 3000 (admin / dev,
 * provisioning mounted), Loki 3100; host ports from the settings.
 */
export function composeObservabilityProfile(settings: StackSettings): string {
  const p = settings.ports;
  return `# docker compose --profile observability up -d
# The local observability stack of the k1s0 observability design
# (ローカル開発環境デプロイ手順): Jaeger, Prometheus, Grafana, Loki.
services:
  jaeger:
    image: jaegertracing/all-in-one:1.57
    profiles: [observability]
    environment:
      COLLECTOR_OTLP_ENABLED: "true"
    ports:
      - "${p.jaeger}:16686"   # Jaeger UI
      - "4317:4317"     # OTLP gRPC
      - "4318:4318"     # OTLP HTTP

  prometheus:
    image: prom/prometheus:v2.53.0
    profiles: [observability]
    command:
      - --config.file=/etc/prometheus/prometheus.yaml
    volumes:
      - ./infra/docker/prometheus/prometheus.yaml:/etc/prometheus/prometheus.yaml:ro
      - ./infra/docker/prometheus/recording_rules.yaml:/etc/prometheus/recording_rules.yaml:ro
      - ./infra/docker/prometheus/alerting_rules.yaml:/etc/prometheus/alerting_rules.yaml:ro
    ports:
      - "${p.prometheus}:9090"

  grafana:
    image: grafana/grafana:11.1.0
    profiles: [observability]
    environment:
      GF_SECURITY_ADMIN_USER: admin
      GF_SECURITY_ADMIN_PASSWORD: dev
    volumes:
      - ./infra/docker/grafana/provisioning:/etc/grafana/provisioning:ro
      - ./infra/docker/grafana/dashboards:/var/lib/grafana/dashboards:ro
    ports:
      - "${p.grafana}:3000"   # 3000 is taken by the frontend dev server (ポート 3200 の理由)

  loki:
    image: grafana/loki:3.1.0
    profiles: [observability]
    command: -config.file=/etc/loki/loki-config.yaml
    volumes:
      - ./infra/docker/loki/loki-config.yaml:/etc/loki/loki-config.yaml:ro
    ports:
      - "${p.loki}:3100"
`;
}

export type PlannedState = 'new' | 'same' | 'differs';

export interface PlannedFile {
  /** Relative to the workspace root (absolute when the compose setting is). */
  path: string;
  content: string;
  state: PlannedState;
}

/** Every file the command would write, with whether it exists already and how. */
export function planStackFiles(root: string, settings: StackSettings): PlannedFile[] {
  const files: [string, string][] = [[settings.composeFile, composeObservabilityProfile(settings)], ...Object.entries(DESIGN_STACK_FILES)];
  return files.map(([path, content]) => {
    const absolute = isAbsolute(path) ? path : join(root, path);
    let state: PlannedState = 'new';
    if (existsSync(absolute)) {
      let current: string | undefined;
      try {
        current = readFileSync(absolute, 'utf8');
      } catch {
        current = undefined;
      }
      state = current === content ? 'same' : 'differs';
    }
    return { path: isAbsolute(path) ? path : relative(root, absolute), content, state };
  });
}

export interface WriteResult {
  written: string[];
  /** Existing files left as they are (not in `overwrite`). */
  kept: string[];
  unchanged: string[];
  failed: { path: string; reason: string }[];
}

/** Writes new files, and differing ones only when named in `overwrite`. */
export function writeStackFiles(root: string, plan: readonly PlannedFile[], overwrite: ReadonlySet<string>): WriteResult {
  const result: WriteResult = { written: [], kept: [], unchanged: [], failed: [] };
  for (const file of plan) {
    if (file.state === 'same') {
      result.unchanged.push(file.path);
      continue;
    }
    const absolute = isAbsolute(file.path) ? file.path : join(root, file.path);
    // Checked again at write time: a file that appeared since the plan is not ours to replace.
    if ((file.state === 'differs' || existsSync(absolute)) && !overwrite.has(file.path)) {
      result.kept.push(file.path);
      continue;
    }
    try {
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, file.content, { flag: file.state === 'new' && !overwrite.has(file.path) ? 'wx' : 'w' });
      result.written.push(file.path);
    } catch (error) {
      result.failed.push({ path: file.path, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

/** What the command shows before writing: one line per file, its state in the display language. */
export function describePlan(plan: readonly PlannedFile[]): string {
  const states: Record<PlannedState, string> = { new: `+ ${l10n('new')}`, same: `= ${l10n('same')}`, differs: `! ${l10n('exists')}` };
  const width = Math.max(11, ...Object.values(states).map((state) => state.length));
  return plan.map((f) => `${states[f.state].padEnd(width)} ${f.path}`).join('\n');
}
