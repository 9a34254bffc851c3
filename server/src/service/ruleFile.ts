import { checkPromql } from '../promql';
import { analyzeRuleFile } from '../rules/analyze';
import type { ExprSite } from '../rules/model';
import type { Finding } from './types';
import type { ParsedYaml } from './yaml/parse';

/**
 * A Prometheus rule file's findings: its shape (rules/*) and every `expr`
 * checked as PromQL, each problem placed on its token in the document.
 * Documents of the stream that do not parse are left to yaml/syntax: the
 * parser's recovered tree would only produce echoes of the real mistake.
 */
export function checkRuleFile(text: string, parsed: ParsedYaml): Finding[] {
  const clean = parsed.documents.filter((document) => document.errors.length === 0);
  const analysis = analyzeRuleFile(text, clean);
  const findings = [...analysis.findings];
  for (const rule of analysis.rules) {
    if (rule.expr) findings.push(...checkExpression(rule.expr));
  }
  return findings;
}

/** PromQL problems of one expression, moved from expression offsets to document offsets. */
export function checkExpression(site: ExprSite): Finding[] {
  return checkPromql(site.value).map((problem) => {
    const [start, end] = site.toDocumentRange(problem.from, problem.to);
    const finding: Finding = { start, end, code: problem.code, message: problem.message, severity: problem.severity };
    if (problem.fixes?.length) {
      finding.fixes = problem.fixes.map((fix) => ({
        title: fix.title,
        edits: fix.edits.map((edit) => {
          const [editStart, editEnd] = site.toDocumentRange(edit.start, edit.end);
          return { start: editStart, end: editEnd, newText: edit.newText };
        }),
      }));
    }
    return finding;
  });
}
