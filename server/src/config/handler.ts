/**
 * `config*.yaml` (by `k1s0.files.config`, or named on the command line) with
 * an `observability:` section. On a document that does not parse, the
 * recovered tree is a guess: checking it would bury the one real mistake under
 * consequences of it, so only the syntax errors are reported.
 */
import { isYamlPath, matchesAny } from '../base/files';
import { configFileFacts, unparsableConfigFacts } from '../catalog/files';
import type { FileKindHandler, KindContext } from '../workspace/fileKind';
import { environmentOf } from './environment';
import { findObservabilityEntry, traceConfigFact, type ConfigFile } from './section';

const namedConfig = ({ settings, location, workspace }: KindContext): boolean => matchesAny(settings.files.config, location.path, location.relativePath, workspace.caches);

export const configHandler: FileKindHandler = {
  kind: 'config',
  claims: (doc, context) => isYamlPath(context.location.path) && (namedConfig(context) || context.location.explicit === true) && findObservabilityEntry(doc.outline().documents) !== undefined,
  // A file named as ours that does not parse is still ours: its syntax errors are worth showing.
  claimsAsFallback: (doc, context) => isYamlPath(context.location.path) && namedConfig(context) && doc.outline().syntax.length > 0,
  facts(doc, { settings, location }) {
    const parsed = doc.yaml();
    // One that does not parse still names its service (the tree shows it, with the error).
    if (parsed.syntax.length > 0) return unparsableConfigFacts(parsed, doc.uri);
    const entry = findObservabilityEntry(parsed.documents);
    const facts = configFileFacts(entry?.document, doc.uri);
    const traceConfig = entry && traceConfigFact(entry, doc.uri, doc.text, environmentOf(location.path, settings.config.environments, entry.document.getIn(['app', 'environment'])));
    return traceConfig ? { ...facts, traceConfig } : facts;
  },
  findings(doc, { settings, location, checks }) {
    const parsed = doc.yaml();
    const entry = findObservabilityEntry(parsed.documents);
    if (!entry || parsed.syntax.length > 0) return parsed.syntax;
    const declared = entry.document.getIn(['app', 'environment']);
    const subject: ConfigFile = { entry, environment: environmentOf(location.path, settings.config.environments, declared) };
    return checks.file('config', subject);
  },
  suppressible: () => true,
};
