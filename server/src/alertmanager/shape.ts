/**
 * alertmanager.yml as data (Alertmanager 0.25, what `amtool check-config`
 * reads): every key of the configuration, route tree, inhibit rules,
 * receivers and time intervals, with its type and what it means. Alertmanager
 * reads the file strictly, so an unknown key anywhere is an error. What needs
 * more than one value (a receiver a route names, a matcher's syntax) is a
 * check module of this area.
 */
import { bool, duration, listOf, stringMap, strings, str } from '../base/yaml/fields';
import type { Field, MapShape } from '../base/yaml/shape';

const TLS_CONFIG: MapShape = {
  type: 'map',
  doc: 'TLS settings of the connection.',
  fields: {
    ca_file: str('A file holding the CA certificate to verify the server with.'),
    cert_file: str('A file holding the client certificate.'),
    key_file: str('A file holding the client key.'),
    server_name: str('The server name to verify the certificate against.'),
    insecure_skip_verify: bool('Skip verifying the server certificate (never in prod).'),
    min_version: { shape: { type: 'string', enum: ['TLS10', 'TLS11', 'TLS12', 'TLS13'] }, doc: 'The lowest TLS version accepted.' },
    max_version: { shape: { type: 'string', enum: ['TLS10', 'TLS11', 'TLS12', 'TLS13'] }, doc: 'The highest TLS version accepted.' },
  },
};

const HTTP_CONFIG: MapShape = {
  type: 'map',
  doc: 'How Alertmanager connects to the receiver (authentication, TLS, proxy).',
  fields: {
    basic_auth: {
      shape: {
        type: 'map',
        fields: { username: str('The user name.'), password: str('The password.'), password_file: str('A file holding the password.') },
        exclusive: [['password', 'password_file']],
      },
      doc: 'HTTP basic authentication.',
    },
    authorization: {
      shape: {
        type: 'map',
        fields: { type: str('The scheme (default Bearer).'), credentials: str('The credentials.'), credentials_file: str('A file holding the credentials.') },
        exclusive: [['credentials', 'credentials_file']],
      },
      doc: 'The Authorization header.',
    },
    oauth2: {
      shape: {
        type: 'map',
        fields: {
          client_id: str('The OAuth 2.0 client id.'),
          client_secret: str('The client secret.'),
          client_secret_file: str('A file holding the client secret.'),
          scopes: strings('The scopes asked for.'),
          token_url: { shape: { type: 'string' }, required: true, doc: 'Where tokens are fetched.' },
          endpoint_params: stringMap('Extra parameters of the token request.'),
          tls_config: { shape: TLS_CONFIG, doc: 'TLS settings of the token request.' },
          proxy_url: str('A proxy for the token request.'),
        },
        exclusive: [['client_secret', 'client_secret_file']],
      },
      doc: 'OAuth 2.0 client credentials.',
    },
    bearer_token: str('A bearer token (prefer authorization.credentials).'),
    bearer_token_file: str('A file holding a bearer token.'),
    tls_config: { shape: TLS_CONFIG, doc: 'TLS settings.' },
    proxy_url: str('An HTTP proxy to go through.'),
    proxy_connect_header: { shape: { type: 'map', fields: {}, values: { type: 'list', items: { type: 'string' } } }, doc: 'Headers sent to the proxy on CONNECT.' },
    follow_redirects: bool('Follow HTTP 3xx redirects (default true).'),
    enable_http2: bool('Allow HTTP/2 (default true).'),
  },
  exclusive: [
    ['basic_auth', 'authorization', 'oauth2', 'bearer_token'],
    ['bearer_token', 'bearer_token_file'],
  ],
};

const httpConfig: Field = { shape: HTTP_CONFIG, doc: HTTP_CONFIG.doc };
const sendResolved = bool('Whether to notify when the alert is resolved as well.');

export const WEBHOOK_CONFIG: MapShape = {
  type: 'map',
  doc: 'An HTTP POST of the alerts as JSON. In k1s0, to prometheus-msteams, which posts them to Microsoft Teams.',
  fields: {
    send_resolved: sendResolved,
    http_config: httpConfig,
    url: str('Where the alerts are posted: `http://prometheus-msteams:2000/<channel>` in k1s0 (the design routes staging and prod to Teams through prometheus-msteams).'),
    max_alerts: { shape: { type: 'number', min: 0 }, doc: 'At most this many alerts a message (0: all). Go reads 1.5 as 1.' },
  },
};

