/**
 * policy/slo (missing burn-rate alerts): every service of the SLO tree has
 * the design's multi-window burn-rate pair — page (SLOBurnRateCritical,
 * 14.4x over 1h + 5m) and ticket (SLOBurnRateWarning, 6x over 6h + 30m) —
 * at its tier's SLO target.
 *
 * Where it is reported: on the rule file that holds the tier's alerts (the
 * design's per-tier table; the first such file in URI order), at the first
 * of them. That is the file the pair belongs in, and a workspace without any
 * tier alert (the design's local stack alone) gets no noise; the tree view
 * still lists the pair as missing there. The quick fix appends the missing
 * alerts to that alert's group, generated for the tier (`tier="<tier>"`, the
 * tier's target, e.g. 14.4 * 0.0005 for system's 99.95%).
 */
import type { RuleFileAnalysis } from '../rules/analyze';
import type { AlertPolicy, Policy } from '../catalog/schema';
import type { Finding } from '../base/types';
import type { WorkspaceIndex } from '../workspace/index';
import { buildSloTree, type SloTree } from './model';
import { POLICY_SLO } from '../catalog/policy';
import type { FileCheck } from '../workspace/fileKind';
import { catalogFor } from '../catalog/catalog';
import { say } from './messages';

/** Positions of the tree's locations: this check reads none. */
// Stryker disable next-line ArrowFunction,ObjectLiteral: no position of the tree is read here
const NO_POSITION = () => ({ line: 0, character: 0 });

function treeOf(workspace: WorkspaceIndex, policy: Policy): SloTree {
  // Stryker disable next-line StringLiteral: any key no other view of the workspace uses caches the same tree
  return workspace.derived('slo/tree', () => buildSloTree(workspace, policy, NO_POSITION));
}

/** The error budget of an objective, without float noise (0.9995 → 0.0005). */
export function errorBudget(objective: number): number {
  return +(1 - objective).toFixed(10);
}

function percent(objective: number): string {
  return `${+(objective * 100).toFixed(3)}%`;
}

/** One burn-rate alert of the design for a tier, as rule-file YAML lines (relative indentation, `- alert:` first). */
export function burnRateAlertLines(design: AlertPolicy, tier: string, objective: number): string[] {
  const factor = design.burnRate ?? 1;
  const budget = errorBudget(objective);
  const threshold = `(${factor} * ${budget})`;
  const ratio = (window: string): string[] => [
    `  sum(rate(http_requests_total{tier="${tier}", status=~"5.."}[${window}])) by (service)`,
    `    / sum(rate(http_requests_total{tier="${tier}"}[${window}])) by (service)`,
  ];
  const windows = design.windows ?? [];
  const expr = windows.flatMap((window, i) => [...(i > 0 ? ['and'] : []), '(', ...ratio(window), `) > ${threshold}`]);
  return [
    `- alert: ${design.name}`,
    '  expr: |',
    ...expr.map((line) => `    ${line}`),
    `  for: ${design.for}`,
    '  labels:',
    `    severity: ${design.severity}`,
    `    tier: ${tier}`,
    '  annotations:',
    `    summary: "{{ $labels.service }} burns its error budget ${factor}x too fast over ${windows.join(' and ')} (SLO ${percent(objective)})"`,
  ];
}

