/**
 * English messages: the reference table. Every other language implements
 * `Messages` (the same keys with the same parameters).
 */
const list = (items: readonly string[]): string => items.join(', ');

export const en = {
  // config/schema ----------------------------------------------------------
  'value.nothing': () => 'nothing',
  'value.null': () => 'null',
  'value.string': (p: { json: string }) => `string ${p.json}`,
  'value.scalar': (p: { type: string; value: string }) => `${p.type} ${p.value}`,
  'value.mapping': () => 'a mapping',
  'value.list': () => 'a list',
  /**
   * What a field expects, in words: `expects`, the wording of config/fields.ts's
   * table (English), passed in so that l10n imports nothing above it; `fallback`
   * when the field is not in the table.
   */
  'field.expects': (p: { field: string; expects?: string; fallback: 'any' | 'valid' }) => p.expects ?? (p.fallback === 'any' ? 'a value' : 'a valid value'),
  /** A field's documentation (hover, completion): config/fields.ts's `doc`, passed in. */
  'field.doc': (p: { field: string; doc: string }) => p.doc,
  'schema.missing': (p: { parent: string; key: string; whileEnabled: boolean; expects: string; example: string }) =>
    `${p.parent} is missing "${p.key}"${p.whileEnabled ? ' (required while enabled is true)' : ''}: expected ${p.expects}${p.example ? `, e.g. ${p.key}: ${p.example}` : ''}.`,
  'schema.notInEnum': (p: { name: string; expects: string; got: string; suggestion?: string }) =>
    `${p.name} must be ${p.expects}; got ${p.got}.${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''}`,
  'schema.invalid': (p: { name: string; expects: string; example: string; got: string }) => `${p.name} must be ${p.expects}${p.example ? `, e.g. ${p.example}` : ''}; got ${p.got}.`,
  'schema.unknownKey': (p: { key: string; where: string; suggestion?: string; allowed: readonly string[] }) =>
    `Unknown key "${p.key}" in ${p.where}.${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} Allowed keys: ${list(p.allowed)}.`,
  'fix.changeTo': (p: { value: string }) => `Change to "${p.value}"`,
  'fix.renameTo': (p: { key: string }) => `Rename to "${p.key}"`,

  // base/yaml/shape: the structure of a configuration file (prometheus.yaml, alertmanager.yml, …) --
  'shape.aMapping': () => 'a mapping',
  'shape.aList': () => 'a list',
  'shape.string': () => 'a string',
  'shape.int': () => 'an integer',
  'shape.number': () => 'a number',
  'shape.bool': () => 'a boolean (true or false)',
  'shape.duration': () => 'a duration such as 30s or 1m30s',
  'shape.size': () => 'a size such as 512MiB',
  'shape.oneOf': (p: { values: readonly string[] }) => `one of ${list(p.values)}`,
  'shape.type': (p: { name: string; expected: string; got: string }) => `${p.name} must be ${p.expected}; got ${p.got}.`,
  'shape.notInEnum': (p: { name: string; values: readonly string[]; got: string; suggestion?: string }) =>
    `${p.name} must be one of ${list(p.values)}; got "${p.got}".${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''}`,
  'shape.range': (p: { name: string; got: string; min?: number; max?: number }) =>
    `${p.name} must be ${p.min !== undefined && p.max !== undefined ? `between ${p.min} and ${p.max}` : p.min !== undefined ? `at least ${p.min}` : `at most ${p.max ?? ''}`}; got ${p.got}.`,
  'shape.badDuration': (p: { name: string; got: string; syntax: 'prometheus' | 'go' }) =>
    `${p.name}: "${p.got}" is not a duration (${p.syntax === 'go' ? 'a number and a unit, ns us ms s m h, e.g. 5s, 1.5h or 300ms' : 'units y w d h m s ms in that order, e.g. 30s, 1m30s or 2h'}).`,
  'shape.badSize': (p: { name: string; got: string }) => `${p.name}: "${p.got}" is not a size (a number and an optional unit, e.g. 512MiB, 1GB or 1048576).`,
  'shape.unknownKey': (p: { key: string; where: string; suggestion?: string; allowed: readonly string[] }) =>
    `Unknown key "${p.key}" in ${p.where}.${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''}${p.allowed.length > 0 ? ` Allowed keys: ${list(p.allowed)}.` : ''}`,
  'shape.missing': (p: { key: string; where: string }) => `${p.where} is missing "${p.key}".`,
  'shape.removed': (p: { key: string; where: string; instead: string }) => `"${p.key}" in ${p.where} is no longer read: ${p.instead}`,
  'shape.exclusive': (p: { keys: readonly string[]; where: string }) => `${p.where} sets ${list(p.keys)}: at most one of them may be set.`,

  // files, YAML and checks of every kind (base/, service/, checks/) -------------
  'file.notUtf8': () => 'the file is not valid UTF-8; k1s0 checks only UTF-8 YAML and JSON',
  'file.tooBig': (p: { kb: number; maxKb: number }) => `Not checked: the file is ${p.kb} KB, over k1s0.files.maxFileSizeKB (${p.maxKb} KB).`,
  'check.failedOnFile': (p: { check: string; reason: string }) => `The ${p.check} check failed on this file and was skipped; the other checks ran. Internal error: ${p.reason}. Please report it.`,
  'check.failedOnExpression': (p: { check: string; reason: string }) =>
    `The ${p.check} check failed on this expression and was skipped; the other checks ran. Internal error: ${p.reason}. Please report it.`,
  /** The `yaml` parser's own error, as it words it. */
  'yaml.parser': (p: { message: string }) => p.message,
  'yaml.tooDeep': (p: { depth: number }) => `Not checked: the document nests deeper than ${p.depth} levels`,
  'yaml.duplicateKey': (p: { key: string }) => `Duplicate key "${p.key}": map keys must be unique`,
  'yaml.unresolvedAlias': (p: { name: string }) => `Unresolved alias *${p.name}: no anchor &${p.name} before it`,
  'yaml.selfAlias': (p: { name: string }) => `Alias *${p.name} inside the value anchored &${p.name}: the value would contain itself`,
  'yaml.aliasesNotExpanded': (p: { reason: string }) => `Not checked: its aliases cannot be expanded (${p.reason})`,

  // config/policy ----------------------------------------------------------
  'policy.rule.samplingDev': () => 'トレースサンプリング戦略: dev is AlwaysOn, 100% of traces',
  'policy.rule.samplingStaging': () => 'トレースサンプリング戦略: staging is TraceIDRatioBased at 50%',
  'policy.rule.samplingProd': () => 'トレースサンプリング戦略: prod keeps 10% (tail-based in the OTel Collector, errors 100%)',
  'policy.rule.jsonLogs': () => 'JSON structured logs are the standard (Loki); text is for dev only',
  'policy.shouldBe': (p: { environment: string; field: string; expected: string; shown: string; rule: string }) =>
    `${p.environment}: observability.${p.field} should be ${p.expected}, not ${p.shown} (design: ${p.rule}).`,
  'policy.fix': (p: { field: string; expected: string; environment: string }) => `Set ${p.field} to ${p.expected} (${p.environment} policy)`,

  // Outline (the names and details of symbols that are not the file's own words) --
  'outline.unnamed': () => '(unnamed)',
  'outline.container': () => '(container)',
  'outline.schemaPeriod': () => 'schema period',
  'outline.period': () => 'period',
  /** A collector section's entries: receiver, processor, exporter, connector, extension, pipeline. */
  'outline.collectorKind': (p: { kind: string }) => p.kind,

  // CLI ----------------------------------------------------------------------
  'cli.usage': () => `Usage: k1s0-obs check [PATH...] [--format text|json|sarif|github] [--select PREFIX,...]
                      [--ignore PREFIX,...] [--max-warnings N] [--config FILE] [--locale en|ja] [--jobs N]

Checks k1s0 config.yaml observability sections (and the other k1s0 files the
extension knows) under each PATH (default: the current directory).
Directories are walked; node_modules and .git are skipped.

  --format         text (default), json, sarif (SARIF 2.1.0) or github (workflow annotations)
  --select         keep only codes with these prefixes (config, config/policy, ...)
  --ignore         drop codes with these prefixes
  --max-warnings   fail (exit 1) when there are more than N warnings
  --config         the lint configuration file (default: .k1s0/lint.yaml in the
                   current directory or the nearest parent that has one)
  --locale         language of the messages (default: from LANG)
  --jobs           threads to check with (default: one per core, up to 4, for
                   inputs over 4 MB; 1 checks on one thread)

Exit status: 0 no error, 1 at least one error-severity diagnostic (or too many
warnings), 2 usage or I/O problem.`,
  'cli.sloUsage': () =>
    "Usage: k1s0-obs slo [PATH...] [--format text|json] [--locale en|ja]\n\nPrints the tier and SLO tree of the workspace under each PATH (default: the current\ndirectory): services by tier, their scrape targets, SLO target and 30-day error\nbudget, the design's per-tier and burn-rate alerts (present, missing or not\ncovering the service) and the dashboards that show them. Exit status 0, or 2 on a\nusage or I/O problem.",
  'cli.rulesUsage': () =>
    'Usage: k1s0-obs rules [--format text|json] [--locale en|ja]\n\nLists every diagnostic code the checks report, with its default severity, what it\ncatches and the check that reports it (the codes .k1s0/lint.yaml and\nk1s0.diagnostics.severity re-grade). Exit status 0, or 2 on a usage problem.',
  'cli.unknownCommand': (p: { command: string }) => `unknown command "${p.command}" (expected "check", "slo" or "rules")`,
  'cli.needsValue': (p: { flag: string }) => `${p.flag} needs a value`,
  'cli.unknownFormat': (p: { value: string; formats: readonly string[] }) => `unknown format "${p.value}" (expected ${list(p.formats)})`,
  'cli.unknownLocale': (p: { value: string; locales: readonly string[] }) => `unknown locale "${p.value}" (expected ${list(p.locales)})`,
  'cli.notACount': (p: { flag: string; value: string }) => `${p.flag} needs a whole number of 0 or more, got "${p.value}"`,
  'cli.threadsFailed': (p: { threads: number; reason: string }) => `checking on ${p.threads} threads failed (${p.reason}); checked on one thread instead`,
  'cli.notAPositiveCount': (p: { flag: string; value: string }) => `${p.flag} needs a whole number of 1 or more, got "${p.value}"`,
  'cli.unknownOption': (p: { option: string }) => `unknown option "${p.option}"`,
  'cli.cannotRead': (p: { path: string; reason: string }) => `cannot read ${p.path}: ${p.reason}`,
  'cli.noSuchFile': () => 'no such file or directory',
  'cli.permissionDenied': () => 'permission denied',
  'cli.lintConfigInvalid': (p: { path: string; problems: readonly string[] }) => `${p.path} is not a valid lint configuration: ${p.problems.join('; ')}`,
  'cli.notChecked': (p: { reason: string }) => `Not checked: ${p.reason}.`,
  'cli.noProblems': (p: { files: number }) => `No problems (${p.files} file${p.files === 1 ? '' : 's'} checked).`,
  'cli.summary': (p: { total: number; errors: number; warnings: number; other: number; withProblems: number; files: number }) =>
    `${p.total} problem${p.total === 1 ? '' : 's'} (${p.errors} error${p.errors === 1 ? '' : 's'}, ${p.warnings} warning${p.warnings === 1 ? '' : 's'}, ${p.other} other) in ${p.withProblems} of ${p.files} file${p.files === 1 ? '' : 's'} checked.`,
  'cli.tooManyWarnings': (p: { count: number; max: number }) => `too many warnings: ${p.count}, more than --max-warnings ${p.max}`,
};

export type Messages = typeof en;
