// A StrykerJS ignorer: the documentation text of a check's `meta` (its
// `description`, and each code's `short` and `help`) is not mutated. It is
// what `k1s0-obs rules` and the README print, not a behaviour a test of the
// check could catch; a test pinning each sentence would only make prose hard
// to edit. The code names, severities, file kinds and everything else in
// `meta` are still mutated.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const DOC_KEYS = new Set(['description', 'short', 'help']);

function keyName(property) {
  const key = property?.node?.key;
  return key?.name ?? key?.value;
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'check-docs', {
    shouldIgnore(path) {
      // The string (or template) that is the value of a documentation key...
      let value = path;
      while (value.parentPath && (value.parentPath.isBinaryExpression() || value.parentPath.isTemplateLiteral())) value = value.parentPath;
      const property = value.parentPath;
      if (!property?.isObjectProperty() || property.node.value !== value.node || !DOC_KEYS.has(keyName(property))) return undefined;
      if (!(value.isStringLiteral() || value.isTemplateLiteral() || value.isBinaryExpression())) return undefined;
      // ...somewhere inside a `meta: { ... }` object.
      for (let at = property.parentPath; at; at = at.parentPath) {
        if (at.isObjectProperty() && keyName(at) === 'meta') return "A check's documentation text (meta description/short/help) is prose for `k1s0-obs rules` and the README, not behaviour";
      }
      return undefined;
    },
  }),
];
