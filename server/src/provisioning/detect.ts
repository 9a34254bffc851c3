import { isMap, isSeq, type Document } from 'yaml';
import { valueOf } from './fields';

export type ProvisioningKind = 'datasources' | 'dashboards';

/** A quick look at the text: does any line start a provisioning list? */
export function mayBeProvisioning(text: string): boolean {
  return /^(?:datasources|deleteDatasources|providers)\s*:/m.test(text);
}

/**
 * Which Grafana provisioning file a document is: a top-level `datasources`
 * (or `deleteDatasources`) list, or a `providers` list, together with
 * `apiVersion` or a path under a `provisioning/` directory. Helm values and
 * other files that merely mention datasources nest them deeper.
 */
export function provisioningKindOf(document: Document.Parsed, path: string): ProvisioningKind | undefined {
  const root = document.contents;
  if (!isMap(root)) return undefined;
  const underProvisioning = /(?:^|[\\/])provisioning[\\/]/.test(path);
  if (valueOf(root, 'apiVersion') === undefined && !underProvisioning) return undefined;
  if (isSeq(valueOf(root, 'datasources')) || isSeq(valueOf(root, 'deleteDatasources'))) return 'datasources';
  if (isSeq(valueOf(root, 'providers'))) return 'dashboards';
  return undefined;
}
