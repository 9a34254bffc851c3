import type { Diagnostic } from '../service/types';

export interface FileDiagnostics {
  /** The path as the report shows it. */
  file: string;
  diagnostics: Diagnostic[];
}

/** The JSON contract of ../shared/DESIGN.md: one array, one item per diagnostic. */
export function formatJson(results: readonly FileDiagnostics[]): string {
  const items = results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({ file, range: d.range, severity: d.severity, code: d.code, message: d.message, source: d.source })),
  );
  return `${JSON.stringify(items, null, 2)}\n`;
}

/** `path:line:column: severity message [code]`, 1-based as compilers print, and a summary. */
export function formatText(results: readonly FileDiagnostics[], filesChecked: number): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const { file, diagnostics } of results) {
    for (const d of diagnostics) {
      counts[d.severity]++;
      lines.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.message} [${d.code}]`);
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const files = `${filesChecked} file${filesChecked === 1 ? '' : 's'} checked`;
  lines.push(
    total === 0
      ? `No problems (${files}).`
      : `${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information + counts.hint} other) in ${results.filter((r) => r.diagnostics.length).length} of ${files}.`,
  );
  return `${lines.join('\n')}\n`;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** SARIF 2.1.0 for code-scanning uploads; columns are 1-based UTF-16 units, as LSP's. */
export function formatSarif(results: readonly FileDiagnostics[], version: string): string {
  const codes = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'k1s0', version, informationUri: 'https://github.com/k1s0-platform', rules: codes.map((id) => ({ id })) } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap(({ file, diagnostics }) =>
          diagnostics.map((d) => ({
            ruleId: d.code,
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file.replace(/\\/g, '/') },
                  region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
