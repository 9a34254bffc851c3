import { promqlAggregations, promqlFunctions } from '../promql/functionTable';
import type { SignatureResult } from './types';
import { aggregationDoc, functionDoc } from '../promql/docs';
import { openBrackets } from './promqlContext';

/**
 * The signature of the function call the cursor is in, and which argument it
 * is on, read from the text before the cursor (calls being typed do not parse).
 */
export function signatureAt(expr: string, offset: number): SignatureResult | undefined {
  const opens = openBrackets(expr, offset);
  for (let depth = opens.length - 1; depth >= 0; depth--) {
    const open = opens[depth]!;
    if (open.name === '') return undefined; // inside braces or brackets of the innermost call
    const fn = promqlFunctions.get(open.name);
    if (fn) {
      const params = fn.args.map((arg, i) => (fn.variadic !== 0 && i === fn.args.length - 1 ? `${arg}...` : arg));
      return build(fn.name, params, fn.returns, functionDoc(fn.name) ?? fn.doc, open.commas);
    }
    const aggregation = promqlAggregations.get(open.name);
    if (aggregation)
      return build(
        aggregation.name,
        aggregation.param ? [aggregation.param, 'instant vector'] : ['instant vector'],
        'instant vector',
        aggregationDoc(aggregation.name) ?? aggregation.doc,
        open.commas,
      );
    // `by (`, `on (` and plain parentheses: look further out.
  }
  return undefined;
}

function build(name: string, params: string[], returns: string, doc: string, commas: number): SignatureResult {
  const parameters: [number, number][] = [];
  let label = `${name}(`;
  params.forEach((param, i) => {
    if (i > 0) label += ', ';
    parameters.push([label.length, label.length + param.length]);
    label += param;
  });
  label += `) → ${returns}`;
  const last = params.length - 1;
  const variadic = params[last]?.endsWith('...') ?? false;
  return { label, documentation: doc, parameters, activeParameter: variadic ? Math.min(commas, last) : commas };
}
