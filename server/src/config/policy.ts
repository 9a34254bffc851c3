import type { EnvironmentName } from '../base/settings';
import { BUILTIN_CATALOG } from '../catalog/catalog';
import { en } from '../l10n/en';
import { LOG_FORMATS } from './fields';
import type { Finding } from '../base/types';
import { t, type MessageKey } from '../l10n';
import { locate, valueSpan, type ObservabilityEntry } from './section';
import type { FileCheck } from '../workspace/fileKind';
import type { ConfigFile } from './section';

const CODE = 'config/policy';

/** One row of the design's environment policy: in `environment`, `field` should be `expected`. */
interface PolicyRule {
  environment: EnvironmentName;
  field: 'trace.sample_rate' | 'log.format';
  expected: number | string;
  /** The design's rule, quoted in the message (a message key: it is said in the user's language). */
  rule: MessageKey & `policy.rule.${string}`;
}

/**
 * The environment table of the design ("トレースサンプリング戦略" and the log
 * format note of "config.yaml の observability セクション"), from the catalog's
 * policy.environments: dev samples every trace and may log text; staging
 * samples 50% and logs JSON; prod samples 10% (the OTel Collector keeps
 * every error trace) and logs JSON. A row naming no message fails at load.
 */
export const POLICY_RULES: readonly PolicyRule[] = BUILTIN_CATALOG.policy.environments.map((row) => ({ ...row, rule: ruleKey(row.rule) }));

export function ruleKey(rule: string): PolicyRule['rule'] {
  const key = `policy.rule.${rule}`;
  if (!Object.hasOwn(en, key)) throw new Error(`k1s0-catalog.json: policy.environments names the rule ${rule}, but there is no message ${key}`);
  return key as PolicyRule['rule'];
}

/**
 * `config/policy`: values that are valid but break the design's policy for
 * the file's environment. Values of the wrong type are left to config/schema.
 */
export function checkConfigPolicy(entry: ObservabilityEntry, environment: EnvironmentName | undefined, source: string): Finding[] {
  if (!environment) return [];
  const findings: Finding[] = [];
  for (const rule of POLICY_RULES) {
    if (rule.environment !== environment) continue;
    const located = locate(entry, rule.field.split('.'));
    if (!located.found) continue;
    const actual: unknown = located.pair.value?.toJS(entry.document);
    if (actual === rule.expected) continue;
    // Values the schema rejects (another type among them) are its business; policy speaks only of valid ones.
    if (rule.field === 'trace.sample_rate' && !(typeof actual === 'number' && actual >= 0 && actual <= 1)) continue;
    if (rule.field === 'log.format' && !(LOG_FORMATS as readonly unknown[]).includes(actual)) continue;
    if (rule.field === 'trace.sample_rate' && isTracingOff(entry)) continue;
    const [start, end] = valueSpan(located.pair);
    const shown = source.slice(start, end);
    findings.push({
      start,
      end,
      code: CODE,
      severity: 'warning',
      message: t('policy.shouldBe', { environment, field: rule.field, expected: formatLike('', rule.expected), shown, rule: t(rule.rule) }),
      fixes: [
        { title: t('policy.fix', { field: rule.field, expected: formatLike('', rule.expected), environment }), preferred: true, edits: [{ start, end, newText: formatLike(shown, rule.expected) }] },
      ],
    });
  }
  return findings;
}

/** Asked once trace.sample_rate is found, so trace is a mapping: without an `enabled` key the pair located is trace's, never `false`. */
function isTracingOff(entry: ObservabilityEntry): boolean {
  return locate(entry, ['trace', 'enabled']).pair.value?.toJS(entry.document) === false;
}

/** Keeps the user's quoting style when replacing a value. */
function formatLike(shown: string, value: number | string): string {
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(1) : String(value);
  const quote = shown.startsWith("'") ? "'" : shown.startsWith('"') ? '"' : '';
  return `${quote}${value}${quote}`;
}

export const configPolicyCheck: FileCheck<ConfigFile> = {
  meta: {
    name: 'config/policy',
    on: 'file',
    fileKinds: ['config'],
    description: "values that are valid but break the design's environment policy: sampling dev 1.0 / staging 0.5 / prod 0.1, JSON logs outside dev",
    codes: [
      {
        code: 'config/policy',
        severity: 'warning',
        short: 'value breaks the environment policy of the design',
        help: "The value is valid but differs from the design for the file's environment: trace sampling is 1.0 in dev, 0.5 in staging, 0.1 in prod; logs are JSON outside dev.",
        ja: {
          short: '設計の環境ポリシーに反する値',
          help: '値は正しいものの、ファイルの環境に対する設計と異なります。トレースのサンプリングは dev 1.0、staging 0.5、prod 0.1、ログは dev 以外では JSON です。',
        },
      },
    ],
  },
  run: ({ entry, environment }: ConfigFile, { text }) => checkConfigPolicy(entry, environment, text),
};
