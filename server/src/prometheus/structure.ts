/**
 * prometheus/config, structure: every key of every level against the shape
 * of prometheus.yaml (configShape.ts) — unknown keys with their did-you-mean
 * fix, types, durations, sizes, enumerated values, ranges — and the list
 * items Prometheus refuses to read empty (`scrape_configs: [ - ]`). All at
 * once, each at its node, where promtool stops at the first.
 */
import { isScalar, type Node, type Scalar } from 'yaml';
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
  // Stryker disable next-line OptionalChaining: asked only of a clean model, which has its document
  const node: unknown = model.document?.getIn(path, true);
  // Stryker disable next-line StringLiteral: enum and duration issues are only raised on scalars
  return isScalar(node) ? String(node.value) : '';
}

function adjust(issue: ShapeIssue, model: PrometheusConfigModel): { issue: ShapeIssue; severity: 'error' | 'warning' } | undefined {
  const last = issue.path[issue.path.length - 1];
  if (issue.kind === 'enum') {
    const value = valueAt(model, issue.path);
    // Prometheus lower-cases relabel actions and upper-cases DNS record types (the only enumerated `action` and `type` of the shape).
    if (last === 'action' && RELABEL_ACTIONS.includes(value.toLowerCase())) return undefined;
    if (last === 'type' && ['SRV', 'A', 'AAAA', 'MX'].includes(value.toUpperCase())) return undefined;
    // Prometheus 2.42 takes any scheme; a scrape or an alert push with another one fails.
    if (last === 'scheme') return { issue, severity: 'warning' };
  }
  if (
    issue.kind === 'invalid' &&
    // Stryker disable next-line OptionalChaining: an issue's path always leads to a shape (the issue was found by walking it)
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
  // Stryker disable next-line ConditionalExpression,LogicalOperator: an unknown key is a string under a known mapping; the test only narrows the types
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
    // Stryker disable next-line ConditionalExpression: a suggestion that is undefined is no suggestion either (shapeFindings offers no fix)
    ...(fixed !== undefined ? { suggestion: fixed } : {}),
  };
}

const UNIT_MS: Readonly<Record<string, number>> = { y: 365 * 86_400_000, w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

/** A length written with fractions, Go's units or units out of order (`1.5m`, `500us`, `30s1m`), as Prometheus writes it (`1m30s`); undefined when it is no length. */
export function prometheusDuration(text: string): string | undefined {
  if (!/^(?:\d+(?:\.\d+)?(?:ms|[ywdhms]))+$/.test(text)) return undefined;
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|[ywdhms])/g)) ms += Number(n) * (UNIT_MS[String(unit)] ?? 0);
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

function nullItems(root: unknown, text: string, findings: Finding[]): void {
  for (const [path, words] of NULL_ITEMS) {
    // Down the path (valueOf of anything but a mapping is nothing), then the null items of the list there.
    const visit = (node: unknown, parts: readonly string[], where: string): void => {
      const [part, ...rest] = parts;
      if (part === undefined) {
        itemsOf(node).forEach((item, index) => {
          // YAML reads an empty item (`-`, `- ~`, `- null`) as a null scalar.
          if (isScalar(item) && item.value === null) findings.push(nullFinding(text, item, say('nullSection', { where: `${where}[${index}]`, what: words })));
        });
      } else if (part === '*') itemsOf(node).forEach((item, index) => visit(item, rest, `${where}[${index}]`));
      else visit(valueOf(node, part), rest, where ? `${where}.${part}` : part);
    };
    visit(root, path.split('.'), '');
  }
}

function nullFinding(text: string, item: Scalar, message: string): Finding {
  const [start, end] = item.range ?? [0, 0];
  if (end > start) return finding(item, message);
  // A bare `-` has an empty range after its dash: the dash is what is shown (a block list's item always follows one).
  const dash = text.lastIndexOf('-', start);
  return { start: dash, end: dash + 1, code: PROMETHEUS_CONFIG, message, severity: 'error' };
}

export function checkStructure(model: PrometheusConfigModel, text: string): Finding[] {
  if (!model.clean) return [];
  // An empty document (null contents) is no configuration to judge: checkShape says nothing of it, nor nullItems.
  const contents = model.document?.contents as Node | null | undefined;
  const findings: Finding[] = [];
  for (const { issue, severity } of checkShape(contents, PROMETHEUS_CONFIG_SHAPE).flatMap((i) => adjust(i, model) ?? [])) {
    findings.push(...shapeFindings([issue], PROMETHEUS_CONFIG, severity));
  }
  nullItems(model.root, text, findings);
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
