/**
 * `alertmanager/config`: named time intervals as Alertmanager parses them —
 * unique names (across `time_intervals` and `mute_time_intervals`), `HH:MM`
 * times with start before end, weekdays, days of the month, months and years
 * as values or `a:b` ranges in order, and a known time zone.
 */
import type { Finding } from '../base/types';
import type { Scalar, YAMLMap } from 'yaml';
import type { FileCheck } from '../workspace/fileKind';
import { CONFIG_CODE, configError } from './codes';
import { say } from './messages';
import { mapsAt, scalarAt, scalarsAt, text, timeIntervalsOf, type AlertmanagerFile } from './model';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const TIME = /^(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;

export function checkTimeIntervals(file: AlertmanagerFile): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const interval of timeIntervalsOf(file)) {
    if (seen.has(interval.name)) findings.push(configError(interval.nameNode, say('duplicateTimeInterval', { name: interval.name })));
    seen.add(interval.name);
  }
  for (const list of ['mute_time_intervals', 'time_intervals']) {
    for (const { node: named } of mapsAt(file.root, list)) {
      for (const { node } of mapsAt(named, 'time_intervals')) {
        for (const { node: range } of mapsAt(node, 'times')) findings.push(...checkTimes(range));
        for (const item of scalarsAt(node, 'weekdays')) findings.push(...checkRange(item, 'weekdays', weekday));
        for (const item of scalarsAt(node, 'days_of_month')) findings.push(...checkDaysOfMonth(item));
        for (const item of scalarsAt(node, 'months')) findings.push(...checkRange(item, 'months', month));
        for (const item of scalarsAt(node, 'years')) findings.push(...checkRange(item, 'years', integer));
        const location = scalarAt(node, 'location');
        if (location && !isTimeZone(text(location))) findings.push(configError(location, say('badLocation', { value: text(location) })));
      }
    }
  }
  return findings;
}

function checkTimes(range: YAMLMap): Finding[] {
  const start = scalarAt(range, 'start_time');
  const end = scalarAt(range, 'end_time');
  const findings: Finding[] = [];
  for (const time of [start, end]) if (time && !TIME.test(text(time))) findings.push(configError(time, say('badTime', { value: text(time) })));
  if (findings.length > 0) return findings;
  if (!start || !end) return [configError((range.items[0]?.key as Scalar | undefined) ?? range, say('timeBoth'))];
  if (minutes(text(start)) >= minutes(text(end))) return [configError(start, say('timeOrder', { start: text(start), end: text(end) }))];
  return [];
}

function minutes(time: string): number {
  const [hours, mins] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (mins ?? 0);
}

const weekday = (value: string): number | undefined => (WEEKDAYS.includes(value) ? WEEKDAYS.indexOf(value) : undefined);
const month = (value: string): number | undefined => (MONTHS.includes(value) ? MONTHS.indexOf(value) + 1 : integer(value));
/** Go's strconv.Atoi: an optional sign and decimal digits. */
const integer = (value: string): number | undefined => (/^[+-]?\d+$/.test(value) ? Number(value) : undefined);

const EXPECTED: Record<string, string> = {
  weekdays: 'a weekday (monday) or a range (monday:friday)',
  months: 'a month (january or 1) or a range (january:march)',
  years: 'a year (2024) or a range (2024:2026)',
  days_of_month: 'a day (1, -1 for the last) or a range (1:5)',
};

/** `value` or `begin:end`, each a member; begin not after end. */
function parseRange(item: Scalar, member: (value: string) => number | undefined): [number, number] | undefined {
  const value = text(item).toLowerCase();
  const parts = value.split(':');
  if (parts.length > 2) return undefined;
  const begin = member(parts[0] ?? '');
  const end = member(parts[parts.length - 1] ?? '');
  return begin === undefined || end === undefined ? undefined : [begin, end];
}

function checkRange(item: Scalar, key: string, member: (value: string) => number | undefined): Finding[] {
  const range = parseRange(item, member);
  if (!range) return [configError(item, say('badRange', { key, value: text(item), expected: EXPECTED[key] ?? '' }))];
  if (range[0] > range[1]) return [configError(item, say('rangeOrder', { key, value: text(item) }))];
  return [];
}

function checkDaysOfMonth(item: Scalar): Finding[] {
  const range = parseRange(item, integer);
  const expected = EXPECTED.days_of_month ?? '';
  if (!range || range.some((day) => day === 0 || day < -31 || day > 31)) return [configError(item, say('badRange', { key: 'days_of_month', value: text(item), expected }))];
  const [begin, end] = range;
  if (begin < 0 && end > 0) return [configError(item, say('badRange', { key: 'days_of_month', value: text(item), expected }))];
  if ((begin < 0 ? 28 + begin : begin) > (end < 0 ? 28 + end : end)) return [configError(item, say('rangeOrder', { key: 'days_of_month', value: text(item) }))];
  return [];
}

/** Go's time.LoadLocation: "" and UTC, Local, or a zone of the tz database, its name's case as written there. */
function isTimeZone(name: string): boolean {
  if (name === '' || name === 'UTC' || name === 'Local') return true;
  if (name.toLowerCase() === 'utc' || name.toLowerCase() === 'local') return false;
  const canonical = Intl.supportedValuesOf('timeZone').find((zone) => zone.toLowerCase() === name.toLowerCase());
  if (canonical !== undefined) return canonical === name;
  try {
    // An alias (US/Eastern, EST): Intl knows it, whatever its case.
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const alertmanagerTimeIntervalsCheck: FileCheck<AlertmanagerFile> = {
  meta: {
    name: 'alertmanager/timeIntervals',
    on: 'file',
    fileKinds: ['alertmanager'],
    description: 'time intervals as Alertmanager parses them: unique names, HH:MM times in order, weekday, day, month and year ranges, time zones',
    codes: [CONFIG_CODE],
  },
  run: (file) => checkTimeIntervals(file),
};
