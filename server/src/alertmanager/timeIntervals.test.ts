import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnoseCode } from './testSupport';

const CONFIG = 'alertmanager/config';
const E = 'error';

test('time intervals: each bound of times, weekdays, days, months and years as timeinterval.go reads them; time zones in the tz database’s case; names unique across both lists', () => {
  // Alertmanager bounds neither months (13 and 0 load) nor years.
  const text = [
    'route:',
    '  receiver: a',
    'receivers:',
    '  - name: a',
    'time_intervals:',
    '  - name: x',
    '    time_intervals:',
    "      - times: [{start_time: '00:00', end_time: '24:00'}, {start_time: '10:00', end_time: '10:00'}, {end_time: '11:00'}, {}]",
    "        weekdays: ['sunday:saturday', 'saturday:sunday', 'monday:tuesday:friday', 'MONDAY']",
    "        days_of_month: ['-31', '31', '32', '-32', '-3:-1', '-1:-3', '1:-1', '27:-3', '5']",
    "        months: ['1:12', '12:1', 'May', '13', '0', 'december']",
    "        years: ['2024:2024', '-1', 'x']",
    "        location: ''",
    '      - location: UTC',
    '      - location: Local',
    '      - location: utc',
    '      - location: asia/tokyo',
    '      - location: US/Eastern',
    '      - location: Asia/Tokyo',
    'mute_time_intervals:',
    '  - name: x',
    '  - name: y',
    '',
  ].join('\n');
  assert.deepEqual(diagnoseCode(CONFIG, text), [
    [CONFIG, E, 5, 10, 11, 'Time interval "x" is not unique.'],
    [CONFIG, E, 7, 71, 78, 'The time range 10:00\u201310:00 is empty: start_time must be before end_time.'],
    [CONFIG, E, 7, 101, 109, 'A time range needs both start_time and end_time.'],
    [CONFIG, E, 7, 121, 123, 'A time range needs both start_time and end_time.'],
    [CONFIG, E, 8, 38, 55, 'The weekdays range "saturday:sunday" ends before it starts.'],
    [CONFIG, E, 8, 57, 80, 'Invalid weekdays "monday:tuesday:friday": expected a weekday (monday) or a range (monday:friday).'],
    [CONFIG, E, 9, 37, 41, 'Invalid days_of_month "32": expected a day (1, -1 for the last) or a range (1:5).'],
    [CONFIG, E, 9, 43, 48, 'Invalid days_of_month "-32": expected a day (1, -1 for the last) or a range (1:5).'],
    [CONFIG, E, 9, 59, 66, 'The days_of_month range "-1:-3" ends before it starts.'],
    [CONFIG, E, 9, 76, 83, 'The days_of_month range "27:-3" ends before it starts.'],
    [CONFIG, E, 10, 25, 31, 'The months range "12:1" ends before it starts.'],
    [CONFIG, E, 11, 35, 38, 'Invalid years "x": expected a year (2024) or a range (2024:2026).'],
    [CONFIG, E, 15, 18, 21, 'Unknown time zone "utc" (an IANA name such as Asia/Tokyo or UTC).'],
    [CONFIG, E, 16, 18, 28, 'Unknown time zone "asia/tokyo" (an IANA name such as Asia/Tokyo or UTC).'],
  ]);
});
