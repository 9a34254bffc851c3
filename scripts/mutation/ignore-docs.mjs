// A StrykerJS ignorer: the documentation of a check's `meta` is not mutated:
// its `name`, `description`, each code's `short`, `help` and `ja`, and the
// `fileKinds` of an expression or rule check (only file checks are dispatched
// by kind; for the others the list is what `k1s0-obs rules` prints). It is
// what the CLI and the README print, not a behaviour a test of the check could
// catch; a test pinning each sentence would only make prose hard to edit. The
// code names, severities, `on`, a file check's kinds and everything else are
// still mutated, except a reader's `on: 'reader'`: nothing dispatches a reader
// (checks/registry.ts lists readers only for their codes).
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

const DOC_KEYS = new Set(['name', 'description', 'short', 'help']);

/** Whether a `meta: { ... }` object is a file check's (`on: 'file'`), whose fileKinds dispatch it. */
function dispatchedByKind(meta) {
  const on = meta.node.properties.find((p) => keyName({ node: p }) === 'on');
  return on?.value?.type === 'StringLiteral' && on.value.value === 'file';
}

function keyName(property) {
  const key = property?.node?.key;
  return key?.name ?? key?.value;
}

/** Whether `path` is somewhere inside a `meta: { ... }` object. */
function insideMeta(path) {
  for (let at = path.parentPath; at; at = at.parentPath) if (at.isObjectProperty() && keyName(at) === 'meta') return true;
  return false;
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'check-docs', {
    shouldIgnore(path) {
      // The fileKinds list (or one of its names) of a check that is not dispatched by kind.
      const list = path.isArrayExpression() ? path : path.parentPath?.isArrayExpression() ? path.parentPath : undefined;
      const listProperty = list?.parentPath;
      if (listProperty?.isObjectProperty() && keyName(listProperty) === 'fileKinds') {
        const meta = listProperty.parentPath;
        const metaProperty = meta?.parentPath;
        if (meta?.isObjectExpression() && metaProperty?.isObjectProperty() && keyName(metaProperty) === 'meta' && !dispatchedByKind(meta)) {
          return 'The fileKinds of an expression or rule check are documentation (only file checks are dispatched by kind)';
        }
      }
      // A reader's `on`: readers are listed for their codes, never dispatched.
      if (path.isStringLiteral() && path.node.value === 'reader' && path.parentPath?.isObjectProperty() && keyName(path.parentPath) === 'on' && insideMeta(path.parentPath)) {
        return "A reader's `on` is documentation: checks/runner.ts dispatches only expression, rule and file checks";
      }
      // A code's Japanese documentation (`ja: { short, help }`) as a whole: its strings are covered below.
      if (path.isObjectExpression() && path.parentPath?.isObjectProperty() && keyName(path.parentPath) === 'ja' && insideMeta(path.parentPath)) {
        return "A code's Japanese documentation (meta codes' ja) is prose for `k1s0-obs rules --locale ja`, not behaviour";
      }
      // The string (or template) that is the value of a documentation key...
      let value = path;
      while (value.parentPath && (value.parentPath.isBinaryExpression() || value.parentPath.isTemplateLiteral())) value = value.parentPath;
      const property = value.parentPath;
      if (!property?.isObjectProperty() || property.node.value !== value.node || !DOC_KEYS.has(keyName(property))) return undefined;
      if (!(value.isStringLiteral() || value.isTemplateLiteral() || value.isBinaryExpression())) return undefined;
      // ...somewhere inside a `meta: { ... }` object.
      if (insideMeta(property)) return "A check's documentation text (meta name/description/short/help) is prose for `k1s0-obs rules` and the README, not behaviour";
      return undefined;
    },
  }),
];
