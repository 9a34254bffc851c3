/**
 * Compose files (`docker-compose*.y*ml`, `compose*.y*ml`): their structure
 * (compose/schema), the design's observability profile (compose/policy) and
 * the OTEL_* variables of their services (otel/env); their services are the
 * local stack the config files are compared with. Read by base/compose.ts,
 * the reader the client's stack commands use too.
 */
import { configHints, readCompose, type ComposeModel } from '../base/compose';
import { uriToPath } from '../base/files';
import type { EnvScope } from '../otel/env';
import type { OutlineSymbol } from '../base/types';
import { composeFacts, isComposePath } from '../consistency/compose';
import type { DocumentView, FileKindHandler } from '../workspace/fileKind';
import { NO_FACTS } from '../workspace/index';
import { COMPOSE_SHAPE } from './shape';
import type { ComposeFile } from './subject';

const KIND = 'compose';

/** The environment of each service, with where its config.yaml may be: mounted, in its build context, or naming it. Compose is the local (dev) stack. */
function envScopes(model: ComposeModel, composePath: string): EnvScope[] {
  return model.services.map((service) => ({ variables: service.environment, config: { ...configHints(service, composePath), environment: 'dev' } }));
}

/** The parsed document and its model, read once per text; undefined when the text does not parse or has no services. */
export function composeFileOf(doc: DocumentView): ComposeFile | undefined {
  return doc.memo(KIND, () => {
    const parsed = doc.yaml();
    if (parsed.syntax.length > 0) return undefined;
    const document = parsed.documents.find((d) => d.errors.length === 0 && d.contents !== null);
    // `services:` that is no mapping is still a compose file: the schema says what is wrong with it.
    const model = readCompose(parsed.documents, doc.text) ?? { services: [] };
    return document ? { document, model, text: doc.text, env: envScopes(model, uriToPath(doc.uri)) } : undefined;
  });
}

export const composeHandler: FileKindHandler = {
  kind: KIND,
  claims: (doc, { location }) => isComposePath(location.path) && /^services\s*:/m.test(doc.text),
  // A compose file that does not parse is still ours: its syntax errors are worth showing.
  claimsAsFallback: (doc, { location }) => isComposePath(location.path) && doc.outline().syntax.length > 0,
  facts(doc) {
    const parsed = doc.yaml();
    const compose = parsed.syntax.length === 0 ? composeFacts(doc.uri, parsed.documents, doc.text) : undefined;
    return compose ? { recordingRules: [], compose } : NO_FACTS;
  },
  findings(doc, { checks }) {
    const parsed = doc.yaml();
    if (parsed.syntax.length > 0) return parsed.syntax;
    const file = composeFileOf(doc);
    return file ? checks.file(KIND, file) : [];
  },
  shape: COMPOSE_SHAPE,
  symbols(doc): OutlineSymbol[] {
    const file = composeFileOf(doc);
    return (file?.model.services ?? []).map((service) => ({
      name: service.name,
      ...(service.image !== undefined ? { detail: service.image } : service.buildContext !== undefined ? { detail: service.buildContext } : {}),
      kind: 'service',
      start: service.start,
      end: service.end,
      selectionStart: service.keyStart,
      selectionEnd: service.keyEnd,
      children: [],
    }));
  },
  suppressible: () => true,
};
