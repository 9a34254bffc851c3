/** What `k1s0 check` was asked to do. */
export interface CheckOptions {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  /** Code prefixes to keep (`config/`, `promql`); empty keeps all. */
  select: string[];
}

export type ParsedArgs = { command: 'check'; options: CheckOptions } | { command: 'help' } | { command: 'version' } | { command: 'error'; reason: string };

export const USAGE = `Usage: k1s0 check [PATH...] [--format text|json|sarif] [--select PREFIX,...]

Checks k1s0 config.yaml observability sections (and the other k1s0 files the
extension knows) under each PATH (default: the current directory).
Directories are walked; node_modules and .git are skipped.

Exit status: 0 no error, 1 at least one error-severity diagnostic, 2 usage or I/O problem.`;

const FORMATS = ['text', 'json', 'sarif'] as const;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command !== 'check') return { command: 'error', reason: `unknown command "${command}" (expected "check")` };

  const options: CheckOptions = { paths: [], format: 'text', select: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--help' || flag === '-h') return { command: 'help' };
    if (flag === '--format' || flag === '--select') {
      const value = inlineValue ?? rest[++i];
      if (value === undefined || value === '') return { command: 'error', reason: `${flag} needs a value` };
      if (flag === '--format') {
        if (!(FORMATS as readonly string[]).includes(value)) return { command: 'error', reason: `unknown format "${value}" (expected text, json or sarif)` };
        options.format = value as CheckOptions['format'];
      } else {
        options.select.push(...value.split(',').map((part) => part.trim()).filter(Boolean));
      }
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') return { command: 'error', reason: `unknown option "${arg}"` };
    options.paths.push(arg);
  }
  if (options.paths.length === 0) options.paths.push('.');
  return { command: 'check', options };
}

/** Whether a code is kept by --select: a prefix matches at a `/` boundary or in full. */
export function isSelected(code: string, select: readonly string[]): boolean {
  if (select.length === 0) return true;
  return select.some((prefix) => {
    const bare = prefix.replace(/\/$/, '');
    return code === bare || code.startsWith(`${bare}/`);
  });
}
