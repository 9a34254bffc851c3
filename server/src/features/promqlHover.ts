import { parsePromql } from '../promql';
import { promqlAggregations, promqlFunctions, removedFunctions } from '../promql/functionTable';
import type { HoverResult } from './types';
import { describeMetric, describeRule, type Vocabulary } from './vocabulary';
import { say } from './messages';
import { say as promqlSay } from '../promql/messages';
import { aggregationDoc, functionDoc } from '../promql/docs';

/** Hover at `offset` of a PromQL expression: metric, recording rule, function, aggregation, label or duration. */
export function hoverPromql(expr: string, offset: number, vocabulary: Vocabulary, relativePathOf: (uri: string) => string): HoverResult | undefined {
  const tree = parsePromql(expr, vocabulary.caches);
  const node = tree.resolveInner(offset, 1);
  const text = expr.slice(node.from, node.to);
  const at = (contents: string): HoverResult => ({ contents, start: node.from, end: node.to });
  const parent = node.parent?.name;

  if (node.name === 'Identifier' && parent === 'VectorSelector') {
    const rule = vocabulary.rules.get(text)?.[0];
    if (rule) return at(describeRule(rule, relativePathOf(rule.uri)));
    const info = vocabulary.catalog.metric(text);
    if (info) return at(describeMetric(vocabulary.catalog, info));
    const family = vocabulary.catalog.exporterFamily(text);
    return at(`**${text}**\n\n${family ? say('exporterMetric', { family }) : say('unknownMetric')}`);
  }
  if (parent === 'FunctionIdentifier' || node.name === 'FunctionIdentifier') {
    const name = text.toLowerCase();
    const fn = promqlFunctions.get(name);
    if (fn) {
      const experimental = fn.experimental ? `\n\n${say('experimental', { flag: fn.experimental })}` : '';
      return at(`\`\`\`promql\n${fn.name}(${fn.args.join(', ')}${fn.variadic !== 0 ? ', …' : ''}) → ${fn.returns}\n\`\`\`\n\n${functionDoc(fn.name) ?? fn.doc}${experimental}`);
    }
    const removed = removedFunctions.get(name);
    if (removed) return at(promqlSay('removedFunction', { name, replacement: removed.replacement, removedIn: removed.removedIn, message: removed.message }));
  }
  if (parent === 'AggregateOp') {
    const aggregation = promqlAggregations.get(text.toLowerCase());
    if (aggregation)
      return at(
        `\`\`\`promql\n${aggregation.name}${aggregation.param ? `(${aggregation.param}, instant vector)` : '(instant vector)'} → instant vector\n\`\`\`\n\n${aggregationDoc(aggregation.name) ?? aggregation.doc}`,
      );
  }
  if (node.name === 'LabelName') {
    const values = vocabulary.labelValues(text);
    return at(say('labelHover', { label: text, values }));
  }
  if (/^NumberDurationLiteral/.test(node.name) && /[a-z]/i.test(text)) {
    const seconds = durationSeconds(text);
    if (seconds !== undefined) return at(say('seconds', { text, seconds }));
  }
  return undefined;
}

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

function durationSeconds(text: string): number | undefined {
  let total = 0;
  const parts = text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g);
  let consumed = 0;
  for (const [whole, amount, unit] of parts) {
    total += Number(amount) * (UNIT_SECONDS[unit ?? 's'] ?? 1);
    consumed += whole.length;
  }
  return consumed === text.length ? total : undefined;
}
