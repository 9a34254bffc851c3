/** What a catalog check needs from an expression context: the effective catalog and the workspace. */
import type { ExpressionContext, ExpressionProblem } from '../promql/site';
import { catalogFor, type Catalog } from './catalog';
import type { LabelEnv } from './labels';
import { say } from './messages';

export interface CheckEnv extends LabelEnv {
  catalog: Catalog;
  /** Whether `expr[from..to)` overlaps a stand-in for a Grafana template variable. */
  substituted(from: number, to: number): boolean;
}

export function envOf(context: ExpressionContext): CheckEnv {
  return {
    catalog: catalogFor(context.workspace),
    workspace: context.workspace,
    substituted: (from, to) => context.isSubstituted?.(from, to) ?? false,
  };
}

/** A quoted string literal with a new value, in the quote style it had. */
export function requote(literal: string, value: string): string {
  const quote = literal[0];
  if (quote === '`' && !value.includes('`')) return `\`${value}\``;
  if (quote === "'") return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return JSON.stringify(value);
}

/** A did-you-mean fix replacing [from, to) of the expression. */
export function replaceFix(from: number, to: number, newText: string, title = say('fixChange', { to: newText })): NonNullable<ExpressionProblem['fixes']> {
  return [{ title, preferred: true, edits: [{ start: from, end: to, newText }] }];
}

/** A short list of values for a message: the first few, then how many more. */
export function listValues(values: readonly string[], max = 8): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? say('moreValues', { shown, count: values.length }) : shown;
}
