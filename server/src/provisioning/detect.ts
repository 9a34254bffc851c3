import { isMap, isSeq, type Document } from 'yaml';
import type { DatasourceFact } from '../workspace/index';
import { scalarString, valueOf } from './fields';

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

/** The datasources with a name, a type and a URL: what other files' ports are compared with. */
export function datasourceFacts(uri: string, documents: readonly Document.Parsed[]): DatasourceFact[] {
  const out: DatasourceFact[] = [];
  for (const document of documents) {
    const list = isMap(document.contents) ? valueOf(document.contents, 'datasources') : undefined;
    for (const item of isSeq(list) ? list.items : []) {
      if (!isMap(item)) continue;
      const [name, type, url] = ['name', 'type', 'url'].map((key) => scalarString(valueOf(item, key)));
      if (name !== undefined && type !== undefined && url !== undefined) out.push({ uri, name, type, url });
    }
  }
  return out;
}