export function checkBurnRatePairs(uri: string, text: string, analysis: RuleFileAnalysis, workspace: WorkspaceIndex, policy: Policy): Finding[] {
  const burnRate = policy.alerts.filter((a) => a.kind === 'burn-rate');
  // A shortcut, not a rule: a file without alerts of its own is no tier's home (the loop below finds
  // none). It spares building the SLO tree for every file without alerts: 10,000 recording rules took
  // 2.4 s more without it (test/fuzz, "big documents").
  // Stryker disable next-line ConditionalExpression,BlockStatement,ArrayDeclaration,MethodExpression,ArrowFunction,EqualityOperator: the same findings without the shortcut, only slower
  if (!workspace.alerts().some((alert) => alert.uri === uri)) return [];
  const tree = treeOf(workspace, policy);
  const findings: Finding[] = [];
  for (const tier of tree.tiers) {
    // The design's per-tier alerts (the burn-rate pair has no tiers: it is every tier's).
    const tierAlertNames = new Set(policy.alerts.filter((a) => a.tiers?.includes(tier.tier)).map((a) => a.name));
    const home = workspace.alerts().find((a) => tierAlertNames.has(a.name));
    if (!home || home.uri !== uri) continue;
    const missing = burnRate.filter((design) => tier.services.some((s) => s.alerts.some((a) => a.name === design.name && a.status !== 'present')));
    if (missing.length === 0) continue;
    const services = tier.services.filter((s) => s.alerts.some((a) => a.role === 'burn-rate' && a.status !== 'present')).map((s) => s.name);
    const rule = analysis.rules.find((r) => r.nameEntry.value.start === home.start);
    const group = rule ? analysis.groups.find((g) => g.documentIndex === rule.documentIndex && g.groupIndex === rule.groupIndex) : undefined;
    // Stryker disable next-line OptionalChaining: the home alert is a rule of this file's analysis (the index read the same text), and a rule is in its group
    const last = group?.rules.at(-1);
    const finding: Finding = {
      start: home.start,
      end: home.end,
      code: POLICY_SLO,
      severity: 'warning',
      message: say('burnRateMissing', {
        tier: tier.tier,
        percent: tier.slo.percent,
        // Stryker disable next-line ArrayDeclaration: every burn-rate alert of the design has its windows
        missing: missing.map((d) => ({ name: d.name, burnRate: d.burnRate, windows: d.windows ?? [], severity: d.severity })),
        services,
        source: tier.slo.source,
      }),
    };
    // Stryker disable next-line ConditionalExpression: the home alert's group holds at least that alert (see above)
    if (last) {
      const dashColumn = columnOfDash(text, last.start);
      const at = lineAfter(text, last.end);
      if (dashColumn !== undefined) {
        const pad = ' '.repeat(dashColumn);
        const lines = missing.flatMap((design) => burnRateAlertLines(design, tier.tier, tier.slo.objective)).map((line) => `${pad}${line}`);
        const newText = `${at.needsNewline ? '\n' : ''}${lines.join('\n')}\n`;
        finding.fixes = [
          { title: say('fixAddBurnRate', { names: missing.map((d) => d.name), tier: tier.tier, percent: tier.slo.percent }), preferred: true, edits: [{ start: at.offset, end: at.offset, newText }] },
        ];
      }
    }
    findings.push(finding);
  }
  return findings;
}

/** The column of the `-` that opens the sequence item whose mapping starts at `offset` (block style only). */
function columnOfDash(text: string, offset: number): number | undefined {
  // The character at offset opens the mapping: no line break.
  const lineStart = text.lastIndexOf('\n', offset) + 1;
  const before = text.slice(lineStart, offset);
  // Two surviving mutants, not disabled (a comment would hide both): without `^` the same places
  // match in a rule file (a rule's line holds one dash before its mapping); without `$`, a dash
  // followed by an anchor or tag (`- &a alert:`) would get the fix too, which is untested either way.
  return /^ *- +$/.test(before) ? before.indexOf('-') : undefined;
}

/** Where the line after a node's last character starts (the end of the text when it has no final newline). */
function lineAfter(text: string, end: number): { offset: number; needsNewline: boolean } {
  const newline = text.indexOf('\n', text.slice(0, end).trimEnd().length);
  return newline === -1 ? { offset: text.length, needsNewline: true } : { offset: newline + 1, needsNewline: false };
}

export const burnRatePairCheck: FileCheck<RuleFileAnalysis> = {
  meta: {
    name: 'slo/burnRatePair',
    on: 'file',
    fileKinds: ['rules'],
    description: "a tier whose services lack the burn-rate pair (on the file of the tier's alerts; fix inserts the pair for the tier's SLO target)",
    codes: [
      {
        code: 'policy/slo',
        severity: 'warning',
        short: 'SLO drifts from the design',
        help: "A tier's services lack the design's burn-rate alert pair; the fix inserts it for the tier's SLO target.",
        ja: { short: '設計から外れた SLO', help: 'Tier のサービスに、設計のバーンレートアラートの組がありません。修正で、その Tier の SLO 目標に合わせた組を挿入します。' },
      },
    ],
  },
  run: (analysis: RuleFileAnalysis, { uri, text, workspace }) => checkBurnRatePairs(uri, text, analysis, workspace, catalogFor(workspace).policy),
};
