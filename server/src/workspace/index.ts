/**
 * What the workspace defines, file by file: the facts other files are checked
 * against (recording rules now; scrape jobs and dashboards as areas add them).
 * Updated per file, so a change costs the size of that file, not the workspace.
 */

/** A recording rule defined somewhere in the workspace. */
export interface RecordingRuleDefinition {
  name: string;
  uri: string;
  /** Document range of the `record:` value. */
  start: number;
  end: number;
  expr: string;
}

/** Everything one file contributes to the workspace. */
export interface FileFacts {
  recordingRules: RecordingRuleDefinition[];
}

export const NO_FACTS: FileFacts = { recordingRules: [] };

export class WorkspaceIndex {
  private readonly facts = new Map<string, FileFacts>();
  private recordingRuleCache: Map<string, RecordingRuleDefinition[]> | undefined;
  /** Bumped whenever any file's facts change; dependants revalidate on a new generation. */
  generation = 0;

  /** Records a file's facts; returns whether they differ from what was known. */
  update(uri: string, facts: FileFacts): boolean {
    const before = this.facts.get(uri);
    if (sameFacts(before ?? NO_FACTS, facts)) {
      if (!before && facts !== NO_FACTS) this.facts.set(uri, facts);
      return false;
    }
    if (facts.recordingRules.length === 0) this.facts.delete(uri);
    else this.facts.set(uri, facts);
    this.changed();
    return true;
  }

  remove(uri: string): boolean {
    if (!this.facts.delete(uri)) return false;
    this.changed();
    return true;
  }

  /** Recording rules by name (a name may be defined in several files). */
  recordingRules(): ReadonlyMap<string, readonly RecordingRuleDefinition[]> {
    if (!this.recordingRuleCache) {
      const byName = new Map<string, RecordingRuleDefinition[]>();
      for (const facts of this.facts.values()) {
        for (const rule of facts.recordingRules) {
          const list = byName.get(rule.name);
          if (list) list.push(rule);
          else byName.set(rule.name, [rule]);
        }
      }
      this.recordingRuleCache = byName;
    }
    return this.recordingRuleCache;
  }

  private changed(): void {
    this.generation++;
    this.recordingRuleCache = undefined;
  }
}

function sameFacts(a: FileFacts, b: FileFacts): boolean {
  if (a.recordingRules.length !== b.recordingRules.length) return false;
  return a.recordingRules.every((rule, i) => {
    const other = b.recordingRules[i];
    return other !== undefined && other.name === rule.name && other.expr === rule.expr && other.start === rule.start;
  });
}
