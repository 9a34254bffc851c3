/**
 * `compose/policy`: what the design (ローカル開発環境デプロイ手順) asks of the
 * compose file that starts the local stack.
 *
 * - The `observability` profile has Jaeger (UI 16686, OTLP 4317 gRPC / 4318
 *   HTTP), Prometheus (9090), Grafana (3200 on the host → 3000: the front-end
 *   dev server has 3000) and Loki (3100), each on the design's host port.
 *   Judged only in files that use the profile; a component in another compose
 *   file of the same folder (an override file) counts.
 * - No host port is published twice (Compose fails with "port is already
 *   allocated").
 * - The Prometheus container mounts the folder of the workspace's
 *   prometheus.yaml (or the file itself), so its `rule_files` resolve.
 */
import { isMap, isScalar, type Node } from 'yaml';
import {
  componentOf,
  DESIGN_COMPONENTS,
  OBSERVABILITY_PROFILE,
  dirOf,
  hostPathOf,
  normalizePath as normalize,
  relativeTo,
  type ComposePort,
  type ComposeServiceModel,
  type StackComponent,
} from '../base/compose';
import { uriToPath } from '../base/files';
import type { Finding } from '../base/types';
import type { FileCheck, FileCheckContext } from '../workspace/fileKind';
import type { ComposeService } from '../workspace/index';
import { say } from './messages';
import type { ComposeFile } from './subject';

