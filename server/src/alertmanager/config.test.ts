import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, diagnoseCode, fixesOf, fixture, PATH } from './testSupport';

const CONFIG = 'alertmanager/config';
const E = 'error';

test("the design's alertmanager.yml is silent", () => {
  assert.deepEqual(diagnose(PATH, fixture('design-alertmanager.yml')), []);
});

test('the root route: a default receiver, no matchers, no time intervals', () => {
  const text = 'route:\n  group_by: [alertname]\n  matchers: [severity="critical"]\n  match: {a: b}\n  mute_time_intervals: [x]\nreceivers:\n  - name: a\ntime_intervals:\n  - name: x\n';
  assert.deepEqual(diagnoseCode(CONFIG, text), [
    [CONFIG, E, 0, 0, 5, 'The root route must name a default receiver in `receiver`: alerts no child route matches go there.'],
    [CONFIG, E, 2, 2, 10, 'The root route must not have matchers (matchers): every alert enters it.'],
    [CONFIG, E, 3, 2, 7, 'The root route must not have matchers (match): every alert enters it.'],
    [CONFIG, E, 4, 2, 21, 'The root route must not have mute_time_intervals: set it on a child route.'],
  ]);
});

test('receivers: defined (with a did-you-mean fix), unique, named; webhook URLs as Alertmanager parses them', () => {
  const text = [
    'route:',
    '  receiver: a',
    '  routes:',
    '    - receiver: teams-opz',
    '    - receiver: nobody',
    'receivers:',
    '  - name: a',
    '  - name: teams-ops',
    '  - name: a',
    '  - name: ""',
    '    webhook_configs:',
    '      - send_resolved: true',
    '      - url: prometheus-msteams:2000/x',
    '      - url: ftp://h/x',
    '      - url: http:///x',
    '      - url: "http://a b/"',
    '',
  ].join('\n');
  assert.deepEqual(diagnoseCode(CONFIG, text), [
    [CONFIG, E, 3, 16, 25, 'Undefined receiver "teams-opz" used in route.routes[0]. Did you mean "teams-ops"? Receivers: a, teams-ops.'],
    [CONFIG, E, 4, 16, 22, 'Undefined receiver "nobody" used in route.routes[1]. Receivers: a, teams-ops.'],
    [CONFIG, E, 8, 10, 11, 'Receiver name "a" is not unique: receivers[0] has it already.'],
    [CONFIG, E, 9, 10, 12, 'receivers[3].name is empty: give it a name.'],
    [CONFIG, E, 11, 8, 21, 'receivers[3].webhook_configs[0] needs a url: where the alerts are posted.'],
    [CONFIG, E, 12, 13, 38, 'Unsupported scheme "prometheus-msteams" in URL "prometheus-msteams:2000/x": use http or https.'],
    [CONFIG, E, 13, 13, 22, 'Unsupported scheme "ftp" in URL "ftp://h/x": use http or https.'],
    [CONFIG, E, 14, 13, 22, 'URL "http:///x" has no host.'],
    [CONFIG, E, 15, 13, 26, '"http://a b/" is not a URL.'],
  ]);
  assert.deepEqual(
    fixesOf(text).filter(([at]) => at === '3:16'),
    [['3:16', 'Use receiver "teams-ops"', ['3:16-25 → teams-ops']]],
  );
});

test('group_by labels, "..." alone, intervals that are not zero', () => {
  const text =
    'route:\n  receiver: a\n  group_by: [alertname, alertname, alert-name]\n  group_interval: 0s\n  routes:\n    - group_by: [..., service]\n      repeat_interval: 0\nreceivers:\n  - name: a\n';
  assert.deepEqual(diagnoseCode(CONFIG, text), [
    [CONFIG, E, 2, 24, 33, 'Duplicated label "alertname" in group_by.'],
    [CONFIG, E, 2, 35, 45, 'Invalid label name "alert-name" in group_by (letters, digits and _, not starting with a digit; or "..." for every label).'],
    [CONFIG, E, 3, 18, 20, 'group_interval cannot be zero.'],
    [CONFIG, E, 5, 6, 14, 'group_by has "..." (every label) and other labels: use one or the other.'],
    [CONFIG, E, 6, 23, 24, 'repeat_interval cannot be zero.'],
  ]);
});

