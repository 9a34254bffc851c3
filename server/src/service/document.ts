import type { Caches } from '../base/caches';
import { parseYaml, type ParsedYaml } from '../base/yaml/parse';
import { ruleFileOutline } from '../rules/handler';
import type { DocumentView } from '../workspace/fileKind';
import type { FileKind } from './fileKinds';

/** One document's text and what has been read of it; replaced when the text changes. */
export class Document implements DocumentView {
  scalars?: { start: number; end: number }[];
  /** The kind last judged, with the settings and location it was judged under. */
  judged?: { settings: object; where: string; kind: FileKind | undefined };
  private parsed?: ParsedYaml;
  private outlined?: ParsedYaml;
  private readonly readings = new Map<string, unknown>();

  constructor(
    readonly uri: string,
    readonly text: string,
    readonly caches?: Caches,
  ) {}

  yaml(): ParsedYaml {
    this.parsed ??= parseYaml(this.text);
    return this.parsed;
  }

  outline(): ParsedYaml {
    if (this.outlined) return this.outlined;
    // A tree already parsed tells as well; else a possible rule file is read rule by rule.
    this.outlined = this.parsed ?? ruleFileOutline(this) ?? this.yaml();
    return this.outlined;
  }

  releaseYaml(): void {
    if (this.outlined === this.parsed) this.outlined = undefined;
    this.parsed = undefined;
  }

  memo<T>(key: string, make: () => T): T {
    if (this.readings.has(key)) return this.readings.get(key) as T;
    const value = make();
    this.readings.set(key, value);
    return value;
  }

  peek<T>(key: string): T | undefined {
    return this.readings.get(key) as T | undefined;
  }
}
