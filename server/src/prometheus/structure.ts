/**
 * prometheus/config, structure: every key of every level against the shape
 * of prometheus.yaml (configShape.ts) — unknown keys with their did-you-mean
 * fix, types, durations, sizes, enumerated values, ranges — and the list
 * items Prometheus refuses to read empty (`scrape_configs: [ - ]`). All at
 * once, each at its node, where promtool stops at the first.
 */
import { isMap, isScalar, type Node } from 'yaml';
import type { Finding } from '../base/types';
import { checkShape, fieldsOf, pathName, shapeAt, shapeFindings, type ShapeIssue } from '../base/yaml/shape';
import { t } from '../l10n';
import type { FileCheck } from '../workspace/fileKind';
import { OTHER_SD, PROMETHEUS_CONFIG_SHAPE, RELABEL_ACTIONS } from './configShape';
import { finding, PROMETHEUS_CONFIG, PROMETHEUS_CONFIG_CODE, say } from './messages';
import { itemsOf, valueOf, type PrometheusConfigModel } from './model';

/** Lists whose null items Prometheus refuses, with its words for each (by the path of the list, `*` for any index). */
const NULL_ITEMS: readonly [string, string][] = [
  ['scrape_configs', 'empty or null scrape config section'],
  ['scrape_configs.*.static_configs', 'empty or null section in static_configs'],
  ['scrape_configs.*.relabel_configs', 'empty or null target relabeling rule in scrape config'],
  ['scrape_configs.*.metric_relabel_configs', 'empty or null metric relabeling rule in scrape config'],
  ['alerting.alert_relabel_configs', 'empty or null alert relabeling rule'],
  ['alerting.alertmanagers', 'empty or null Alertmanager config'],
  ['alerting.alertmanagers.*.static_configs', 'empty or null section in static_configs'],
  ['alerting.alertmanagers.*.relabel_configs', 'empty or null Alertmanager target relabeling rule'],
  ['remote_write', 'empty or null remote write config section'],
  ['remote_write.*.write_relabel_configs', 'empty or null relabeling rule in remote write config'],
  ['remote_read', 'empty or null remote read config section'],
];

/** The value at an issue's path, as written (messages are in the user's language: never read back from them). */
function valueAt(model: PrometheusConfigModel, path: readonly (string | number)[]): string {
  const node: unknown = model.document?.getIn(path, true);
  return isScalar(node) ? String(node.value) : '';
}

function adjust(issue: ShapeIssue, model: PrometheusConfigModel): { issue: ShapeIssue; severity: 'error' | 'warning' } | undefined {
  const last = issue.path[issue.path.length - 1];
  if (issue.kind === 'enum') {
    const value = valueAt(model, issue.path);
    // Prometheus lower-cases relabel actions and upper-cases DNS record types.
    if (last === 'action' && issue.path.some((p) => typeof p === 'string' && p.endsWith('relabel_configs')) && RELABEL_ACTIONS.includes(value.toLowerCase())) return undefined;
    if (last === 'type' && issue.path.includes('dns_sd_configs') && ['SRV', 'A', 'AAAA', 'MX'].includes(value.toUpperCase())) return undefined;
    // Prometheus 2.42 takes any scheme; a scrape or an alert push with another one fails.
    if (last === 'scheme') return { issue, severity: 'warning' };
  }
  if (
    issue.kind === 'invalid' &&
    shapeAt(
      PROMETHEUS_CONFIG_SHAPE,
      issue.path.filter((p): p is string => typeof p === 'string'),
    )?.shape.type === 'duration'
  ) {
    return { issue: durationIssue(issue, valueAt(model, issue.path)), severity: 'error' };
  }
  if (issue.kind === 'unknown-key') return { issue: shorterUnknownKey(issue), severity: 'error' };
  return { issue, severity: 'error' };
}

const RARE_KEYS = new Set(OTHER_SD.map((name) => `${name}_sd_configs`));

/** An unknown key's message without the two dozen discovery mechanisms the design never uses in its list of allowed keys (they stay allowed). */
function shorterUnknownKey(issue: ShapeIssue): ShapeIssue {
  const key = issue.path[issue.path.length - 1];
  const parent = issue.path.slice(0, -1).filter((p): p is string => typeof p === 'string');
  const at = shapeAt(PROMETHEUS_CONFIG_SHAPE, parent);
  if (typeof key !== 'string' || !at) return issue;
  const allowed = fieldsOf(at.shape).map(([name]) => name);
  if (!allowed.some((name) => RARE_KEYS.has(name))) return issue;
  const shown = [...allowed.filter((name) => !RARE_KEYS.has(name)), '…_sd_configs'];
  return { ...issue, message: t('shape.unknownKey', { key, where: pathName(issue.path.slice(0, -1)), allowed: shown, ...(issue.suggestion ? { suggestion: issue.suggestion } : {}) }) };
}

