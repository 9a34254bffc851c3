/** `.promql` files: the whole text is one expression. */
import { NO_FACTS } from '../workspace/index';
import type { FileKindHandler } from '../workspace/fileKind';
import type { ExpressionSite } from './site';

export const promqlFileHandler: FileKindHandler = {
  kind: 'promql',
  claims: (_doc, { location }) => /\.promql$/i.test(location.path),
  facts: () => NO_FACTS,
  findings: (doc, { checks }) => checks.expression(wholeTextSite(doc.text), 'promql'),
  expressionSites: (doc) => [{ site: wholeTextSite(doc.text), start: 0, end: doc.text.length }],
  suppressible: () => false,
};

function wholeTextSite(text: string): ExpressionSite {
  return { value: text, toDocumentRange: (from, to) => [from, to] };
}