test('matchers, match and match_re of routes and inhibit rules; equal labels', () => {
  const text = [
    'route:',
    '  receiver: a',
    '  routes:',
    `    - matchers: ['severity critical', 'service=~"auth-(.*"', 'summary="a"b"', '{tier="system", team!~"x"}']`,
    '      match: {0sev: x}',
    '      match_re: {service: "[a-"}',
    'receivers:',
    '  - name: a',
    'inhibit_rules:',
    `  - source_matchers: ['severity=~"(critical"']`,
    '    target_match_re: {x: "(" }',
    '    equal: [alert-name, service]',
    '',
  ].join('\n');
  assert.deepEqual(diagnoseCode(CONFIG, text), [
    [CONFIG, E, 3, 17, 36, 'Bad matcher "severity critical": expected name=value, name!=value, name=~regex or name!~regex.'],
    [CONFIG, E, 3, 38, 59, 'Matcher "service=~"auth-(.*"": invalid regex: error parsing regexp: missing closing ): `^(?:auth-(.*)$`.'],
    [CONFIG, E, 3, 61, 76, 'Matcher "summary="a"b"": its value has an unescaped double quote (write \\" inside a quoted value).'],
    [CONFIG, E, 4, 14, 18, 'Invalid label name "0sev" in match.'],
    [CONFIG, E, 5, 26, 31, 'match_re.service: invalid regex "[a-": error parsing regexp: invalid character class range: `a-)`.'],
    [CONFIG, E, 9, 22, 45, 'Matcher "severity=~"(critical"": invalid regex: error parsing regexp: missing closing ): `^(?:(critical)$`.'],
    [CONFIG, E, 10, 25, 28, 'target_match_re.x: invalid regex "(": error parsing regexp: missing closing ): `^(?:()$`.'],
    [CONFIG, E, 11, 12, 22, 'Invalid label name "alert-name" in equal.'],
  ]);
});

test('time intervals: defined (with a did-you-mean fix), unique, and each field as Alertmanager parses it', () => {
  const text = [
    'route:',
    '  receiver: a',
    '  routes:',
    '    - receiver: a',
    '      mute_time_intervals: [nigths, office]',
    'receivers:',
    '  - name: a',
    'time_intervals:',
    '  - name: nights',
    '    time_intervals:',
    "      - times: [{start_time: '18:00', end_time: '09:00'}, {start_time: '9:00', end_time: '25:00'}, {start_time: '10:00'}]",
    "        weekdays: ['monday:fryday', 'Saturday']",
    "        days_of_month: ['0:5', '-3:-1', '-1:5', '10:3']",
    "        months: ['march:january', '13x', 'May']",
    "        years: ['2030:2020', '2024']",
    '        location: Asia/Atlantis',
    '  - name: nights',
    'mute_time_intervals:',
    '  - name: office',
    '',
  ].join('\n');
  const days = 'expected a day (1, -1 for the last) or a range (1:5).';
  assert.deepEqual(diagnoseCode(CONFIG, text), [
    [CONFIG, E, 4, 28, 34, 'Undefined time interval "nigths" used in route.routes[0].mute_time_intervals. Did you mean "nights"? Time intervals: office, nights.'],
    [CONFIG, E, 10, 29, 36, 'The time range 18:00–09:00 is empty: start_time must be before end_time.'],
    [CONFIG, E, 10, 71, 77, 'Invalid time "9:00": HH:MM from 00:00 to 24:00.'],
    [CONFIG, E, 10, 89, 96, 'Invalid time "25:00": HH:MM from 00:00 to 24:00.'],
    [CONFIG, E, 10, 100, 110, 'A time range needs both start_time and end_time.'],
    [CONFIG, E, 11, 19, 34, 'Invalid weekdays "monday:fryday": expected a weekday (monday) or a range (monday:friday).'],
    [CONFIG, E, 12, 24, 29, `Invalid days_of_month "0:5": ${days}`],
    [CONFIG, E, 12, 40, 46, `Invalid days_of_month "-1:5": ${days}`],
    [CONFIG, E, 12, 48, 54, 'The days_of_month range "10:3" ends before it starts.'],
    [CONFIG, E, 13, 17, 32, 'The months range "march:january" ends before it starts.'],
    [CONFIG, E, 13, 34, 39, 'Invalid months "13x": expected a month (january or 1) or a range (january:march).'],
    [CONFIG, E, 14, 16, 27, 'The years range "2030:2020" ends before it starts.'],
    [CONFIG, E, 15, 18, 31, 'Unknown time zone "Asia/Atlantis" (an IANA name such as Asia/Tokyo or UTC).'],
    [CONFIG, E, 16, 10, 16, 'Time interval "nights" is not unique.'],
  ]);
  assert.deepEqual(
    fixesOf(text).filter(([at]) => at === '4:28'),
    [['4:28', 'Use time interval "nights"', ['4:28-34 → nights']]],
  );
});

