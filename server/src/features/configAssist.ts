/**
 * Completion and hover in the `observability:` section of config.yaml, from
 * the same field table and policy rows the checks use. Positions are read
 * from indentation, so they work on the half-written YAML completion sees.
 */
import { LOG_FORMATS, LOG_LEVELS, OBSERVABILITY_FIELDS } from '../config/fields';
import { POLICY_RULES } from '../config/policy';
import { t } from '../l10n';
import type { EnvironmentName } from '../base/settings';
import type { CompletionItem, HoverResult } from './types';
import { KEY_LINE, positionAt } from './yamlPosition';
import { say } from './messages';

/** What a field expects, in the current language. */
function expects(field: string): string | undefined {
  const info = OBSERVABILITY_FIELDS[field];
  return info ? t('field.expects', { field, expects: info.expects, fallback: 'valid' }) : undefined;
}

/** A field's documentation, in the current language. */
function doc(field: string): string {
  return t('field.doc', { field, doc: OBSERVABILITY_FIELDS[field]?.doc ?? '' });
}

function fieldPath(path: string[], key?: string): string | undefined {
  if (path[0] !== 'observability') return undefined;
  return [...path.slice(1), ...(key ? [key] : [])].join('.');
}

const VALUE_CHOICES: Record<string, readonly string[]> = {
  'log.level': LOG_LEVELS,
  'log.format': LOG_FORMATS,
  'trace.enabled': ['true', 'false'],
  'metrics.enabled': ['true', 'false'],
  'trace.sample_rate': ['1.0', '0.5', '0.1'],
  'trace.endpoint': ['"jaeger:4317"', '"jaeger.observability.svc.cluster.local:4317"'],
  'metrics.path': ['"/metrics"'],
};

/** Completion in a config file: observability keys where a key goes, allowed values where a value goes. */
export function completeConfig(text: string, offset: number, environment: EnvironmentName | undefined): CompletionItem[] {
  const position = positionAt(text, offset);
  if (position.valueKey !== undefined) {
    const field = fieldPath(position.path, position.valueKey);
    const choices = field !== undefined ? VALUE_CHOICES[field] : undefined;
    if (!choices || field === undefined) return [];
    const recommended = POLICY_RULES.find((rule) => rule.environment === environment && rule.field === field);
    return choices.map((value, i) => {
      const isRecommended = (recommended !== undefined && Number(value) === recommended.expected) || value === recommended?.expected;
      return {
        label: value,
        kind: 'enum' as const,
        detail: isRecommended ? say('environmentPolicy', { environment: String(environment) }) : expects(field),
        documentation: isRecommended && recommended ? t(recommended.rule) : undefined,
        sortText: `${isRecommended ? 0 : 1}${String(i).padStart(2, '0')}`,
        start: position.from,
        end: position.to,
      };
    });
  }
  if (position.path.length === 0) {
    if (position.siblings.includes('observability')) return [];
    return [
      {
        label: 'observability',
        kind: 'property',
        detail: say('telemetrySettings'),
        documentation: doc(''),
        insertText: 'observability:\n  $0',
        snippet: true,
        sortText: '0',
        start: position.from,
        end: position.to,
      },
    ];
  }
  const parent = fieldPath(position.path);
  if (parent === undefined) return [];
  const depth = parent === '' ? 1 : parent.split('.').length + 1;
  return Object.entries(OBSERVABILITY_FIELDS)
    .filter(([field]) => field !== '' && field.split('.').length === depth && (parent === '' || field.startsWith(`${parent}.`)))
    .map(([field, info]) => ({ key: field.split('.').pop() ?? field, field, info }))
    .filter(({ key }) => !position.siblings.includes(key))
    .map(({ key, field, info }, i) => {
      const choices = VALUE_CHOICES[field];
      const isMapping = info.example === '';
      const insertText = isMapping ? `${key}:\n  $0` : choices && !field.endsWith('endpoint') && !field.endsWith('path') ? `${key}: \${1|${choices.join(',')}|}` : `${key}: \${1:${info.example}}`;
      return {
        label: key,
        kind: 'property' as const,
        detail: expects(field),
        documentation: doc(field),
        insertText,
        snippet: true,
        sortText: String(i).padStart(2, '0'),
        start: position.from,
        end: position.to,
      };
    });
}

/** Hover on a key of the observability section: meaning, allowed values, environment policy. */
export function hoverConfig(text: string, offset: number): HoverResult | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const match = KEY_LINE.exec(text.slice(lineStart, (text.indexOf('\n', offset) + 1 || text.length + 1) - 1).replace(/\r$/, ''));
  if (!match) return undefined;
  const keyStart = lineStart + (match[1]?.length ?? 0);
  const key = match[2] ?? '';
  if (offset < keyStart || offset > keyStart + key.length) return undefined;
  const position = positionAt(text, keyStart);
  const field = key === 'observability' && position.path.length === 0 ? '' : fieldPath(position.path, key);
  const info = field !== undefined ? OBSERVABILITY_FIELDS[field] : undefined;
  if (field === undefined || !info) return undefined;
  const policy = POLICY_RULES.filter((rule) => rule.field === field);
  const lines = [`**observability${field ? `.${field}` : ''}** — ${expects(field)}`, '', doc(field)];
  if (policy.length) {
    lines.push('', say('policyTable'), '| --- | --- | --- |');
    for (const rule of policy) lines.push(`| ${rule.environment} | \`${String(rule.expected)}\` | ${t(rule.rule)} |`);
  }
  return { contents: lines.join('\n'), start: keyStart, end: keyStart + key.length };
}