/** A duration in Prometheus's words, with the same length written as Prometheus reads it when it can be told (`1.5m`, `90`s out of order). */
function durationIssue(issue: ShapeIssue, got: string): ShapeIssue {
  const fixed = prometheusDuration(got);
  return {
    ...issue,
    message: say('duration', { where: pathName(issue.path), got }),
    ...(fixed !== undefined ? { suggestion: fixed } : {}),
  };
}

const UNIT_MS: Readonly<Record<string, number>> = { y: 365 * 86_400_000, w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

/** A length written with fractions, Go's units or units out of order (`1.5m`, `500us`, `30s1m`), as Prometheus writes it (`1m30s`); undefined when it is no length. */
export function prometheusDuration(text: string): string | undefined {
  const parts = /^(?:\d+(?:\.\d+)?(?:ms|[ywdhms]))+$/.test(text) ? [...text.matchAll(/(\d+(?:\.\d+)?)(ms|[ywdhms])/g)] : [];
  if (parts.length === 0) return undefined;
  const ms = parts.reduce((sum, [, n = '0', unit = 's']) => sum + Number(n) * (UNIT_MS[unit] ?? 0), 0);
  if (!Number.isInteger(ms)) return undefined;
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const unit of ['y', 'w', 'd', 'h', 'm', 's', 'ms']) {
    const size = UNIT_MS[unit] ?? 1;
    const count = Math.floor(rest / size);
    if (count > 0) out += `${count}${unit}`;
    rest -= count * size;
  }
  return out;
}

function nullItems(root: Node, text: string, findings: Finding[]): void {
  for (const [path, words] of NULL_ITEMS) {
    const parts = path.split('.');
    const visit = (node: unknown, depth: number, where: string): void => {
      if (depth === parts.length) {
        itemsOf(node).forEach((item, index) => {
          if (item === null || (isScalar(item) && item.value === null)) {
            // A bare `-` has no range of its own: its list item is reported from the sequence's dash.
            findings.push(nullFinding(text, item, say('nullSection', { where: `${where}[${index}]`, what: words })));
          }
        });
        return;
      }
      const part = parts[depth] ?? '';
      if (part === '*') itemsOf(node).forEach((item, index) => visit(item, depth + 1, `${where}[${index}]`));
      else if (isMap(node)) visit(valueOf(node, part), depth + 1, where ? `${where}.${part}` : part);
    };
    visit(root, 0, '');
  }
}

function nullFinding(text: string, item: Node | null, message: string): Finding {
  if (item?.range && item.range[1] > item.range[0]) return finding(item, message);
  // An empty item has an empty range after its dash: the dash is what is shown.
  const at = item?.range?.[0] ?? 0;
  const dash = text.lastIndexOf('-', at);
  const start = dash >= 0 ? dash : at;
  return { start, end: start + 1, code: PROMETHEUS_CONFIG, message, severity: 'error' };
}

export function checkStructure(model: PrometheusConfigModel, text: string): Finding[] {
  const contents = model.document?.contents as Node | null | undefined;
  if (!model.clean || contents === undefined || contents === null) return [];
  const findings: Finding[] = [];
  for (const { issue, severity } of checkShape(contents, PROMETHEUS_CONFIG_SHAPE).flatMap((i) => adjust(i, model) ?? [])) {
    findings.push(...shapeFindings([issue], PROMETHEUS_CONFIG, severity));
  }
  if (model.root) nullItems(model.root, text, findings);
  return findings;
}

export const prometheusStructureCheck: FileCheck<PrometheusConfigModel> = {
  meta: {
    name: 'prometheus/structure',
    on: 'file',
    fileKinds: ['prometheus'],
    description: 'prometheus.yaml: unknown keys at every level (did-you-mean fix), types, durations, sizes, enumerated values, empty list items — what `promtool check config` rejects, all at once',
    codes: [PROMETHEUS_CONFIG_CODE],
  },
  run: (model, { text }) => checkStructure(model, text),
};