test('structure: unknown keys with a did-you-mean fix, types, durations, ranges, exclusive keys, enums; template globs', () => {
  const text = [
    'route:',
    '  receiver: a',
    '  group_wiat: 30s',
    '  group_interval: 30',
    '  continue: sometimes',
    'receivers:',
    '  - name: a',
    '    webhook_configs:',
    '      - url: http://prometheus-msteams:2000/x',
    '        send_resolve: true',
    '        max_alerts: -1',
    '        http_config:',
    '          basic_auth: {username: u}',
    '          authorization: {credentials: c}',
    '          tls_config: {min_version: TLS14}',
    'inhibit_rule: []',
    "templates: ['/etc/[.tmpl']",
    '',
  ].join('\n');
  const routeKeys = 'receiver, group_by, continue, matchers, match, match_re, mute_time_intervals, active_time_intervals, group_wait, group_interval, repeat_interval, routes';
  assert.deepEqual(diagnoseCode(CONFIG, text), [
    [CONFIG, E, 2, 2, 12, `Unknown key "group_wiat" in route. Did you mean "group_wait"? Allowed keys: ${routeKeys}.`],
    [CONFIG, E, 3, 18, 20, 'route.group_interval: "30" is not a duration (units y w d h m s ms in that order, e.g. 30s, 1m30s or 2h).'],
    [CONFIG, E, 4, 12, 21, 'route.continue must be a boolean (true or false); got string "sometimes".'],
    [CONFIG, E, 9, 8, 20, 'Unknown key "send_resolve" in receivers[0].webhook_configs[0]. Did you mean "send_resolved"? Allowed keys: send_resolved, http_config, url, max_alerts.'],
    [CONFIG, E, 10, 20, 22, 'receivers[0].webhook_configs[0].max_alerts must be at least 0; got -1.'],
    [CONFIG, E, 13, 10, 23, 'receivers[0].webhook_configs[0].http_config sets basic_auth, authorization: at most one of them may be set.'],
    [CONFIG, E, 14, 36, 41, 'receivers[0].webhook_configs[0].http_config.tls_config.min_version must be one of TLS10, TLS11, TLS12, TLS13; got "TLS14". Did you mean "TLS10"?'],
    [
      CONFIG,
      E,
      15,
      0,
      12,
      'Unknown key "inhibit_rule" in (top level). Did you mean "inhibit_rules"? Allowed keys: global, route, receivers, inhibit_rules, templates, time_intervals, mute_time_intervals.',
    ],
    [CONFIG, E, 16, 12, 25, 'templates: "/etc/[.tmpl" is not a valid glob pattern.'],
  ]);
  assert.deepEqual(
    fixesOf(text).filter(([, title]) => title.startsWith('Rename') || title.startsWith('Change')),
    [
      ['2:2', 'Rename to "group_wait"', ['2:2-12 → group_wait']],
      ['9:8', 'Rename to "send_resolved"', ['9:8-20 → send_resolved']],
      ['14:36', 'Change to "TLS10"', ['14:36-41 → TLS10']],
      ['15:0', 'Rename to "inhibit_rules"', ['15:0-12 → inhibit_rules']],
    ],
  );
});

test('structure: a YAML merge key (<<) is no unknown key', () => {
  assert.deepEqual(diagnoseCode(CONFIG, 'route:\n  receiver: a\n  <<: {group_wait: 30s}\nreceivers:\n  - name: a\n    <<: {}\n'), []);
});

test('valid files are silent: every matcher form, group_by "...", time intervals, inhibit rules', () => {
  const text = [
    'route:',
    '  receiver: teams',
    "  group_by: ['...']",
    '  routes:',
    `    - matchers: ['{severity=~"critical|warning", team!="ops"}', 'service!~auth.*', 'env = prod', 'summary="a \\"b\\", c"']`,
    '      receiver: teams',
    '      continue: true',
    '      mute_time_intervals: [nights]',
    '      active_time_intervals: [office]',
    '    - match: {severity: critical}',
    "      match_re: {service: 'auth-.*'}",
    '      receiver: teams',
    'receivers:',
    '  - name: teams',
    '    webhook_configs:',
    '      - url: http://prometheus-msteams:2000/ops',
    'inhibit_rules:',
    '  - source_matchers: [severity="critical"]',
    '    target_matchers: [severity="warning"]',
    '    equal: [alertname]',
    'time_intervals:',
    '  - name: office',
    '    time_intervals:',
    "      - weekdays: ['monday:friday']",
    "        times: [{start_time: '09:00', end_time: '24:00'}]",
    "        days_of_month: ['1:7', '-3:-1']",
    "        months: ['january:march', '12']",
    "        years: ['2024:2030']",
    '        location: Asia/Tokyo',
    'mute_time_intervals:',
    '  - name: nights',
    "templates: ['templates/*.tmpl']",
    '',
  ].join('\n');
  assert.deepEqual(diagnose(PATH, text), []);
});

