/**
 * The server's and the CLI's messages in the user's language. One process
 * speaks one language: the server takes the client's locale at initialize,
 * the CLI takes `--locale` (else LANG / LC_ALL). Checks call `t(key, params)`;
 * the tables are typed so every language has every message with the same
 * parameters. English is the fallback for any locale without a table.
 *
 * Adopted so far by config/ (schema, policy) and the CLI; other areas move
 * their messages here when they are translated.
 */
import { en, type Messages } from './en';
import { ja } from './ja';

export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

const TABLES: Record<Locale, Messages> = { en, ja };

/** The process's language: one for the whole process, by design (the server's client, the CLI's --locale), not a cache. */
let current: Locale = 'en';

/** Maps a BCP 47 tag or POSIX locale (`ja`, `ja-JP`, `ja_JP.UTF-8`) to one we speak; English otherwise. */
export function resolveLocale(tag: string | undefined): Locale {
  const language =
    (tag ?? '')
      .trim()
      .toLowerCase()
      .split(/[-_.@]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'en';
}

/**
 * Sets the language of every message from now on; returns the one chosen. Caches of messages already
 * said make themselves anew when it changes (base/caches.ts, with `getLocale` as their stamp).
 */
export function setLocale(tag: string | undefined): Locale {
  current = resolveLocale(tag);
  return current;
}

export function getLocale(): Locale {
  return current;
}

export type MessageKey = keyof Messages;
export type MessageParams<K extends MessageKey> = Parameters<Messages[K]>;

/** The message `key` in the current language. */
export function t<K extends MessageKey>(key: K, ...params: MessageParams<K>): string {
  return localize(current, key, ...params);
}

/** The message `key` in a given language (SARIF rule help, tests). */
export function localize<K extends MessageKey>(locale: Locale, key: K, ...params: MessageParams<K>): string {
  const message = TABLES[locale][key] as (...args: MessageParams<K>) => string;
  return heard(locale, message(...params));
}

/** The recorder of recordSaid (a test), if one is listening. */
let listener: ((locale: Locale, text: string) => void) | undefined;

/**
 * Calls `record` with every message said from now on (and the table it came from), until the
 * returned function is called: the test that finds messages said outside the Japanese tables.
 */
export function recordSaid(record: (locale: Locale, text: string) => void): () => void {
  listener = record;
  return () => {
    listener = undefined;
  };
}

function heard(locale: Locale, text: string): string {
  listener?.(locale, text);
  return text;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each message's own parameters are kept by the generic
type MessageTable = Record<string, (...args: any[]) => string>;

/** A table of messages kept next to the code that says them; every language has the same keys with the same parameters. */
export interface AreaMessages<T extends MessageTable> {
  en: T;
  ja: { [K in keyof T]: T[K] };
}

/** Every area's table, for the test that finds a language's gaps (l10n.test.ts). */
export const AREA_MESSAGES: { name: string; tables: AreaMessages<MessageTable> }[] = [];

/**
 * Messages of one area, next to its checks (`const say = messages('prometheus/config', { en: {…}, ja: {…} })`,
 * then `say('key', params)`): said in the current language, English for any other.
 */
export function messages<T extends MessageTable>(name: string, tables: AreaMessages<T>): <K extends keyof T & string>(key: K, ...params: Parameters<T[K]>) => string {
  AREA_MESSAGES.push({ name, tables });
  return (key, ...params) => {
    const table: T = current === 'ja' ? tables.ja : tables.en;
    return heard(current, (table[key] as (...args: Parameters<T[typeof key]>) => string)(...params));
  };
}
