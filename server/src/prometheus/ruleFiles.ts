/**
 * prometheus/config, rule_files: a path Prometheus refuses (`*` before the
 * last segment), a plain path that points to no file (an error, as in
 * `promtool check config` and at Prometheus's start), a glob that matches
 * nothing (a warning: promtool and Prometheus let it pass, loading no rules).
 *
 * Paths resolve against the directory of the prometheus.yaml, and
 * `/etc/prometheus/…` is read as that directory, as the design's compose file
 * mounts it (consistency/ruleFiles.ts does the same). A file exists when it
 * is on disk or when the workspace has a rule file there (an unsaved one). A
 * prometheus.yaml that is not on disk itself (an untitled editor) is not
 * looked at. `*`, `?` and `[…]` match within one segment, as Go's
 * filepath.Glob does.
 */
import { decodePath } from '../base/files';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, sep } from 'node:path';
import type { Finding } from '../base/types';
import { CONTAINER_CONFIG_DIR, globToRegExp, resolveRuleFilesEntry } from '../consistency/ruleFiles';
import type { FileCheck, FileCheckContext } from '../workspace/fileKind';
import { finding, PROMETHEUS_CONFIG_CODE, say } from './messages';
import { itemsOf, textOf, valueOf, type PrometheusConfigModel } from './model';

/** Prometheus's patRulePath: `*` only in the last segment. */
const RULE_PATH = /^[^*]*(\*[^/]*)?$/;
const GLOB_META = /[*?[]/;

/** The path on disk an entry names, for a configuration at `configPath`. */
export function ruleFilePath(pattern: string, configPath: string): string {
  const dir = dirname(configPath);
  if (pattern.startsWith(CONTAINER_CONFIG_DIR)) return join(dir, pattern.slice(CONTAINER_CONFIG_DIR.length));
  return isAbsolute(pattern) ? pattern : join(dir, pattern);
}

/** Whether a glob (or plain path) matches something on disk, segment by segment. */
export function globMatchesOnDisk(path: string): boolean {
  if (!GLOB_META.test(path)) return existsSync(path);
  const parts = path.split(sep);
  let candidates = [parts[0] === '' ? sep : (parts[0] ?? '')];
  // An empty segment (`a//b`, a trailing `/`) joins to the folder itself, which exists: no case of its own.
  for (const part of parts.slice(1)) {
    if (!GLOB_META.test(part)) {
      candidates = candidates.map((dir) => join(dir, part)).filter((p) => existsSync(p));
    } else {
      let matcher: RegExp;
      try {
        matcher = globToRegExp(part);
      } catch {
        return false;
      }
      candidates = candidates.flatMap((dir) => {
        try {
          return readdirSync(dir)
            .filter((name) => matcher.test(name))
            .map((name) => join(dir, name));
        } catch {
          return [];
        }
      });
    }
  }
  return candidates.length > 0;
}

export function checkRuleFiles(model: PrometheusConfigModel, { uri, location, workspace }: Pick<FileCheckContext, 'uri' | 'location' | 'workspace'>): Finding[] {
  if (!model.clean) return [];
  const findings: Finding[] = [];
  const onDisk = uri.startsWith('file:') && existsSync(location.path);
  const ruleFiles = [...workspace.ruleFiles().keys()].map(decodePath);
  for (const item of itemsOf(valueOf(model.root, 'rule_files'))) {
    const pattern = textOf(item);
    // An empty entry names the folder of prometheus.yaml, which exists.
    if (pattern === undefined) continue;
    if (!RULE_PATH.test(pattern)) {
      findings.push(finding(item, say('ruleFilePath', { path: pattern })));
      continue;
    }
    if (!onDisk) continue;
    const resolved = ruleFilePath(pattern, location.path);
    if (globMatchesOnDisk(resolved)) continue;
    let inWorkspace: RegExp | undefined;
    try {
      inWorkspace = globToRegExp(resolveRuleFilesEntry(pattern, uri));
    } catch {
      inWorkspace = undefined;
    }
    if (inWorkspace && ruleFiles.some((file) => inWorkspace.test(file))) continue;
    const mapped = pattern.startsWith(CONTAINER_CONFIG_DIR) ? say('containerDir', { dir: CONTAINER_CONFIG_DIR }) : '';
    const shown = relativeTo(resolved, dirname(location.path)) + mapped;
    // promtool treats an entry as a glob when it has a `*`; anything else must name a file.
    findings.push(
      pattern.includes('*') ? finding(item, say('ruleFileGlobEmpty', { path: pattern, resolved: shown }), 'warning') : finding(item, say('ruleFileMissing', { path: pattern, resolved: shown })),
    );
  }
  return findings;
}

function relativeTo(path: string, dir: string): string {
  return path.startsWith(dir + sep) ? `.${sep}${path.slice(dir.length + 1)}` : path;
}

export const prometheusRuleFilesCheck: FileCheck<PrometheusConfigModel> = {
  meta: {
    name: 'prometheus/ruleFiles',
    on: 'file',
    fileKinds: ['prometheus'],
    description:
      'prometheus.yaml: a rule_files path Prometheus refuses or that points to no file (error, as promtool); a glob that matches nothing (warning: Prometheus loads nothing, silently). `/etc/prometheus/…` is the directory of prometheus.yaml',
    codes: [PROMETHEUS_CONFIG_CODE],
  },
  run: checkRuleFiles,
};