test('notifiers k1s0 does not use still get what Alertmanager requires: email, Slack, PagerDuty, Opsgenie, OAuth 2.0, URLs, interval names', () => {
  const text = [
    "global: {slack_api_url: 'ftp://hooks/x', smtp_smarthost: smtp}",
    'route:',
    '  receiver: a',
    'receivers:',
    '  - name: a',
    '    email_configs: [{from: b@example.com}, {to: x@y, smarthost: "h:"}]',
    "    slack_configs: [{channel: '#ops', api_url: 'http://'}]",
    '    pagerduty_configs: [{client: x}]',
    '    opsgenie_configs: [{message: down}]',
    '    webhook_configs:',
    '      - url: http://prometheus-msteams:2000/ops',
    '        http_config:',
    '          oauth2: {client_id: a}',
    'time_intervals:',
    "  - name: ''",
    '',
  ].join('\n');
  const hostPort = (value: string) => `"${value}" is not host:port (the port is required, e.g. smtp.example.com:587).`;
  assert.deepEqual(diagnoseCode(CONFIG, text), [
    [CONFIG, E, 0, 24, 39, 'Unsupported scheme "ftp" in URL "ftp://hooks/x": use http or https.'],
    [CONFIG, E, 0, 57, 61, hostPort('smtp')],
    [CONFIG, E, 5, 21, 25, 'receivers[0].email_configs[0] is missing "to".'],
    [CONFIG, E, 5, 44, 46, 'receivers[0].email_configs[1] is missing "from", and global.smtp_from does not set a default.'],
    [CONFIG, E, 5, 64, 68, hostPort('h:')],
    [CONFIG, E, 6, 47, 56, 'URL "http://" has no host.'],
    [CONFIG, E, 7, 25, 31, 'receivers[0].pagerduty_configs[0] is missing "routing_key" or "service_key".'],
    [CONFIG, E, 8, 24, 31, 'receivers[0].opsgenie_configs[0] is missing "api_key", and global.opsgenie_api_key does not set a default.'],
    [CONFIG, E, 12, 10, 16, 'receivers[0].webhook_configs[0].http_config.oauth2 is missing "token_url".'],
    [CONFIG, E, 12, 19, 28, 'oauth2 is missing "client_secret" or "client_secret_file".'],
    [CONFIG, E, 14, 10, 12, 'time_intervals[0].name is empty: give the time interval a name.'],
  ]);
});

test('route: with nothing after it, and an empty child route (Alertmanager 0.25 crashes on it)', () => {
  assert.deepEqual(diagnoseCode(CONFIG, 'route:\nreceivers:\n  - name: a\n'), [[CONFIG, E, 0, 0, 5, 'No `route`: Alertmanager needs a routing tree whose root names the default receiver.']]);
  assert.deepEqual(diagnoseCode(CONFIG, 'route:\n  receiver: a\n  routes:\n    -\n    - receiver: a\nreceivers:\n  - name: a\n'), [
    [CONFIG, E, 2, 2, 8, 'An empty route in routes: Alertmanager 0.25 crashes on it (amtool check-config panics). Remove the item or give it a receiver or matchers.'],
  ]);
});

test('an empty receiver or notifier item (Alertmanager 0.25 crashes on it), said on its list', () => {
  const crash = (key: string) => `${key} has an empty item: Alertmanager 0.25 crashes on it (amtool check-config panics). Remove it.`;
  assert.deepEqual(diagnoseCode(CONFIG, 'route:\n  receiver: a\nreceivers:\n  - name: a\n    webhook_configs: [null]\n    email_configs:\n      -\n  -\n'), [
    [CONFIG, E, 2, 0, 9, crash('receivers')],
    [CONFIG, E, 4, 4, 19, crash('webhook_configs')],
    [CONFIG, E, 5, 4, 17, crash('email_configs')],
  ]);
});