export const COMPOSE_POLICY = 'compose/policy';

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function servicesKey(file: ComposeFile): [number, number] {
  const contents = file.document.contents;
  const pair = isMap(contents) ? contents.items.find((item) => isScalar(item.key) && item.key.value === 'services') : undefined;
  const range = (pair?.key as Node | undefined)?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

export function checkComposePolicy(file: ComposeFile, context: FileCheckContext): Finding[] {
  const findings: Finding[] = [];
  const problem = (start: number, end: number, message: string, fixes?: Finding['fixes']): void => {
    findings.push({ start, end, code: COMPOSE_POLICY, severity: 'warning', message, ...(fixes ? { fixes } : {}) });
  };
  const services = file.model.services;
  const inProfile = (service: { profiles?: readonly string[] }): boolean => (service.profiles ?? []).includes(OBSERVABILITY_PROFILE);
  const composePath = uriToPath(context.uri);

  if (services.some(inProfile)) {
    const neighbours: ComposeService[] = context.workspace
      .composeFiles()
      .filter((c) => c.uri !== context.uri && dirOf(uriToPath(c.uri)) === dirOf(composePath))
      .flatMap((c) => c.services);
    for (const component of DESIGN_COMPONENTS) {
      const mine = services.filter((s) => componentOf(s) === component);
      const profiled = mine.filter(inProfile);
      if (profiled.length === 0) {
        if (neighbours.some((s) => componentOf(s) === component && inProfile(s))) continue;
        const outside = mine[0];
        if (outside) {
          problem(outside.keyStart, outside.keyEnd, say('notInProfile', outside.name, component.name), profileFix(file, outside));
        } else {
          const [start, end] = servicesKey(file);
          problem(start, end, say('missingComponent', component.name, component.ports.map(([c, h]) => (c === h ? String(h) : `${h}→${c}`)).join(', ')));
        }
        continue;
      }
      for (const service of profiled) checkPorts(service, component, file.text, problem);
    }
  }

  // No host port published twice.
  const seen = new Map<string, { service: string; at: number }>();
  for (const service of services) {
    for (const port of service.ports) {
      if (!port.published) continue;
      for (let p = port.published.from; p <= port.published.to && p - port.published.from <= 1000; p++) {
        const key = `${p}/${port.protocol}`;
        const first = seen.get(key);
        if (first && first.at !== port.start) {
          problem(port.start, port.end, say('duplicatePort', p, first.service, lineOf(file.text, first.at)));
          break;
        }
        if (!first) seen.set(key, { service: service.name, at: port.start });
      }
    }
  }

  // The Prometheus container mounts the folder of the workspace's prometheus.yaml.
  const configs = context.workspace.prometheusConfigs().map((c) => normalize(uriToPath(c.uri)));
  if (configs.length) {
    for (const service of services.filter((s) => componentOf(s)?.id === 'prometheus')) {
      const mounted = service.volumes.flatMap((v) => (v.source !== undefined ? (hostPathOf(composePath, v.source) ?? []) : []));
      const ok = configs.some((config) => mounted.some((source) => source === config || source === dirOf(config)));
      if (!ok) {
        const folders = [...new Set(configs.map((config) => relativeTo(dirOf(composePath), dirOf(config))))].join(', ');
        problem(service.keyStart, service.keyEnd, say('prometheusMount', service.name, folders));
      }
    }
  }
  return findings;
}

function checkPorts(service: ComposeServiceModel, component: StackComponent, text: string, problem: (start: number, end: number, message: string, fixes?: Finding['fixes']) => void): void {
  for (const [container, expected] of component.ports) {
    const entries = service.ports.filter((p) => p.target.from <= container && container <= p.target.to);
    if (entries.length === 0) {
      if (service.unreadPorts) continue;
      problem(service.keyStart, service.keyEnd, say('missingPort', service.name, component.name, container, expected));
      continue;
    }
    if (entries.some((p) => hostPort(p, container) === expected || hostPort(p, container) === undefined)) continue;
    for (const entry of entries) {
      const actual = hostPort(entry, container);
      if (actual === undefined) continue;
      const message = component.id === 'grafana' && actual === 3000 ? say('grafana3000', service.name) : say('wrongHostPort', service.name, component.name, container, expected, actual);
      const fix = entry.target.from === entry.target.to ? hostPortFix(entry, text, expected) : undefined;
      problem(entry.start, entry.end, message, fix);
    }
  }
}

function hostPort(port: ComposePort, container: number): number | undefined {
  return port.published ? port.published.from + (port.published.to === port.published.from ? 0 : container - port.target.from) : undefined;
}

/** Rewrites a short-form entry's host port, keeping its IP, protocol and quoting. */
function hostPortFix(port: ComposePort, text: string, expected: number): Finding['fixes'] {
  const raw = text.slice(port.start, port.end);
  const quote = /^["']/.exec(raw)?.[0] ?? '';
  const inner = quote ? raw.slice(1, -1) : raw;
  const m = /^(.*?)(\d+)(:\d+(?:\/\w+)?)$/.exec(inner);
  if (!m || !port.published) return undefined;
  const newText = `${quote || '"'}${m[1] ?? ''}${expected}${m[3] ?? ''}${quote || '"'}`;
  return [{ title: say('fixHostPort', expected), preferred: true, edits: [{ start: port.start, end: port.end, newText }] }];
}

/** Adds `observability` to a service's `profiles:` flow list, or a `profiles:` line under its key. */
function profileFix(file: ComposeFile, service: ComposeServiceModel): Finding['fixes'] {
  const text = file.text;
  const body = text.slice(service.keyEnd, service.end);
  const flow = /\n([ \t]+)profiles:[ \t]*\[([^\]\n]*)\]/.exec(body);
  if (flow) {
    const close = service.keyEnd + flow.index + flow[0].length - 1;
    const items = (flow[2] ?? '').trim();
    return [{ title: say('fixAddProfile'), preferred: true, edits: [{ start: close, end: close, newText: items ? `, ${OBSERVABILITY_PROFILE}` : OBSERVABILITY_PROFILE }] }];
  }
  if (/\n[ \t]+profiles:/.test(body)) return undefined;
  const indent = /\n([ \t]+)\S/.exec(body)?.[1];
  if (indent === undefined) return undefined;
  const lineEnd = text.indexOf('\n', service.keyEnd);
  if (lineEnd < 0) return undefined;
  return [{ title: say('fixAddProfile'), preferred: true, edits: [{ start: lineEnd + 1, end: lineEnd + 1, newText: `${indent}profiles: [${OBSERVABILITY_PROFILE}]\n` }] }];
}

export const composePolicyCheck: FileCheck<ComposeFile> = {
  meta: {
    name: 'compose/policy',
    on: 'file',
    fileKinds: ['compose'],
    description:
      "compose files: the design's observability profile (Jaeger, Prometheus, Grafana 3200→3000, Loki on the design's host ports), host ports published twice, Prometheus mounting the folder of prometheus.yaml",
    codes: [
      {
        code: COMPOSE_POLICY,
        severity: 'warning',
        short: "compose file against the design's local stack",
        help: "The observability profile should have Jaeger (16686, 4317, 4318), Prometheus (9090), Grafana (3200 on the host → 3000) and Loki (3100) on the design's host ports; no host port may be published twice; the Prometheus container should mount the folder of the workspace's prometheus.yaml so its rule_files resolve.",
        ja: {
          short: '設計のローカルスタックと compose ファイルの相違',
          help: 'observability プロファイルには Jaeger（16686、4317、4318）、Prometheus（9090）、Grafana（ホスト 3200 → 3000）、Loki（3100）を設計のホストポートで置きます。同じホストポートを 2 回公開してはいけません。Prometheus コンテナは rule_files が解決できるようワークスペースの prometheus.yaml のフォルダーをマウントします。',
        },
      },
    ],
  },
  run: checkComposePolicy,
};
