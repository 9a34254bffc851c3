/** Compose files: nothing checked in them yet, but their services are the local stack the config files are compared with. */
import { NO_FACTS } from '../workspace/index';
import type { FileKindHandler } from '../workspace/fileKind';
import { composeFacts, isComposePath } from '../consistency/compose';

export const composeHandler: FileKindHandler = {
  kind: 'compose',
  claims: (doc, { location }) => isComposePath(location.path) && /^services\s*:/m.test(doc.text),
  facts(doc) {
    const compose = composeFacts(doc.uri, doc.yaml().documents);
    return compose ? { recordingRules: [], compose } : NO_FACTS;
  },
  findings: () => [],
  suppressible: () => false,
};