const EMAIL_CONFIG: MapShape = {
  type: 'map',
  doc: 'An email notification.',
  fields: {
    send_resolved: sendResolved,
    to: str('The recipients.'),
    from: str('The sender (default global.smtp_from).'),
    hello: str('The host name sent in HELO.'),
    smarthost: str('The SMTP server, `host:port`.'),
    auth_username: str('SMTP user name.'),
    auth_password: str('SMTP password.'),
    auth_password_file: str('A file holding the SMTP password.'),
    auth_secret: str('SMTP CRAM-MD5 secret.'),
    auth_identity: str('SMTP PLAIN identity.'),
    require_tls: bool('Require STARTTLS.'),
    tls_config: { shape: TLS_CONFIG, doc: 'TLS settings.' },
    html: str('The HTML body (a template).'),
    text: str('The text body (a template).'),
    headers: stringMap('Email headers (Subject, …).'),
  },
  exclusive: [['auth_password', 'auth_password_file']],
};

const SLACK_CONFIG: MapShape = {
  type: 'map',
  doc: 'A Slack message.',
  fields: {
    send_resolved: sendResolved,
    http_config: httpConfig,
    api_url: str('The Slack webhook URL (default global.slack_api_url).'),
    api_url_file: str('A file holding the webhook URL.'),
    channel: str('The channel or user.'),
    username: str('The sender name.'),
    color: str('The colour of the attachment.'),
    title: str('The title (a template).'),
    title_link: str('The link of the title.'),
    pretext: str('Text before the attachment.'),
    text: str('The text (a template).'),
    fields: { shape: { type: 'list', items: { type: 'map', fields: { title: str('The title.'), value: str('The value.'), short: bool('Shown side by side.') } } }, doc: 'Attachment fields.' },
    short_fields: bool('Fields shown side by side.'),
    footer: str('The footer.'),
    fallback: str('Plain text for clients without attachments.'),
    callback_id: str('The callback id.'),
    icon_emoji: str('The icon emoji.'),
    icon_url: str('The icon URL.'),
    image_url: str('An image URL.'),
    thumb_url: str('A thumbnail URL.'),
    link_names: bool('Link channel and user names.'),
    mrkdwn_in: strings('Fields formatted as Markdown.'),
    actions: { shape: { type: 'list', items: { type: 'map', fields: {}, values: { type: 'any' } } }, doc: 'Buttons and menus.' },
  },
  exclusive: [['api_url', 'api_url_file']],
};

const PAGERDUTY_CONFIG: MapShape = {
  type: 'map',
  doc: 'A PagerDuty event.',
  fields: {
    send_resolved: sendResolved,
    http_config: httpConfig,
    routing_key: str('The Events API v2 integration key.'),
    routing_key_file: str('A file holding the routing key.'),
    service_key: str('The Events API v1 integration key.'),
    service_key_file: str('A file holding the service key.'),
    url: str('The Events API URL (default global.pagerduty_url).'),
    client: str('The client name.'),
    client_url: str('A link back to the sender.'),
    description: str('The description (a template).'),
    details: stringMap('Extra details.'),
    images: { shape: { type: 'list', items: { type: 'map', fields: { src: str('Image URL.'), alt: str('Alternative text.'), href: str('Link.') } } }, doc: 'Images.' },
    links: { shape: { type: 'list', items: { type: 'map', fields: { href: str('Link.'), text: str('Link text.') } } }, doc: 'Links.' },
    source: str('The source of the event.'),
    severity: str('The severity of the event.'),
    class: str('The class of the event.'),
    component: str('The component of the event.'),
    group: str('The group of the event.'),
  },
  exclusive: [
    ['routing_key', 'routing_key_file'],
    ['service_key', 'service_key_file'],
  ],
};

const OPSGENIE_CONFIG: MapShape = {
  type: 'map',
  doc: 'An Opsgenie alert.',
  fields: {
    send_resolved: sendResolved,
    http_config: httpConfig,
    api_key: str('The API key (default global.opsgenie_api_key).'),
    api_key_file: str('A file holding the API key.'),
    api_url: str('The API URL (default global.opsgenie_api_url).'),
    message: str('The message (a template).'),
    description: str('The description.'),
    source: str('The source.'),
    details: stringMap('Extra details.'),
    entity: str('The entity.'),
    responders: {
      shape: {
        type: 'list',
        items: { type: 'map', fields: { id: str('Responder id.'), name: str('Responder name.'), username: str('Responder user name.'), type: str('team, teams, user, escalation or schedule.') } },
      },
      doc: 'Responders.',
    },
    actions: str('Actions, comma-separated.'),
    tags: str('Tags, comma-separated.'),
    note: str('A note.'),
    priority: str('The priority, P1 to P5.'),
    update_alerts: bool('Update the alert instead of creating a new one.'),
  },
  exclusive: [['api_key', 'api_key_file']],
};

