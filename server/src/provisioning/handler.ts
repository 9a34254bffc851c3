/**
 * Grafana provisioning files (datasources, dashboard providers), found by
 * content. Documents that do not parse are left to yaml/syntax: the recovered
 * tree would only echo the real mistake.
 */
import { NO_FACTS } from '../workspace/index';
import type { FileKindHandler } from '../workspace/fileKind';
import { isYamlPath } from '../base/files';
import { datasourceFacts, mayBeProvisioning, provisioningKindOf } from './detect';

export const provisioningHandler: FileKindHandler = {
  kind: 'provisioning',
  claims: (doc, { location }) => isYamlPath(location.path) && mayBeProvisioning(doc.text) && doc.outline().documents.some((document) => provisioningKindOf(document, location.path) !== undefined),
  facts(doc, { location }) {
    const datasources = datasourceFacts(
      doc.uri,
      doc.yaml().documents.filter((document) => document.errors.length === 0 && provisioningKindOf(document, location.path) === 'datasources'),
    );
    return datasources.length ? { recordingRules: [], datasources } : NO_FACTS;
  },
  findings(doc, { checks }) {
    const parsed = doc.yaml();
    return [...parsed.syntax, ...checks.file('provisioning', parsed)];
  },
  suppressible: () => true,
};
