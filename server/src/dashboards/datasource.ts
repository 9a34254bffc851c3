import { prop, stringOf, type JsonNode } from './json';
import type { DashboardModel } from './model';
import { findVariableReferences, isBuiltin } from './variables';

/**
 * Which query language a target speaks, from its datasource: the target's
 * own, else its panel's, else the dashboard default (Grafana's default
 * datasource, Prometheus in the k1s0 design). Datasource template variables
 * and `${DS_…}` inputs are followed to their plugin id.
 */
export type DatasourceKind = 'prometheus' | 'loki' | 'mixed' | 'other' | 'unknown';

export interface ResolvedDatasource {
  kind: DatasourceKind;
  /** A variable the reference names that the dashboard does not define. */
  undefinedVariable?: { name: string; node: JsonNode };
}

const MIXED = '-- Mixed --';
const NON_QUERY = new Set(['-- Grafana --', '-- Dashboard --', 'grafana', '__expr__', '-- Expression --']);

/** The kind a plugin id (`prometheus`, `loki`, `grafana-amazonprometheus-datasource`, ...) stands for. */
export function kindOfPlugin(pluginId: string): DatasourceKind {
  const id = pluginId.toLowerCase();
  if (id === 'datasource' || id === '') return 'unknown';
  if (id.includes('prometheus')) return 'prometheus';
  if (id === 'loki' || id.endsWith('-loki-datasource')) return 'loki';
  if (id === '__expr__') return 'other';
  return 'other';
}

/** A datasource named only by name or uid: by the words in it, else unknown. */
function kindOfName(name: string): DatasourceKind {
  if (name === MIXED) return 'mixed';
  if (NON_QUERY.has(name)) return 'other';
  if (/loki/i.test(name)) return 'loki';
  if (/prom|thanos|mimir|cortex|victoria/i.test(name)) return 'prometheus';
  return 'unknown';
}

function kindOfReference(text: string, node: JsonNode, model: DashboardModel): ResolvedDatasource {
  const [ref] = findVariableReferences(text);
  if (ref && ref.from === 0 && ref.to === text.length) {
    const variable = model.variables.get(ref.name);
    if (variable) return { kind: variable.type === 'datasource' && variable.pluginId ? kindOfPlugin(variable.pluginId) : 'unknown' };
    const input = model.inputs.get(ref.name);
    if (input !== undefined) return { kind: input ? kindOfPlugin(input) : 'unknown' };
    if (isBuiltin(ref.name)) return { kind: 'unknown' };
    return { kind: 'unknown', undefinedVariable: { name: ref.name, node } };
  }
  return { kind: kindOfName(text) };
}

/** Resolves one `datasource` value; undefined when it names none (null, absent): the caller inherits. */
export function resolveDatasource(node: JsonNode | undefined, model: DashboardModel): ResolvedDatasource | undefined {
  if (!node || node.type === 'null') return undefined;
  const asString = stringOf(node);
  if (asString !== undefined) return asString === '' ? undefined : kindOfReference(asString, node, model);
  if (node.type !== 'object') return { kind: 'unknown' };
  const type = stringOf(prop(node, 'type'));
  const uidNode = prop(node, 'uid');
  const uid = stringOf(uidNode);
  if (type === 'datasource') return { kind: uid === MIXED ? 'mixed' : 'other' };
  if (type && !type.includes('$')) {
    const kind = kindOfPlugin(type);
    // The uid may still name an undefined variable: worth saying even when the type is known.
    const viaUid = uid && uidNode ? kindOfReference(uid, uidNode, model) : undefined;
    return viaUid?.undefinedVariable ? { kind, undefinedVariable: viaUid.undefinedVariable } : { kind };
  }
  if (uid && uidNode) return kindOfReference(uid, uidNode, model);
  if (type === undefined && uid === undefined) return undefined;
  return { kind: 'unknown' };
}
