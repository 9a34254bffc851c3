/**
 * consistency/rule-files: `rule_files` of a prometheus.yaml that no rule file
 * of the workspace matches (warning), and rule files that no prometheus.yaml
 * of the workspace loads (information).
 *
 * Where an entry points: Prometheus resolves a relative entry against the
 * directory of its configuration file. The design's stack mounts the
 * directory of prometheus.yaml at `/etc/prometheus/` (its compose file mounts
 * `./infra/docker/prometheus/*.yaml` there), so an absolute
 * `/etc/prometheus/<rest>` means `<rest>` next to prometheus.yaml. Any other
 * absolute path is taken as it is. Globs (`*`, `?`, `[…]`) match within one
 * path segment, as Go's filepath.Glob does.
 *
 * Kubernetes `PrometheusRule` resources are loaded by the Prometheus Operator,
 * not by rule_files, and are never reported as unloaded; nor is anything when
 * the workspace has no prometheus.yaml that lists rule_files.
 */
import { decodePath } from '../base/files';
import type { Finding } from '../base/types';
import type { RuleFilesEntry, WorkspaceIndex } from '../workspace/index';
import type { FileCheck } from '../workspace/fileKind';
import { say } from './messages';

export const CONSISTENCY_RULE_FILES = 'consistency/rule-files';

/** The mount point of the configuration's directory in the design's Prometheus container. */
export const CONTAINER_CONFIG_DIR = '/etc/prometheus/';

interface ResolvedEntry {
  entry: RuleFilesEntry;
  configUri: string;
  /** The workspace path (decoded URI path) it names. */
  path: string;
  matcher: RegExp;
}

function directoryOf(uri: string): string {
  return decodePath(uri).replace(/[^/]*$/, '');
}

/** The workspace path an entry of the configuration at `configUri` names (see the module comment). */
export function resolveRuleFilesEntry(pattern: string, configUri: string): string {
  const dir = directoryOf(configUri);
  if (pattern.startsWith(CONTAINER_CONFIG_DIR)) return normalize(dir + pattern.slice(CONTAINER_CONFIG_DIR.length));
  if (pattern.startsWith('/')) return normalize(pattern);
  return normalize(dir + pattern);
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** A glob of filepath.Match as a regular expression over a whole path. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  // A surviving mutant, equivalent: `i <= glob.length` adds one turn with c = '', which adds ''. Not
  // disabled by a comment, which would also hide `i >= glob.length` (the tests catch that one).
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      const body = glob.slice(i + 1, close).replace(/^\^/, '!');
      out += `[${body.startsWith('!') ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`;
      i = close;
    } else if (c === '\\' && i + 1 < glob.length) {
      out += escapeRe(glob.charAt(++i));
    } else out += escapeRe(c);
  }
  return new RegExp(`^${out}$`, 'u');
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]]/g, '\\$&');
}

/** Every rule_files entry of the workspace, resolved (computed once per change of the workspace's facts). */
function resolvedEntries(workspace: WorkspaceIndex): ResolvedEntry[] {
  // Stryker disable next-line StringLiteral: any key no other view of the workspace uses caches the same entries
  return workspace.derived('consistency/rule-files', () =>
    workspace.prometheusConfigs().flatMap(({ uri, scrape }) =>
      (scrape.ruleFiles ?? []).flatMap((entry) => {
        const path = resolveRuleFilesEntry(entry.pattern, uri);
        let matcher: RegExp;
        try {
          matcher = globToRegExp(path);
        } catch {
          return [];
        }
        return [{ entry, configUri: uri, path, matcher }];
      }),
    ),
  );
}

/** On a prometheus.yaml: its rule_files entries that match no rule file of the workspace. */
export function checkRuleFilesEntries(configUri: string, workspace: WorkspaceIndex): Finding[] {
  const entries = resolvedEntries(workspace).filter((e) => e.configUri === configUri);
  const ruleFiles = [...workspace.ruleFiles().keys()].map(decodePath);
  const findings: Finding[] = [];
  for (const { entry, path, matcher } of entries) {
    if (ruleFiles.some((file) => matcher.test(file))) continue;
    findings.push({
      start: entry.start,
      end: entry.end,
      code: CONSISTENCY_RULE_FILES,
      severity: 'warning',
      message: say('ruleFilesNoMatch', {
        pattern: entry.pattern,
        path: relativeTo(path, directoryOf(configUri)),
        ...(entry.pattern.startsWith(CONTAINER_CONFIG_DIR) ? { containerDir: CONTAINER_CONFIG_DIR } : {}),
      }),
    });
  }
  return findings;
}

/** On a plain rule file: whether some prometheus.yaml of the workspace loads it (start of the file when not). */
export function checkRuleFileLoaded(uri: string, workspace: WorkspaceIndex): Finding[] {
  if (workspace.ruleFiles().get(uri) !== 'plain') return [];
  const entries = resolvedEntries(workspace);
  if (entries.length === 0) return [];
  const path = decodePath(uri);
  if (entries.some((e) => e.matcher.test(path))) return [];
  const configs = [...new Set(entries.map((e) => e.configUri.split('/').pop() ?? e.configUri))];
  return [
    {
      start: 0,
      end: 0,
      code: CONSISTENCY_RULE_FILES,
      severity: 'information',
      message: say('ruleFileNotLoaded', { configs }),
    },
  ];
}

function relativeTo(path: string, dir: string): string {
  return path.startsWith(dir) ? `./${path.slice(dir.length)}` : path;
}

export const ruleFileEntriesCheck: FileCheck<unknown> = {
  meta: {
    name: 'consistency/ruleFileEntries',
    on: 'file',
    fileKinds: ['prometheus'],
    description:
      "a `rule_files` entry of prometheus.yaml that matches no rule file (`/etc/prometheus/…` is read as the directory of prometheus.yaml, as the design's compose mounts it; relative entries resolve against it; globs)",
    codes: [
      {
        code: 'consistency/rule-files',
        severity: 'warning',
        short: 'rule_files entry matches no rule file',
        help: 'A rule_files entry of prometheus.yaml matches no rule file of the workspace, so Prometheus loads none of the rules meant.',
        ja: {
          short: 'どのルールファイルにも一致しない rule_files の項目',
          help: 'prometheus.yaml の rule_files の項目がワークスペースのどのルールファイルにも一致しないため、Prometheus は意図したルールを 1 つも読み込みません。',
        },
      },
    ],
  },
  run: (_subject: unknown, { uri, workspace }) => checkRuleFilesEntries(uri, workspace),
};
export const ruleFileLoadedCheck: FileCheck<unknown> = {
  meta: {
    name: 'consistency/ruleFileLoaded',
    on: 'file',
    fileKinds: ['rules'],
    description: 'a plain rule file no prometheus.yaml loads (information; PrometheusRule resources excepted)',
    codes: [
      {
        code: 'consistency/rule-files',
        severity: 'information',
        short: 'rule file no prometheus.yaml loads',
        help: "No rule_files entry of the workspace's prometheus.yaml matches this rule file, so its rules are never evaluated.",
        ja: {
          short: 'どの prometheus.yaml も読み込まないルールファイル',
          help: 'ワークスペースの prometheus.yaml のどの rule_files の項目もこのルールファイルに一致しないため、そのルールは評価されません。',
        },
      },
    ],
  },
  run: (_subject: unknown, { uri, workspace }) => checkRuleFileLoaded(uri, workspace),
};
