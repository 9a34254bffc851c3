/** prometheus.yaml, found by content: its scrape jobs and rule_files are facts for the other files' checks. */
import { isYamlPath } from '../base/files';
import { isPrometheusConfig, mayBePrometheusConfig, prometheusConfigFacts } from '../catalog/files';
import type { FileKindHandler } from '../workspace/fileKind';

export const prometheusConfigHandler: FileKindHandler = {
  kind: 'prometheus',
  claims: (doc, { location }) => isYamlPath(location.path) && mayBePrometheusConfig(doc.text) && isPrometheusConfig(doc.outline()),
  facts: (doc) => prometheusConfigFacts(doc.uri, doc.yaml()),
  findings: (doc, { checks }) => [...doc.yaml().syntax, ...checks.file('prometheus', undefined)],
  suppressible: () => true,
};
