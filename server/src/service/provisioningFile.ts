import { checkDatasourcesFile } from '../provisioning/datasources';
import { provisioningKindOf } from '../provisioning/detect';
import { checkProvidersFile } from '../provisioning/providers';
import type { Finding } from '../base/types';
import type { ParsedYaml } from '../base/yaml/parse';

/** Whether a parsed YAML file is Grafana provisioning (datasources or dashboard providers). */
export function isProvisioningFile(parsed: ParsedYaml, path: string): boolean {
  return parsed.documents.some((document) => provisioningKindOf(document, path) !== undefined);
}

/**
 * A provisioning file's findings. Documents that do not parse are left to
 * yaml/syntax: the recovered tree would only echo the real mistake.
 */
export function checkProvisioningFile(text: string, parsed: ParsedYaml, path: string): Finding[] {
  const findings: Finding[] = [];
  for (const document of parsed.documents) {
    if (document.errors.length > 0) continue;
    const kind = provisioningKindOf(document, path);
    if (kind === 'datasources') findings.push(...checkDatasourcesFile(text, document));
    else if (kind === 'dashboards') findings.push(...checkProvidersFile(document));
  }
  return findings;
}
