// The least any Node.js check of rule files costs: start Node, read the files and parse
// every `expr` with lezer-promql. Expressions are picked out by their lines (one-line
// values and `|` blocks), cheaper than reading the YAML; nothing is checked. bench/run.ts
// times this next to `dist/cli.js check` and promtool.
'use strict';
const { readFileSync } = require('node:fs');
const { parser } = require('@prometheus-io/lezer-promql');

function expressions(text) {
  const found = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^\s*(?:- )?expr: (.*)$/.exec(lines[i]);
    if (!match) continue;
    const value = match[1].trim();
    if (value === '|' || value === '|-' || value === '>' || value === '>-') {
      const body = [];
      const indent = /^ */.exec(lines[i + 1] ?? '')[0].length;
      while (i + 1 < lines.length && (lines[i + 1].trim() === '' || /^ */.exec(lines[i + 1])[0].length >= indent)) body.push(lines[++i].slice(indent));
      found.push(body.join('\n'));
    } else if (value.startsWith('"')) {
      try {
        found.push(JSON.parse(value));
      } catch {
        found.push(value.slice(1, -1));
      }
    } else found.push(value.startsWith("'") ? value.slice(1, -1).replaceAll("''", "'") : value);
  }
  return found;
}

let nodes = 0;
for (const file of process.argv.slice(2)) for (const expr of expressions(readFileSync(file, 'utf8'))) nodes += parser.parse(expr).length;
process.exitCode = nodes > 0 ? 0 : 1;
