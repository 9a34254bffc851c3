import type { Caches } from '../base/caches';
import { LineIndex } from '../base/lineIndex';
import type { Finding } from '../base/types';
import type { RuleModel } from './model';
import { originOfRule } from './shift';
import type { ReaderCodes } from '../base/check';
import { say } from './messages';

/**
 * rules/duplicate: two rules of one file that produce the same series or
 * alert, i.e. the same name (record or alert) and the same labels, across all
 * its groups. promtool's lint reports these (cmd/promtool/main.go
 * checkDuplicates); Prometheus loads them, so this is a warning.
 * https://github.com/prometheus/prometheus/blob/v2.42.0/cmd/promtool/main.go
 */
export const DUPLICATE_CODE = 'rules/duplicate';

/** Identities by the rule they were made for: a rule that only moved keeps its identity. Shared by every service: keyed by a rule model, which is one document's, and dropped with it. */
const identities = new WeakMap<RuleModel, string>();

function identity(rule: RuleModel): string {
  const origin = originOfRule(rule);
  let known = identities.get(origin);
  // Stryker disable next-line ConditionalExpression: a cache; making the identity again gives the same string
  if (known === undefined) {
    const labels = rule.labels.map((l) => `${l.key}\u0001${l.value.value}`).sort();
    const suffix = labels.length
      ? `\u0000${labels.join('\u0000')}`
      : // Stryker disable next-line StringLiteral: the suffix of a rule without labels is the same for every such rule, and no label suffix (which starts with \u0000) equals it
        '';
    known = `${rule.documentIndex}\u0000${rule.name}${suffix}`;
    identities.set(origin, known);
  }
  return known;
}

/**
 * The finding last made for a rule, with the line its message names: every edit of a file re-runs
 * this check, and handing back the same finding object lets the service keep the diagnostic it made
 * of it (service/diagnosticReuse.ts) instead of making all of them again. Keyed by the rule's origin,
 * whose text (so its kind, name, labels and group) is the same wherever the rule moved; where it
 * moved, its name's start tells. The earlier rule is the one starting on the line named (block
 * style, the only one an edit carries rules over in: one rule starts on a line), so the line also
 * tells its group.
 */
const lastFindings = new WeakMap<RuleModel, { finding: Finding; line: number }>();

export function checkDuplicates(text: string, rules: readonly RuleModel[], caches?: Caches): Finding[] {
  const findings: Finding[] = [];
  let lines: LineIndex | undefined;
  const first = new Map<string, RuleModel>();
  for (const rule of rules) {
    const key = identity(rule);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, rule);
      continue;
    }
    lines ??= LineIndex.of(text, caches);
    const line = lines.lineAt(earlier.nameEntry.keyStart) + 1;
    const { start, end } = rule.nameEntry.value;
    const last = lastFindings.get(originOfRule(rule));
    if (last && last.finding.start === start && last.line === line) {
      findings.push(last.finding);
      continue;
    }
    const message = say('duplicate', { kind: rule.kind, name: rule.name, sameLabels: rule.labels.length > 0, line, ...(earlier.group === rule.group ? {} : { group: earlier.group }) });
    const finding: Finding = { start, end, code: DUPLICATE_CODE, message, severity: 'warning' };
    lastFindings.set(originOfRule(rule), { finding, line });
    findings.push(finding);
  }
  return findings;
}

export const ruleDuplicateCodes: ReaderCodes = {
  meta: {
    name: 'rules/duplicate',
    on: 'reader',
    fileKinds: ['rules'],
    description: 'the same rule (name and labels) defined twice in a file',
    codes: [
      {
        code: 'rules/duplicate',
        severity: 'warning',
        short: 'duplicate rule',
        help: 'A group or rule is defined more than once; Prometheus refuses duplicate group names and repeated rules are evaluated twice.',
        // Stryker disable next-line ObjectLiteral: documentation in Japanese, as short and help (scripts/mutation/ignore-docs.mjs)
        ja: { short: 'ルールの重複', help: 'グループまたはルールが重複して定義されています。Prometheus はグループ名の重複を拒否し、同じルールは二重に評価されます。' },
      },
    ],
  },
};
