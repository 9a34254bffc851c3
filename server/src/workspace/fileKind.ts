/**
 * The contract of a file kind: one handler per kind (rule file, dashboard,
 * config.yaml, provisioning, prometheus.yaml, lint config, catalog, compose,
 * Kubernetes workloads, `.env`, `.promql`), each in its own area. A handler claims files, reads them, says
 * what they define for the rest of the workspace, and turns them into
 * findings with the registry's checks, which it reaches only through
 * `KindContext.checks` (the registry sits above the areas). The language
 * service (service/languageService.ts) keeps caching, suppression and the
 * conversion to diagnostics.
 */
import type { Caches } from '../base/caches';
import type { CheckMeta } from '../base/check';
import type { Settings } from '../base/settings';
import type { Finding } from '../base/types';
import type { ParsedYaml } from '../base/yaml/parse';
import type { Shape } from '../base/yaml/shape';
import type { OutlineSymbol } from '../base/types';
import type { Tree } from '../promql/parse';
import type { CheckExpression, ExpressionSite } from '../promql/site';
import type { RuleModel } from '../rules/model';
import type { FileFacts, WorkspaceIndex } from './index';

/** Where a file sits: its path on disk and, when known, relative to its workspace folder. */
export interface FileLocation {
  path: string;
  relativePath?: string;
  /** Named on the command line: checked by content even when no glob matches. */
  explicit?: boolean;
}

/** A PromQL expression located in a document. */
export interface LocatedExpression {
  site: ExpressionSite;
  start: number;
  end: number;
}

/**
 * One document's text and what has been read of it, kept until the text
 * changes. Handlers keep their own readings in `memo` under their kind.
 */
export interface DocumentView {
  readonly uri: string;
  readonly text: string;
  /** The caches of the service the document is of (base/caches.ts), for readers that remember texts. */
  readonly caches?: Caches;
  /** The whole YAML stream (parsed once per text). */
  yaml(): ParsedYaml;
  /**
   * The YAML tree that tells a file's kind: for a text that may be a rule file,
   * its skeleton read rule by rule (its rules cut out), else the whole parse.
   */
  outline(): ParsedYaml;
  /** Lets the whole tree go once a reading holds all that is needed of it (a later `yaml()` parses again). */
  releaseYaml(): void;
  /** A handler's own reading of this text, made once. */
  memo<T>(key: string, make: () => T): T;
  /** A reading already made, if any. */
  peek<T>(key: string): T | undefined;
  /** Multi-line YAML scalars (suppression places its directives around them); set by readers that find them on the way. */
  scalars?: { start: number; end: number }[];
}

/** What a handler is told of the file and the workspace. */
export interface KindContext {
  settings: Settings;
  location: FileLocation;
  workspace: WorkspaceIndex;
  checks: CheckRunner;
}

/** The registry's checks as a handler runs them on the file it is handed (implemented above the areas, in checks/). */
export interface CheckRunner {
  /** Syntax, types and every expression check of the registry, on one expression. */
  expression: CheckExpression;
  /** Every rule check of the registry on one rule of this file (remembered by the rule's text). */
  rule(rule: RuleModel): Finding[];
  /** Every file check of the registry registered for `kind`, on this file, each guarded. */
  file(kind: string, subject: unknown): Finding[];
}

/** A check of one file of the kinds it names; `subject` is what that kind's handler hands its checks. */
export interface FileCheck<Subject = never> {
  meta: CheckMeta & { on: 'file' };
  run(subject: Subject, context: FileCheckContext): Finding[];
}

export interface FileCheckContext {
  uri: string;
  text: string;
  location: FileLocation;
  settings: Settings;
  workspace: WorkspaceIndex;
}

/** A check of one rule of a rule file, with its expression's tree when that is valid PromQL. */
export interface RuleCheck {
  meta: CheckMeta & { on: 'rule' };
  run(rule: RuleModel, tree: Tree | undefined, workspace: WorkspaceIndex): Finding[];
}

export interface FileKindHandler {
  kind: string;
  /** Whether a file is of this kind, by name and content (handlers are asked in the table's order). */
  claims(doc: DocumentView, context: KindContext): boolean;
  /** Asked, in order, only when no handler claimed the file: a file named as ours that does not parse, say. */
  claimsAsFallback?(doc: DocumentView, context: KindContext): boolean;
  /** What the file defines for the rest of the workspace. */
  facts(doc: DocumentView, context: KindContext): FileFacts;
  findings(doc: DocumentView, context: KindContext): Finding[];
  /** The file's structure as data (base/yaml/shape.ts): completion and hover of its keys and values where no expression is. */
  shape?: Shape;
  /** The outline (document symbols): the things the file names (jobs, receivers, services, pipelines). */
  symbols?(doc: DocumentView, context: KindContext): OutlineSymbol[];
  /** The PromQL expressions of the file (completion, hover, CodeLens). */
  expressionSites?(doc: DocumentView, context: KindContext): LocatedExpression[];
  /** Spans that `# k1s0-disable` scopes to (a rule file's rules); YAML kinds only. */
  suppressionScopes?(doc: DocumentView): { start: number; end: number }[];
  /** Whether `# k1s0-disable…` comments apply (YAML kinds whose text was read). */
  suppressible(doc: DocumentView): boolean;
  /**
   * A new text of a document this handler read: carry the reading over when the
   * edit allows (an edit inside one rule of a rule file); true when it did, and the
   * kind then stays as judged.
   */
  carryOver?(previous: DocumentView, next: DocumentView): boolean;
}
