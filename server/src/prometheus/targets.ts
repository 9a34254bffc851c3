/**
 * prometheus/config, targets and labels: a static target that is not
 * `host:port` — a URL is the classic mistake, fixed to its host:port, the
 * scheme and path named for `scheme` and `metrics_path` — or that is empty;
 * label names of static target groups and of `global.external_labels` that
 * Prometheus 2.42 refuses. A target without a port is left alone: Prometheus
 * adds the scheme's.
 */
import { isMap, isScalar, type Scalar } from 'yaml';
import type { Finding, Fix } from '../base/types';
import type { FileCheck } from '../workspace/fileKind';
import { LABEL_NAME } from './configShape';
import { finding, PROMETHEUS_CONFIG_CODE, say } from './messages';
import { itemsOf, textOf, valueOf, type PrometheusConfigModel } from './model';
import { discoveryBlocks, relabelRules } from './walk';

const URL_TARGET = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]+)([^?#]*)/;

/** The same scalar with another value, quoted as it was. */
function rewrite(node: Scalar, value: string): string {
  if (node.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (node.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  return value;
}

function checkTarget(node: Scalar, text: string, addressRewritten: boolean): Finding | undefined {
  if (text === '') return addressRewritten ? undefined : finding(node, say('targetEmpty'));
  if (!text.includes('/')) return undefined;
  const url = URL_TARGET.exec(text);
  if (!url) return finding(node, say('targetNotHost', { target: text }));
  const [, scheme = '', host = '', path = ''] = url;
  // Stryker disable next-line OptionalChaining: a parsed target has a range
  const fix: Fix = { title: say('targetFix', { host }), preferred: true, edits: [{ start: node.range?.[0] ?? 0, end: node.range?.[1] ?? 0, newText: rewrite(node, host) }] };
  const schemeHint = scheme.toLowerCase() === 'http' ? '' : scheme.toLowerCase();
  const pathHint = path === '' || path === '/' || path === '/metrics' ? '' : path;
  return finding(node, say('targetUrl', { target: text, host, scheme: schemeHint, path: pathHint }), 'error', [fix]);
}

export function checkTargets(model: PrometheusConfigModel): Finding[] {
  if (!model.clean) return [];
  const findings: Finding[] = [];
  // Relabeling that writes __address__ may give an empty target its address.
  const rewritesAddress = new Set(
    relabelRules(model)
      .filter((rule) => textOf(valueOf(rule.node, 'target_label')) === '__address__')
      .map((rule) => rule.where.replace(/\.relabel_configs\[\d+\]$/, '')),
  );
  for (const block of discoveryBlocks(model, 'static_configs')) {
    const owner = block.where.replace(/\.static_configs\[\d+\]$/, '');
    for (const target of itemsOf(valueOf(block.node, 'targets'))) {
      const text = textOf(target);
      if (!isScalar(target) || text === undefined) continue;
      const problem = checkTarget(target, text, rewritesAddress.has(owner));
      if (problem) findings.push(problem);
    }
    findings.push(...labelNames(valueOf(block.node, 'labels')));
  }
  findings.push(...labelNames(valueOf(valueOf(model.root, 'global'), 'external_labels')));
  return findings;
}

function labelNames(map: unknown): Finding[] {
  if (!isMap(map)) return [];
  return map.items.flatMap((pair) => {
    const name = textOf(pair.key);
    return name !== undefined && !LABEL_NAME.test(name) ? [finding(pair.key as Scalar, say('labelName', { name }))] : [];
  });
}

export const prometheusTargetsCheck: FileCheck<PrometheusConfigModel> = {
  meta: {
    name: 'prometheus/targets',
    on: 'file',
    fileKinds: ['prometheus'],
    description: 'prometheus.yaml: static targets that are not host:port (a URL: fix to its host:port) or empty; invalid label names of target groups and external_labels',
    codes: [PROMETHEUS_CONFIG_CODE],
  },
  run: checkTargets,
};
