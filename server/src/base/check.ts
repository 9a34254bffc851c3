/**
 * What every check declares about itself. The registry (checks/registry.ts) is
 * one table of these; the list of codes, the CLI's `rules` documentation, the
 * README's table and the completion of severity keys are all derived from it.
 */
import type { Severity } from './types';

/** One diagnostic code a check reports, with the words the documentation uses for it. */
export interface CodeInfo {
  /** `area/name`, as ../shared/DESIGN.md fixes them. */
  code: string;
  /** The severity its findings usually have (a setting or `.k1s0/lint.yaml` may re-grade it). */
  severity: Severity;
  /** A short name: what is wrong (SARIF's rule name). */
  short: string;
  /** What it catches and what would be right (SARIF's help, the CLI's rules documentation). */
  help: string;
  /** The same two in Japanese (`rules --locale ja`, SARIF under Japanese, lint.yaml and settings completion). */
  ja: { short: string; help: string };
}

/**
 * What a check runs on: one PromQL expression, one rule of a rule file, one
 * file of the kinds it names, or (`reader`) the reading of a file itself —
 * codes a file kind's reader reports while it reads (syntax, structure).
 */
export type CheckSubject = 'expression' | 'rule' | 'file' | 'reader';

export interface CheckMeta {
  /** The module's name, as `internal/check-failed` names a check that threw. */
  name: string;
  on: CheckSubject;
  /** File kinds whose files it runs on (handlers' `kind`); `*` for every kind. */
  fileKinds: readonly string[];
  /** One line for the README's table: what it catches. */
  description: string;
  codes: readonly CodeInfo[];
}

/** Codes a file kind's reader reports while it reads (syntax, structure): documented by the module that reports them. */
export interface ReaderCodes {
  meta: CheckMeta & { on: 'reader' };
}