/** Notifiers k1s0 does not use: their keys are left to Alertmanager (only the common ones are known here). */
function otherNotifier(doc: string): Field {
  return listOf({ type: 'map', doc, fields: { send_resolved: sendResolved, http_config: httpConfig }, values: { type: 'any' } }, doc);
}

export const RECEIVER: MapShape = {
  type: 'map',
  doc: 'A named set of notifications; routes name it in `receiver`.',
  fields: {
    name: { shape: { type: 'string' }, required: true, doc: 'The name routes use in `receiver` (unique).' },
    webhook_configs: listOf(WEBHOOK_CONFIG, 'HTTP POSTs of the alerts. k1s0 posts to prometheus-msteams, which forwards to Microsoft Teams.'),
    email_configs: listOf(EMAIL_CONFIG, 'Email notifications.'),
    slack_configs: listOf(SLACK_CONFIG, 'Slack messages.'),
    pagerduty_configs: listOf(PAGERDUTY_CONFIG, 'PagerDuty events.'),
    opsgenie_configs: listOf(OPSGENIE_CONFIG, 'Opsgenie alerts.'),
    wechat_configs: otherNotifier('WeChat messages.'),
    pushover_configs: otherNotifier('Pushover notifications.'),
    victorops_configs: otherNotifier('VictorOps incidents.'),
    sns_configs: otherNotifier('Amazon SNS messages.'),
    telegram_configs: otherNotifier('Telegram messages.'),
    discord_configs: otherNotifier('Discord messages.'),
    webex_configs: otherNotifier('Webex messages.'),
  },
};

/** A list of matchers, documented by what it matches in both languages. */
const matchers = (en: string, ja: string): Field =>
  strings({
    en: `${en} Each item is \`name=value\`, \`name!=value\`, \`name=~regex\` or \`name!~regex\` (values may be quoted; several separated by commas).`,
    ja: `${ja}各項目は \`name=value\`、\`name!=value\`、\`name=~regex\` または \`name!~regex\` です（値は引用符で囲めます。カンマ区切りで複数書けます）。`,
  });

const routeFields: Record<string, Field> = {
  receiver: str('The receiver of the alerts this route matches (inherited from the parent when absent; the root route must set it).'),
  group_by: strings('Labels alerts are grouped by into one notification; `...` groups by every label.'),
  continue: bool('Whether alerts that match this route go on to its next siblings (default false: the first match wins).'),
  matchers: matchers('Conditions an alert must meet to match this route.', 'アラートがこの route に一致するための条件。'),
  match: stringMap('Deprecated: label → value to match (use `matchers`).'),
  match_re: stringMap('Deprecated: label → regex to match (use `matchers`).'),
  mute_time_intervals: strings('Time intervals (names) during which this route does not notify.'),
  active_time_intervals: strings('Time intervals (names) outside which this route does not notify.'),
  group_wait: duration('How long to wait before the first notification of a new group (default 30s).'),
  group_interval: duration('How long to wait before notifying of new alerts in a group already notified (default 5m).'),
  repeat_interval: duration('How long to wait before notifying again of the same alerts (default 4h).'),
};

/** A route: the root of the tree and every level under it. */
export const ROUTE: MapShape = { type: 'map', doc: 'A node of the routing tree.', fields: routeFields };
routeFields.routes = { shape: { type: 'list', items: ROUTE }, doc: 'Child routes, tried in order.' };

export const INHIBIT_RULE: MapShape = {
  type: 'map',
  doc: 'While an alert matching the source fires, alerts matching the target are muted (when the `equal` labels agree).',
  fields: {
    source_matchers: matchers('Conditions of the muting alert.', 'ミュートする側のアラートの条件。'),
    target_matchers: matchers('Conditions of the muted alerts.', 'ミュートされる側のアラートの条件。'),
    source_match: stringMap('Deprecated: label → value of the muting alert (use `source_matchers`).'),
    source_match_re: stringMap('Deprecated: label → regex of the muting alert (use `source_matchers`).'),
    target_match: stringMap('Deprecated: label → value of the muted alerts (use `target_matchers`).'),
    target_match_re: stringMap('Deprecated: label → regex of the muted alerts (use `target_matchers`).'),
    equal: strings('Labels whose values must be equal in source and target.'),
  },
};

