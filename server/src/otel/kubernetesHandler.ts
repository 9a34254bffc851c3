/**
 * Kubernetes workload manifests (`kind: Deployment | StatefulSet | DaemonSet
 * | Job | CronJob`): the `env:` of their containers, whose OTEL_* variables
 * otel/env checks against the SDK specification and the service's
 * config.yaml. Other kinds (PrometheusRule, ConfigMap, Service) are left to
 * whoever claims them.
 */
import { t } from '../l10n';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { EnvVariable } from '../base/compose';
import { isYamlPath } from '../base/files';
import type { OutlineSymbol } from '../base/types';
import type { DocumentView, FileKindHandler } from '../workspace/fileKind';
import { NO_FACTS } from '../workspace/index';
import type { EnvScope, EnvSubject } from './env';

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);
const KIND = 'kubernetes';
const OTLP_ENDPOINT_VARIABLES = new Set(['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);

/** Environments as namespaces and folders name them (overlays/prod, namespace k1s0-staging). */
const ENVIRONMENTS: Record<string, string> = { dev: 'dev', development: 'dev', local: 'dev', staging: 'staging', stg: 'staging', prod: 'prod', production: 'prod' };

function environmentOfWords(...texts: (string | undefined)[]): string | undefined {
  for (const text of texts) {
    for (const word of (text ?? '').split(/[^A-Za-z]+/)) {
      const environment = ENVIRONMENTS[word.toLowerCase()];
      if (environment) return environment;
    }
  }
  return undefined;
}

function str(node: unknown): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number' || typeof node.value === 'boolean') ? String(node.value) : undefined;
}

function at(node: unknown, ...path: string[]): unknown {
  let current = node;
  for (const key of path) current = isMap(current) ? current.get(key, true) : undefined;
  return current;
}

interface Container {
  name?: string;
  node: Node;
  nameNode?: Node;
  variables: EnvVariable[];
}

interface Workload {
  kind: string;
  name?: string;
  namespace?: string;
  labels: string[];
  node: Node;
  containers: Container[];
}

function envOf(list: unknown): EnvVariable[] {
  if (!isSeq(list)) return [];
  const out: EnvVariable[] = [];
  for (const item of list.items) {
    const nameNode = at(item, 'name') as Node | undefined;
    const name = str(nameNode);
    if (name === undefined || !nameNode?.range) continue;
    const valueNode = at(item, 'value') as Node | undefined;
    const value = str(valueNode);
    const [valueStart, valueEnd] = valueNode?.range ? [valueNode.range[0], valueNode.range[1]] : [nameNode.range[1], nameNode.range[1]];
    out.push({ name, ...(value !== undefined ? { value } : {}), nameStart: nameNode.range[0], nameEnd: nameNode.range[1], valueStart, valueEnd });
  }
  return out;
}

export function readWorkloads(documents: readonly Document.Parsed[]): Workload[] {
  const out: Workload[] = [];
  for (const document of documents) {
    const kind = str(at(document.contents, 'kind'));
    if (kind === undefined || !WORKLOADS.has(kind) || !document.contents) continue;
    const pod = kind === 'CronJob' ? at(document.contents, 'spec', 'jobTemplate', 'spec', 'template', 'spec') : at(document.contents, 'spec', 'template', 'spec');
    const containers: Container[] = [];
    for (const key of ['initContainers', 'containers']) {
      const list = at(pod, key);
      for (const container of isSeq(list) ? list.items : []) {
        if (!isMap(container)) continue;
        const nameNode = at(container, 'name') as Node | undefined;
        const name = str(nameNode);
        containers.push({ ...(name !== undefined ? { name } : {}), node: container, ...(nameNode ? { nameNode } : {}), variables: envOf(at(container, 'env')) });
      }
    }
    const labels = at(document.contents, 'metadata', 'labels');
    const name = str(at(document.contents, 'metadata', 'name'));
    const namespace = str(at(document.contents, 'metadata', 'namespace'));
    out.push({
      kind,
      ...(name !== undefined ? { name } : {}),
      ...(namespace !== undefined ? { namespace } : {}),
      labels: ['app.kubernetes.io/name', 'app'].flatMap((label) => str(at(labels, label)) ?? []),
      node: document.contents,
      containers,
    });
  }
  return out;
}

function workloadsOf(doc: DocumentView): Workload[] {
  return doc.memo(KIND, () => {
    const parsed = doc.yaml();
    return parsed.syntax.length > 0 ? [] : readWorkloads(parsed.documents);
  });
}

export const kubernetesHandler: FileKindHandler = {
  kind: KIND,
  claims: (doc, { location }) => isYamlPath(location.path) && /^kind:\s*["']?(?:Deployment|StatefulSet|DaemonSet|Job|CronJob)["']?\s*$/m.test(doc.text) && doc.text.includes('OTEL_'),
  // Where the workloads send traces: the collector's receivers are compared with it (otelcol/policy).
  facts(doc) {
    const otlpEndpoints = workloadsOf(doc).flatMap((workload) =>
      workload.containers.flatMap((container) => container.variables.flatMap((v) => (OTLP_ENDPOINT_VARIABLES.has(v.name) && v.value ? [{ uri: doc.uri, variable: v.name, value: v.value }] : []))),
    );
    return otlpEndpoints.length > 0 ? { recordingRules: [], otlpEndpoints } : NO_FACTS;
  },
  findings(doc, { checks, location }) {
    const parsed = doc.yaml();
    if (parsed.syntax.length > 0) return parsed.syntax;
    const env: EnvScope[] = workloadsOf(doc).flatMap((workload) =>
      workload.containers.map((container) => {
        const serviceName = container.variables.find((v) => v.name === 'OTEL_SERVICE_NAME')?.value;
        const names = [container.name, workload.name, ...workload.labels, serviceName].filter((n): n is string => n !== undefined);
        const environment = environmentOfWords(workload.namespace, location.relativePath ?? location.path);
        return { variables: container.variables, config: { names, paths: [], ...(environment ? { environment } : {}) } };
      }),
    );
    const subject: EnvSubject = { env };
    return checks.file(KIND, subject);
  },
  symbols(doc): OutlineSymbol[] {
    return workloadsOf(doc).map((workload) => {
      const [start, end] = workload.node.range ?? [0, 0];
      return {
        name: workload.name ?? workload.kind,
        detail: workload.kind,
        kind: 'service',
        start,
        end,
        selectionStart: start,
        selectionEnd: start,
        children: workload.containers.map((container) => {
          const [cStart, cEnd] = container.node.range ?? [0, 0];
          const [nStart, nEnd] = container.nameNode?.range ?? [cStart, cStart];
          return { name: container.name ?? t('outline.container'), kind: 'component' as const, start: cStart, end: cEnd, selectionStart: nStart, selectionEnd: nEnd, children: [] };
        }),
      };
    });
  },
  suppressible: () => true,
};
