import { LOCALES, t, type Locale } from '../l10n';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** What `k1s0-obs check` was asked to do. */
export interface CheckOptions {
  paths: string[];
  format: Format;
  /** Code prefixes to keep (`config/`, `promql`); empty keeps all. */
  select: string[];
  /** Code prefixes to drop; applied after select. */
  ignore: string[];
  /** More warnings than this fail the run (exit 1); undefined: no limit. */
  maxWarnings?: number;
  /** The lint configuration file named with --config (else it is looked for). */
  config?: string;
  /** --locale, when given. */
  locale?: Locale;
  /** --jobs: threads to check with (undefined: one per core for big inputs). */
  jobs?: number;
}

/** What `k1s0-obs slo` was asked to do. */
export interface SloOptions {
  paths: string[];
  format: 'text' | 'json';
}

/** `k1s0-obs slo --help` in the current locale. */
export function sloUsage(): string {
  return t('cli.sloUsage');
}

/** What `k1s0-obs rules` was asked to do. */
export interface RulesOptions {
  format: 'text' | 'json';
}

/** `k1s0-obs rules --help` in the current locale. */
export function rulesUsage(): string {
  return t('cli.rulesUsage');
}

export type ParsedArgs =
  | { command: 'check'; options: CheckOptions }
  | { command: 'slo'; options: SloOptions }
  | { command: 'rules'; options: RulesOptions }
  | { command: 'rules-help' }
  | { command: 'slo-help' }
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'error'; reason: string };

/** The usage text in the current locale. */
export function usage(): string {
  return t('cli.usage');
}

const WITH_VALUE = new Set(['--format', '--select', '--ignore', '--max-warnings', '--config', '--locale', '--jobs']);

/**
 * The value of --locale in argv, read before anything else so that even the
 * usage errors are said in that language; undefined when absent or unknown
 * (parseArgs reports an unknown one).
 */
export function localeArg(argv: readonly string[]): Locale | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = arg.startsWith('--locale=') ? arg.slice('--locale='.length) : arg === '--locale' ? argv[i + 1] : undefined;
    if (value !== undefined && (LOCALES as readonly string[]).includes(value)) return value as Locale;
  }
  return undefined;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command === 'slo') return parseSloArgs(rest);
  if (command === 'rules') return parseRulesArgs(rest);
  if (command !== 'check') return { command: 'error', reason: t('cli.unknownCommand', { command }) };

  const options: CheckOptions = { paths: [], format: 'text', select: [], ignore: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--help' || flag === '-h') return { command: 'help' };
    if (WITH_VALUE.has(flag)) {
      const value = inlineValue ?? rest[++i];
      if (value === undefined || value === '') return { command: 'error', reason: t('cli.needsValue', { flag }) };
      switch (flag) {
        case '--format':
          if (!(FORMATS as readonly string[]).includes(value)) return { command: 'error', reason: t('cli.unknownFormat', { value, formats: FORMATS }) };
          options.format = value as Format;
          break;
        case '--select':
        case '--ignore':
          (flag === '--select' ? options.select : options.ignore).push(
            ...value
              .split(',')
              .map((part) => part.trim())
              .filter(Boolean),
          );
          break;
        case '--max-warnings':
          if (!/^\d+$/.test(value)) return { command: 'error', reason: t('cli.notACount', { flag, value }) };
          options.maxWarnings = Number(value);
          break;
        case '--jobs':
          if (!/^[1-9]\d*$/.test(value)) return { command: 'error', reason: t('cli.notAPositiveCount', { flag, value }) };
          options.jobs = Number(value);
          break;
        case '--config':
          options.config = value;
          break;
        case '--locale':
          if (!(LOCALES as readonly string[]).includes(value)) return { command: 'error', reason: t('cli.unknownLocale', { value, locales: LOCALES }) };
          options.locale = value as Locale;
          break;
      }
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') return { command: 'error', reason: t('cli.unknownOption', { option: arg }) };
    options.paths.push(arg);
  }
  if (options.paths.length === 0) options.paths.push('.');
  return { command: 'check', options };
}

/** Whether a code matches a prefix list: a prefix matches at a `/` boundary or in full. */
export function matchesPrefix(code: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => {
    const bare = prefix.replace(/\/$/, '');
    return code === bare || code.startsWith(`${bare}/`);
  });
}

/** Whether a code is kept by --select (empty keeps all) and not dropped by --ignore. */
export function isSelected(code: string, select: readonly string[], ignore: readonly string[] = []): boolean {
  return (select.length === 0 || matchesPrefix(code, select)) && !matchesPrefix(code, ignore);
}

/** `slo [PATH...] [--format text|json]` (--locale is accepted: it was read before). */
function parseSloArgs(rest: readonly string[]): ParsedArgs {
  const paths: string[] = [];
  const read = readFormatArgs(rest, 'slo-help', (arg) => paths.push(arg));
  if ('command' in read) return read;
  return { command: 'slo', options: { paths: paths.length ? paths : ['.'], format: read.format } };
}

/** `rules [--format text|json]`: no paths. */
function parseRulesArgs(rest: readonly string[]): ParsedArgs {
  const read = readFormatArgs(rest, 'rules-help');
  return 'command' in read ? read : { command: 'rules', options: { format: read.format } };
}

/**
 * The flags `slo` and `rules` share: `--format text|json`, `--locale` (already applied by
 * localeArg, checked here) and `--help`. A positional argument goes to `positional`, or is
 * an unknown option when the command takes none.
 */
function readFormatArgs(rest: readonly string[], help: 'slo-help' | 'rules-help', positional?: (arg: string) => void): { format: 'text' | 'json' } | ParsedArgs {
  let format: 'text' | 'json' = 'text';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--help' || flag === '-h') return { command: help };
    if (flag === '--format' || flag === '--locale') {
      const value = inlineValue ?? rest[++i];
      if (value === undefined || value === '') return { command: 'error', reason: t('cli.needsValue', { flag }) };
      if (flag === '--locale') {
        if (!(LOCALES as readonly string[]).includes(value)) return { command: 'error', reason: t('cli.unknownLocale', { value, locales: LOCALES }) };
        continue;
      }
      if (value !== 'text' && value !== 'json') return { command: 'error', reason: t('cli.unknownFormat', { value, formats: ['text', 'json'] }) };
      format = value;
      continue;
    }
    if (!positional || (arg.startsWith('-') && arg !== '-')) return { command: 'error', reason: t('cli.unknownOption', { option: arg }) };
    positional(arg);
  }
  return { format };
}