const TIME_RANGE: MapShape = {
  type: 'map',
  fields: { start_time: str('Start of the range, `HH:MM` (inclusive).'), end_time: str('End of the range, `HH:MM` (exclusive, up to 24:00).') },
};

export const TIME_INTERVAL: MapShape = {
  type: 'map',
  doc: 'A named time interval that routes mute or activate by.',
  fields: {
    name: { shape: { type: 'string' }, required: true, doc: 'The name routes use in `mute_time_intervals` and `active_time_intervals` (unique).' },
    time_intervals: listOf(
      {
        type: 'map',
        fields: {
          times: listOf(TIME_RANGE, 'Times of day.'),
          weekdays: strings('Days of the week: `monday`, or a range `monday:friday`.'),
          days_of_month: strings('Days of the month: `1`, `1:5`, negative from the end (`-1` the last day).'),
          months: strings('Months: `january`, `1`, or a range `january:march`.'),
          years: strings('Years: `2024` or a range `2024:2026`.'),
          location: str('The time zone of the times (an IANA name such as Asia/Tokyo; default UTC).'),
        },
      },
      'When the interval holds: every condition of an item at once, any item.',
    ),
  },
};

const GLOBAL: MapShape = {
  type: 'map',
  doc: 'Defaults of every receiver.',
  fields: {
    resolve_timeout: duration('How long an alert without an end time stays firing after its last update (default 5m).'),
    http_config: httpConfig,
    smtp_from: str('Default sender of email.'),
    smtp_hello: str('Default HELO host name.'),
    smtp_smarthost: str('Default SMTP server, `host:port`.'),
    smtp_auth_username: str('Default SMTP user name.'),
    smtp_auth_password: str('Default SMTP password.'),
    smtp_auth_password_file: str('A file holding the default SMTP password.'),
    smtp_auth_secret: str('Default SMTP CRAM-MD5 secret.'),
    smtp_auth_identity: str('Default SMTP PLAIN identity.'),
    smtp_require_tls: bool('Require STARTTLS by default.'),
    slack_api_url: str('Default Slack webhook URL.'),
    slack_api_url_file: str('A file holding the default Slack webhook URL.'),
    pagerduty_url: str('Default PagerDuty Events API URL.'),
    opsgenie_api_url: str('Default Opsgenie API URL.'),
    opsgenie_api_key: str('Default Opsgenie API key.'),
    opsgenie_api_key_file: str('A file holding the default Opsgenie API key.'),
    wechat_api_url: str('Default WeChat API URL.'),
    wechat_api_secret: str('Default WeChat API secret.'),
    wechat_api_corp_id: str('Default WeChat corp id.'),
    victorops_api_url: str('Default VictorOps API URL.'),
    victorops_api_key: str('Default VictorOps API key.'),
    victorops_api_key_file: str('A file holding the default VictorOps API key.'),
    telegram_api_url: str('Default Telegram API URL.'),
    webex_api_url: str('Default Webex API URL.'),
  },
  exclusive: [
    ['slack_api_url', 'slack_api_url_file'],
    ['opsgenie_api_key', 'opsgenie_api_key_file'],
    ['victorops_api_key', 'victorops_api_key_file'],
    ['smtp_auth_password', 'smtp_auth_password_file'],
  ],
};

/** The whole file. */
export const ALERTMANAGER_SHAPE: MapShape = {
  type: 'map',
  doc: 'Alertmanager configuration.',
  fields: {
    global: { shape: GLOBAL, doc: GLOBAL.doc },
    route: { shape: ROUTE, required: true, doc: 'The root of the routing tree: every alert enters here. It names the default receiver and has no matchers.' },
    receivers: listOf(RECEIVER, 'Where notifications go. In k1s0 (staging, prod): Microsoft Teams through prometheus-msteams.'),
    inhibit_rules: listOf(INHIBIT_RULE, 'Alerts that mute other alerts while they fire.'),
    templates: strings('Files (globs) of notification templates, relative to this file.'),
    time_intervals: listOf(TIME_INTERVAL, 'Named time intervals for routes to mute or activate by.'),
    mute_time_intervals: listOf(TIME_INTERVAL, 'Deprecated: named time intervals (use `time_intervals`).'),
  },
};
