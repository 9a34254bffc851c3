/**
 * Workspace catalog extensions: `.k1s0/catalog.yaml` (or files named by
 * `k1s0.catalog.files`) add metrics, services, labels and exporters to the
 * k1s0 catalog. The file is validated with the catalog's zod schema;
 * `catalog/file` reports what is malformed, at the YAML node, and the valid
 * rest still extends the catalog (one typo never disables the whole file).
 */
import { isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { closestMatch } from '../base/suggest';
import type { Finding } from '../base/types';
import type { ParsedYaml } from '../base/yaml/parse';
import { extensionSchema, type CatalogExtension } from './schema';
import { say } from './messages';

export const CATALOG_FILE = 'catalog/file';

/** Whether a path is a catalog extension: `.k1s0/catalog.yaml` anywhere, or one of the configured globs. */
export function isCatalogExtensionPath(path: string): boolean {
  return /(^|[\\/])\.k1s0[\\/]catalog\.ya?ml$/i.test(path);
}

export interface ExtensionAnalysis {
  extension?: CatalogExtension;
  findings: Finding[];
}

const SECTION_KEYS = Object.keys(extensionSchema.shape);

export function analyzeCatalogExtension(parsed: ParsedYaml): ExtensionAnalysis {
  const document = parsed.documents[0];
  if (!document || document.errors.length > 0) return { findings: [] };
  let value: unknown;
  try {
    value = document.toJS() ?? {};
  } catch (error) {
    // parseYaml refuses alias bombs and cycles; anything else toJS cannot build is said here, not thrown.
    const [start, end] = document.contents?.range ?? [0, 0];
    return { findings: [{ start, end, code: CATALOG_FILE, severity: 'error', message: say('extensionUnreadable', { error: error instanceof Error ? error.message : String(error) }) }] };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    const [start, end] = document.contents?.range ?? [0, 0];
    return { findings: [{ start, end, code: CATALOG_FILE, severity: 'error', message: say('extensionNotMapping') }] };
  }
  const first = extensionSchema.safeParse(value);
  if (first.success) return { extension: first.data, findings: [] };
  const findings = first.error.issues.flatMap((issue) => issueFindings(document, issue));
  // Drop what is broken (the whole entry of a list, the whole label) and keep the rest.
  const cleaned = structuredClone(value) as Record<string, unknown>;
  for (const issue of first.error.issues) {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      for (const key of issue.keys) delete cleaned[key];
      continue;
    }
    const [section, item] = issue.path;
    const target = cleaned[String(section)];
    if (item === undefined) delete cleaned[String(section)];
    else if (Array.isArray(target) && typeof item === 'number') target[item] = undefined;
    else if (target && typeof target === 'object') delete (target as Record<string, unknown>)[String(item)];
  }
  for (const key of Object.keys(cleaned)) {
    const list = cleaned[key];
    if (Array.isArray(list)) cleaned[key] = list.filter((x) => x !== undefined);
  }
  const retry = extensionSchema.safeParse(cleaned);
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { ...(retry.success ? { extension: retry.data } : {}), findings };
}

function describePath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') || say('theFile');
}

function nodeAt(document: Document.Parsed, path: readonly PropertyKey[]): { node: Node | undefined; depth: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth) as (string | number)[], true);
    if (node && typeof node === 'object' && 'range' in node) return { node: node as Node, depth };
  }
  return { node: undefined, depth: 0 };
}

function keyNode(document: Document.Parsed, path: readonly PropertyKey[], key: string): Node | undefined {
  const parent = path.length ? document.getIn(path as (string | number)[], true) : document.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

function issueFindings(document: Document.Parsed, issue: z.core.$ZodIssue): Finding[] {
  const where = describePath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const node = keyNode(document, issue.path, key);
      const [start, end] = node?.range ?? [0, 0];
      const allowed = issue.path.length === 0 ? SECTION_KEYS : allowedKeys(issue.path);
      const suggestion = closestMatch(key, allowed);
      const finding: Finding = {
        start,
        end,
        code: CATALOG_FILE,
        severity: 'error',
        message: say('extensionUnknownKey', { key, where, allowed, ...(suggestion ? { suggestion } : {}) }),
      };
      if (suggestion) finding.fixes = [{ title: say('fixChange', { to: suggestion }), preferred: true, edits: [{ start, end, newText: suggestion }] }];
      return finding;
    });
  }
  const { node, depth } = nodeAt(document, issue.path);
  const [start, end] = node?.range ?? [0, 0];
  if (depth < issue.path.length) {
    const missing = String(issue.path[issue.path.length - 1]);
    return [{ start, end, code: CATALOG_FILE, severity: 'error', message: say('extensionMissing', { where: describePath(issue.path.slice(0, -1)), key: missing }) }];
  }
  if (issue.code === 'invalid_value') {
    const got = isScalar(node) ? String(node.value) : '';
    const values = issue.values.map(String);
    const suggestion = closestMatch(got, values);
    const finding: Finding = {
      start,
      end,
      code: CATALOG_FILE,
      severity: 'error',
      message: say('extensionNotInEnum', { where, values, got, ...(suggestion ? { suggestion } : {}) }),
    };
    if (suggestion) finding.fixes = [{ title: say('fixChange', { to: suggestion }), preferred: true, edits: [{ start, end, newText: suggestion }] }];
    return [finding];
  }
  return [{ start, end, code: CATALOG_FILE, severity: 'error', message: say('extensionInvalid', { where, problem: issue.message }) }];
}

/** The keys allowed at a path of the extension (for did-you-mean on unknown keys). */
function allowedKeys(path: readonly PropertyKey[]): string[] {
  const section = String(path[0]);
  if (section === 'metrics' && path.length === 2) return ['name', 'type', 'labels', 'labelPrefixes', 'help', 'providers', 'buckets', 'source'];
  if (section === 'services' && path.length === 2) return ['name', 'tier', 'lang'];
  if (section === 'exporters' && path.length === 2) return ['name', 'help', 'prefixes', 'metrics'];
  if (section === 'labels' && path.length === 2) return ['values', 'help'];
  return [];
}
