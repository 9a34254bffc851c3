/**
 * What the catalog learns from files that are not rule files: catalog
 * extensions, Prometheus configurations (scrape jobs), config files
 * (`app.name` / `app.tier` name a service). Used by the language service's
 * indexing; each returns the file's facts, or undefined for nothing.
 */
import { isMap, isScalar, type Document } from 'yaml';
import type { ParsedYaml } from '../base/yaml/parse';
import type { FileFacts, ServiceFact } from '../workspace/index';
import { analyzeCatalogExtension } from './extension';

export function catalogExtensionFacts(parsed: ParsedYaml): FileFacts {
  const { extension } = analyzeCatalogExtension(parsed);
  return extension ? { recordingRules: [], catalog: extension } : { recordingRules: [] };
}

/**
 * The service of a config file that does not parse, so that it does not vanish from the tree: named
 * by the recovered tree's `app.name` when it reads one, else by the file's folder (the nearest one
 * not called `config`), located at the first syntax error, which it carries.
 */
export function unparsableConfigFacts(parsed: ParsedYaml, uri: string): FileFacts {
  const first = parsed.syntax[0];
  if (!first) return { recordingRules: [] };
  const recovered = parsed.documents.map((d) => configFileFacts(d).services?.[0]).find((s) => s !== undefined);
  const folders = uri.split('/').slice(0, -1).map(decodeURIComponent);
  const folder = [...folders].reverse().find((f) => f !== '' && f !== 'config' && !f.includes(':')) ?? 'config';
  const service: ServiceFact = { name: recovered?.name ?? folder, uri, start: first.start, end: first.end, configError: { message: first.message, start: first.start, end: first.end } };
  if (recovered?.tier !== undefined) service.tier = recovered.tier;
  if (recovered?.environment !== undefined) service.environment = recovered.environment;
  return { recordingRules: [], services: [service] };
}

/** The service a config file describes (`app.name`, `app.tier`, `app.environment`), located at its name. */
export function configFileFacts(document: Document.Parsed | undefined, uri?: string): FileFacts {
  const app = document?.get('app', true);
  if (!isMap(app)) return { recordingRules: [] };
  const name = app.get('name', true);
  const tier = app.get('tier', true);
  const environment = app.get('environment', true);
  if (!isScalar(name) || typeof name.value !== 'string' || name.value === '') return { recordingRules: [] };
  const service: ServiceFact = { name: name.value };
  if (isScalar(tier) && typeof tier.value === 'string') service.tier = tier.value;
  if (isScalar(environment) && typeof environment.value === 'string') service.environment = environment.value;
  if (uri !== undefined && name.range) {
    service.uri = uri;
    service.start = name.range[0];
    service.end = name.range[1];
  }
  return { recordingRules: [], services: [service] };
}
