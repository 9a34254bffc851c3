/**
 * A query's outcome made readable: rows of series / value / timestamp, and
 * the HTML page of the result view (a table; errors shown as Prometheus
 * gave them). No vscode import.
 */
import type { QueryOutcome, Sample } from './query';
import { displayLanguage, l10n } from '../l10n';

export interface ResultRow {
  /** `metric{label="value", …}` as Prometheus prints a series. */
  series: string;
  value: string;
  /** ISO 8601, UTC, millisecond precision. */
  timestamp: string;
}

/** How Prometheus prints a series: the metric name, then the other labels in braces. */
export function seriesText(labels: Record<string, string>): string {
  const name = labels.__name__ ?? '';
  const rest = Object.keys(labels)
    .filter((key) => key !== '__name__')
    .sort()
    .map((key) => `${key}=${JSON.stringify(labels[key])}`);
  return rest.length || !name ? `${name}{${rest.join(', ')}}` : name;
}

export function timestampText(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString();
}

export function resultRows(samples: readonly Sample[]): ResultRow[] {
  return samples.map((s) => ({ series: seriesText(s.labels), value: s.value, timestamp: timestampText(s.timestamp) })).sort((a, b) => a.series.localeCompare(b.series));
}

/** One line saying what came back: `2 series`, `Prometheus error (bad_data): …`, `nothing is listening at …`. */
export function summaryOf(outcome: QueryOutcome, baseUrl: string): string {
  switch (outcome.kind) {
    case 'result': {
      const n = outcome.samples.length;
      if (outcome.resultType === 'scalar' || outcome.resultType === 'string') return outcome.resultType === 'scalar' ? l10n('scalar result') : l10n('string result');
      return n === 0 ? l10n('Empty result: no series match.') : outcome.resultType === 'matrix' ? l10n('{0} series (range vector: latest point of each)', n) : l10n('{0} series', n);
    }
    case 'error':
      return l10n('Prometheus error ({0}, HTTP {1}): {2}', outcome.errorType, outcome.status, outcome.error);
    case 'unreachable':
      return l10n('Nothing is listening at {0} ({1}).', baseUrl, outcome.detail);
    case 'bad-response':
      return l10n('{0} did not answer as Prometheus does: {1}', baseUrl, outcome.detail);
  }
}

/** The result as a markdown table (for the CLI, logs and tests). */
export function resultMarkdown(query: string, outcome: QueryOutcome, baseUrl: string): string {
  const out = [l10n('**Query** {0} on {1}', `\`${query.replace(/`/g, '\\`')}\``, baseUrl), '', summaryOf(outcome, baseUrl)];
  if (outcome.kind === 'result' && outcome.samples.length) {
    const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    out.push(
      '',
      `| ${l10n('Series')} | ${l10n('Value')} | ${l10n('Timestamp')} |`,
      '| --- | ---: | --- |',
      ...resultRows(outcome.samples).map((r) => `| ${cell(r.series)} | ${cell(r.value)} | ${r.timestamp} |`),
    );
  }
  if (outcome.kind === 'result') for (const warning of outcome.warnings) out.push('', l10n('Warning: {0}', warning));
  return `${out.join('\n')}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

/** The result view's page: the query, a summary, the table; no scripts (the CSP forbids them). */
export function resultHtml(query: string, outcome: QueryOutcome, baseUrl: string, source?: string): string {
  const summary = summaryOf(outcome, baseUrl);
  const failed = outcome.kind !== 'result';
  const rows = outcome.kind === 'result' ? resultRows(outcome.samples) : [];
  const table = rows.length
    ? `<table><thead><tr><th>${escapeHtml(l10n('Series'))}</th><th class="num">${escapeHtml(l10n('Value'))}</th><th>${escapeHtml(l10n('Timestamp'))}</th></tr></thead><tbody>${rows
        .map((r) => `<tr><td class="series">${escapeHtml(r.series)}</td><td class="num">${escapeHtml(r.value)}</td><td>${escapeHtml(r.timestamp)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const warnings = outcome.kind === 'result' ? outcome.warnings.map((w) => `<p class="warning">${escapeHtml(l10n('Warning: {0}', w))}</p>`).join('') : '';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(displayLanguage())}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<title>${escapeHtml(l10n('Prometheus result'))}</title>
<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1em; }
pre.query { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: .5em; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-panel-border, #8884); vertical-align: top; }
td.series { font-family: var(--vscode-editor-font-family); word-break: break-all; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.summary.failed { color: var(--vscode-errorForeground); font-weight: bold; }
.meta { opacity: .75; }
</style></head>
<body>
<h2>${escapeHtml(l10n('Prometheus result'))}</h2>
<p class="meta">${escapeHtml(baseUrl)}${source ? ` · ${escapeHtml(source)}` : ''}</p>
<pre class="query">${escapeHtml(query)}</pre>
<p class="summary${failed ? ' failed' : ''}">${escapeHtml(summary)}</p>
${warnings}${table}
</body></html>`;
}
