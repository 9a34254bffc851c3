/**
 * What the editor's language status item says (k1s0/status): how many files the server checks and
 * their problems, the environment the open config file is judged as and why, the catalog in use.
 * Pure: the session hands in what it holds.
 */
import { environmentReasonOf, type EnvironmentReason } from '../base/environment';
import type { Settings } from '../base/settings';
import type { Diagnostic } from '../base/types';
import { parseYaml } from '../base/yaml/parse';

export interface ProblemCounts {
  errors: number;
  warnings: number;
  /** Information and hints. */
  others: number;
}

export function countProblems(published: Iterable<readonly Diagnostic[]>): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, others: 0 };
  for (const diagnostics of published) {
    for (const d of diagnostics) {
      if (d.severity === 'error') counts.errors++;
      else if (d.severity === 'warning') counts.warnings++;
      else counts.others++;
    }
  }
  return counts;
}

/** The environment of a config file and the rule that decided it (setting, app.environment, file name). */
export function configEnvironment(path: string, text: string, settings: Settings): EnvironmentReason {
  const declared = parseYaml(text)
    .documents.map((d) => d.getIn(['app', 'environment']))
    .find((v) => v !== undefined);
  return environmentReasonOf(path, settings.config.environments, declared);
}
