/**
 * prometheus/config, service discovery: what Prometheus 2.42 validates in
 * the blocks the design and Kubernetes setups use — file_sd_configs' files
 * (at least one, `.json`/`.yml`/`.yaml`, `*` only in the last segment),
 * dns_sd_configs' names and port, kubernetes_sd_configs' api_server against
 * kubeconfig_file, http_sd_configs' URL scheme. Kubernetes roles and the
 * keys of each block are the shape's.
 */
import { isScalar, type Node } from 'yaml';
import type { Finding } from '../base/types';
import type { FileCheck } from '../workspace/fileKind';
import { finding, PROMETHEUS_CONFIG_CODE, say } from './messages';
import { itemsOf, pairOf, textOf, valueOf, type PrometheusConfigModel } from './model';
import { discoveryBlocks } from './walk';

const FILE_SD_PATH = /^[^*]*(\*[^/]*)?\.(json|yml|yaml|JSON|YML|YAML)$/;

export function checkDiscovery(model: PrometheusConfigModel): Finding[] {
  if (!model.clean) return [];
  const findings: Finding[] = [];
  for (const block of discoveryBlocks(model, 'file_sd_configs')) {
    const files = itemsOf(valueOf(block.node, 'files'));
    if (files.length === 0) findings.push(finding((pairOf(block.node, 'files')?.key ?? block.node.items[0]?.key) as Node | undefined, say('fileSdEmpty')));
    for (const file of files) {
      const path = textOf(file);
      if (path !== undefined && !FILE_SD_PATH.test(path)) findings.push(finding(file, say('fileSdPath', { path })));
    }
  }
  for (const block of discoveryBlocks(model, 'dns_sd_configs')) {
    if (itemsOf(valueOf(block.node, 'names')).length === 0) findings.push(finding((pairOf(block.node, 'names')?.key ?? block.node.items[0]?.key) as Node | undefined, say('dnsSdNames')));
    // Stryker disable next-line StringLiteral: the default only has to be a type outside A, AAAA and MX
    const type = (textOf(valueOf(block.node, 'type')) ?? 'SRV').toUpperCase();
    const port = valueOf(block.node, 'port');
    if (type !== 'SRV' && ['A', 'AAAA', 'MX'].includes(type) && !(isScalar(port) && Number(port.value) > 0)) {
      // Stryker disable next-line OptionalChaining: a type other than SRV is written, so its pair is there
      findings.push(finding(port ?? pairOf(block.node, 'type')?.key, say('dnsSdPort')));
    }
  }
  for (const block of discoveryBlocks(model, 'kubernetes_sd_configs')) {
    // Stryker disable next-line OptionalChaining: a kubeconfig_file that has a text has its pair
    if (textOf(valueOf(block.node, 'api_server')) && textOf(valueOf(block.node, 'kubeconfig_file'))) findings.push(finding(pairOf(block.node, 'kubeconfig_file')?.key, say('kubernetesExclusive')));
  }
  for (const block of discoveryBlocks(model, 'http_sd_configs')) {
    const url = textOf(valueOf(block.node, 'url'));
    if (url !== undefined && url !== '' && !/^https?:\/\//i.test(url)) findings.push(finding(valueOf(block.node, 'url'), say('httpSdScheme', { url })));
  }
  return findings;
}

export const prometheusDiscoveryCheck: FileCheck<PrometheusConfigModel> = {
  meta: {
    name: 'prometheus/discovery',
    on: 'file',
    fileKinds: ['prometheus'],
    description:
      'prometheus.yaml: service discovery blocks Prometheus refuses — file_sd_configs files, dns_sd_configs names and port, kubernetes_sd_configs api_server with kubeconfig_file, http_sd_configs URL scheme',
    codes: [PROMETHEUS_CONFIG_CODE],
  },
  run: checkDiscovery,
};
