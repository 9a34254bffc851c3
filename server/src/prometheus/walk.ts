/** Where the parts of a prometheus.yaml that appear in several places are: HTTP clients, relabel lists, static target groups. */
import { isMap, type Node, type YAMLMap } from 'yaml';
import { itemsOf, valueOf, type PrometheusConfigModel } from './model';

export interface Located<T> {
  node: T;
  /** Its path, as messages show it (`scrape_configs[0].relabel_configs`). */
  where: string;
}

function mapsAt(list: unknown, where: string): Located<YAMLMap>[] {
  return itemsOf(list).flatMap((item, index) => (isMap(item) ? [{ node: item, where: `${where}[${index}]` }] : []));
}

/** Scrape jobs and Alertmanager entries: the places that hold service discovery. */
export function discoveryOwners(model: PrometheusConfigModel): Located<YAMLMap>[] {
  return [...mapsAt(valueOf(model.root, 'scrape_configs'), 'scrape_configs'), ...mapsAt(valueOf(valueOf(model.root, 'alerting'), 'alertmanagers'), 'alerting.alertmanagers')];
}

/** The items of a discovery block (`static_configs`, `file_sd_configs`, …) of every owner. */
export function discoveryBlocks(model: PrometheusConfigModel, key: string): (Located<YAMLMap> & { owner: YAMLMap })[] {
  return discoveryOwners(model).flatMap((owner) => mapsAt(valueOf(owner.node, key), `${owner.where}.${key}`).map((block) => ({ ...block, owner: owner.node })));
}

/** Every mapping that holds HTTP client settings. */
export function httpClients(model: PrometheusConfigModel): (Located<YAMLMap> & { kind: 'scrape' | 'alertmanager' | 'remote_write' | 'remote_read' | 'discovery' })[] {
  const owners = discoveryOwners(model);
  return [
    ...mapsAt(valueOf(model.root, 'scrape_configs'), 'scrape_configs').map((l) => ({ ...l, kind: 'scrape' as const })),
    ...mapsAt(valueOf(valueOf(model.root, 'alerting'), 'alertmanagers'), 'alerting.alertmanagers').map((l) => ({ ...l, kind: 'alertmanager' as const })),
    ...mapsAt(valueOf(model.root, 'remote_write'), 'remote_write').map((l) => ({ ...l, kind: 'remote_write' as const })),
    ...mapsAt(valueOf(model.root, 'remote_read'), 'remote_read').map((l) => ({ ...l, kind: 'remote_read' as const })),
    ...owners.flatMap((owner) =>
      ['kubernetes_sd_configs', 'http_sd_configs'].flatMap((key) => mapsAt(valueOf(owner.node, key), `${owner.where}.${key}`).map((l) => ({ ...l, kind: 'discovery' as const }))),
    ),
  ];
}

/** Every relabel rule of the file, with the list it is in. */
export function relabelRules(model: PrometheusConfigModel): Located<YAMLMap>[] {
  const lists: Located<Node | null | undefined>[] = [];
  for (const job of mapsAt(valueOf(model.root, 'scrape_configs'), 'scrape_configs')) {
    for (const key of ['relabel_configs', 'metric_relabel_configs']) lists.push({ node: valueOf(job.node, key), where: `${job.where}.${key}` });
  }
  const alerting = valueOf(model.root, 'alerting');
  lists.push({ node: valueOf(alerting, 'alert_relabel_configs'), where: 'alerting.alert_relabel_configs' });
  for (const am of mapsAt(valueOf(alerting, 'alertmanagers'), 'alerting.alertmanagers')) lists.push({ node: valueOf(am.node, 'relabel_configs'), where: `${am.where}.relabel_configs` });
  for (const rw of mapsAt(valueOf(model.root, 'remote_write'), 'remote_write')) lists.push({ node: valueOf(rw.node, 'write_relabel_configs'), where: `${rw.where}.write_relabel_configs` });
  return lists.flatMap((list) => mapsAt(list.node, list.where));
}
