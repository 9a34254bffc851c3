import { uriToPath } from '../base/files';
import type { Diagnostic, Range } from '../base/types';
import { t, type Locale } from '../l10n';
import { HELP_URI, ruleText } from './rules';

export interface FileDiagnostics {
  /** The path as the report shows it. */
  file: string;
  diagnostics: Diagnostic[];
}

/** A diagnostic's related places, each with the path the report shows (the diagnostic's own file unless it names another). */
function relatedOf(file: string, d: Diagnostic): { file: string; range: Range; message: string }[] {
  return (d.related ?? []).map((r) => ({ file: r.uri === undefined ? file : uriToPath(r.uri), range: r.range, message: r.message }));
}

/** `path:line:column`, 1-based. */
function place(file: string, range: Range): string {
  return `${file}:${range.start.line + 1}:${range.start.character + 1}`;
}

/** The JSON contract of ../shared/DESIGN.md: one array, one item per diagnostic; `related` only when it has related places. */
export function formatJson(results: readonly FileDiagnostics[]): string {
  const items = results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => {
      const related = relatedOf(file, d);
      return { file, range: d.range, severity: d.severity, code: d.code, message: d.message, source: d.source, ...(related.length ? { related } : {}) };
    }),
  );
  return `${JSON.stringify(items, null, 2)}\n`;
}

export interface Counts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export function countSeverities(results: readonly FileDiagnostics[]): Counts {
  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const { diagnostics } of results) for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** `path:line:column: severity message [code]`, 1-based as compilers print, each related place indented below it, and a summary. */
export function formatText(results: readonly FileDiagnostics[], filesChecked: number): string {
  const lines: string[] = [];
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      lines.push(`${place(file, d.range)}: ${d.severity} ${d.message} [${d.code}]`);
      for (const related of relatedOf(file, d)) lines.push(`  ${place(related.file, related.range)}: related ${related.message}`);
    }
  }
  const counts = countSeverities(results);
  const total = counts.error + counts.warning + counts.information + counts.hint;
  lines.push(
    total === 0
      ? t('cli.noProblems', { files: filesChecked })
      : t('cli.summary', {
          total,
          errors: counts.error,
          warnings: counts.warning,
          other: counts.information + counts.hint,
          withProblems: results.filter((r) => r.diagnostics.length).length,
          files: filesChecked,
        }),
  );
  return `${lines.join('\n')}\n`;
}

const GITHUB_COMMAND = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

/** Escapes a workflow command's message (its data). */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command property value (file, title). */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: one `::error|warning|notice ...::message`
 * line per diagnostic, which the runner turns into annotations on the diff.
 * Lines and columns are 1-based; the title names the code.
 */
export function formatGithub(results: readonly FileDiagnostics[]): string {
  const lines: string[] = [];
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      const properties = [
        `file=${escapeProperty(file.replace(/\\/g, '/'))}`,
        `line=${d.range.start.line + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(`k1s0 ${d.code}`)}`,
      ];
      // An annotation has one place: the related ones follow the message, a line each.
      const message = [d.message, ...relatedOf(file, d).map((r) => `${place(r.file, r.range)}: ${r.message}`)].join('\n');
      lines.push(`::${GITHUB_COMMAND[d.severity]} ${properties.join(',')}::${escapeData(message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/**
 * SARIF 2.1.0 for code-scanning uploads; columns are 1-based UTF-16 units, as
 * LSP's. Every code that occurs is a rule with a description and help text.
 */
export function formatSarif(results: readonly FileDiagnostics[], version: string, locale: Locale): string {
  const codes = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'k1s0',
            fullName: 'k1s0 observability checks (k1s0-obs)',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/k1s0-platform/k1s0-observability-vscode',
            language: locale,
            rules: codes.map((id) => {
              const text = ruleText(id, locale);
              return {
                id,
                name: id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
                shortDescription: { text: text.short },
                fullDescription: { text: text.help },
                help: { text: text.help, markdown: `**${id}**: ${text.help}\n\n[${id}](${HELP_URI})` },
                helpUri: HELP_URI,
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap(({ file, diagnostics }) =>
          diagnostics.map((d) => {
            const related = relatedOf(file, d);
            return {
              ruleId: d.code,
              ruleIndex: ruleIndex.get(d.code) ?? 0,
              level: SARIF_LEVEL[d.severity],
              message: { text: d.message },
              locations: [{ physicalLocation: physicalLocation(file, d.range) }],
              ...(related.length ? { relatedLocations: related.map((r, id) => ({ id, physicalLocation: physicalLocation(r.file, r.range), message: { text: r.message } })) } : {}),
            };
          }),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function physicalLocation(file: string, range: Range) {
  return {
    artifactLocation: { uri: encodeURI(file.replace(/\\/g, '/')) },
    region: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 },
  };
}
