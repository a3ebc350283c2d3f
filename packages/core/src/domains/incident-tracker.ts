import type { Domain } from '../model.js';

export const incidentTracker: Domain = {
  id: 'incident-tracker',
  name: 'Incident tracking',
  tagline: 'On-call incidents that exactly one responder owns, with paging that stops once someone does',
  pitch:
    'An incident tracker for a team that carries a pager. Alerts from monitoring open incidents against a service, a paging ' +
    'provider wakes whoever is on call and escalates to the next person if nobody answers, and the timeline of updates becomes ' +
    'the raw material for the postmortem. The hard moments happen at 3 a.m.: when the primary and the secondary both press ' +
    'acknowledge on the same incident, exactly one of them owns it, and a paging provider that is slow or down must never stop ' +
    'a responder from taking an incident.',
  tables: [
    {
      name: 'services',
      singular: 'service',
      description: 'Something that can break and has an owning team and an on-call rotation behind it.',
      columns: [
        { name: 'name', type: 'text', maxLength: 80, unique: true, example: 'checkout-api' },
        { name: 'owning_team', type: 'text', maxLength: 80, example: 'payments' },
        { name: 'tier', type: 'text', enum: ['tier_1', 'tier_2', 'tier_3'], default: 'tier_2', example: 'tier_1' },
        { name: 'ack_timeout_minutes', type: 'integer', min: 1, max: 120, example: 5 },
      ],
    },
    {
      name: 'incidents',
      singular: 'incident',
      description:
        'One problem with one service. Repeat alerts with the same dedup key land on the same incident, and a recurrence after ' +
        'it was resolved reopens it instead of opening a duplicate.',
      columns: [
        { name: 'service_id', type: 'uuid', references: { table: 'services', onDelete: 'restrict' }, example: '3f6c2a9e-8b41-4d07-a5e2-9c1b7d3e6f20' },
        { name: 'title', type: 'text', maxLength: 200, example: 'Checkout p99 latency above 2 s' },
        { name: 'severity', type: 'text', enum: ['sev1', 'sev2', 'sev3', 'sev4'], example: 'sev2' },
        {
          name: 'status',
          type: 'text',
          enum: ['triggered', 'acknowledged', 'resolved'],
          default: 'triggered',
          example: 'resolved',
        },
        { name: 'dedup_key', type: 'text', maxLength: 120, example: 'checkout-api/latency-p99' },
        { name: 'opened_at', type: 'timestamptz', example: '2027-02-11T03:12:00.000Z' },
        { name: 'resolved_at', type: 'timestamptz', nullable: true, example: '2027-02-11T03:58:00.000Z' },
      ],
      uniques: [['service_id', 'dedup_key']],
      checks: [
        { name: 'incidents_resolved_at_matches_status', sql: "(status = 'resolved') = (resolved_at IS NOT NULL)" },
        { name: 'incidents_resolved_after_opened', sql: 'resolved_at IS NULL OR resolved_at >= opened_at' },
      ],
    },
    {
      name: 'acknowledgements',
      singular: 'acknowledgement',
      description: 'A responder taking ownership of an incident, and whether the paging provider has stopped escalating it.',
      columns: [
        { name: 'incident_id', type: 'uuid', references: { table: 'incidents', onDelete: 'cascade' }, example: '9a0d4c7b-2e15-4f83-b6a9-1c5e8d2f4b73' },
        { name: 'responder_email', type: 'text', maxLength: 254, example: 'priya@example.com' },
        { name: 'channel', type: 'text', enum: ['phone', 'sms', 'push', 'web'], example: 'push' },
        { name: 'escalation_stopped_at', type: 'timestamptz', nullable: true, example: '2027-02-11T03:14:07.000Z' },
      ],
    },
    {
      name: 'incident_updates',
      singular: 'incident_update',
      description: 'A timestamped note on the incident timeline: what responders saw, suspected and changed.',
      columns: [
        { name: 'incident_id', type: 'uuid', references: { table: 'incidents', onDelete: 'cascade' }, example: '9a0d4c7b-2e15-4f83-b6a9-1c5e8d2f4b73' },
        { name: 'author_email', type: 'text', maxLength: 254, example: 'priya@example.com' },
        { name: 'kind', type: 'text', enum: ['investigating', 'identified', 'monitoring', 'resolved'], example: 'identified' },
        { name: 'body', type: 'text', maxLength: 2000, example: 'Rolled back deploy 4812 at 03:21; p99 is back under 400 ms.' },
      ],
    },
  ],
  primaryResource: 'incidents',
  filterable: ['status', 'severity', 'service_id'],
  sortable: ['opened_at', 'severity', 'created_at'],
  contendedWrite: {
    kind: 'single-winner',
    summary: 'acknowledging an incident',
    table: 'acknowledgements',
    scenario:
      'A sev1 has paged the primary, the ack timeout ran out, so the secondary was paged too, and both press acknowledge within ' +
      'the same 100 ms. Exactly one acknowledgement is stored; the other responder ' +
      'gets 409 naming who already owns it, and nobody is told they own an incident that someone else is working.',
    collidesOn: ['incident_id'],
  },
  dependency: {
    name: 'paging provider',
    purpose: 'stops the escalation chain for an incident once a responder has acknowledged it',
    degradation:
      'keep the acknowledgement and answer 202 with `escalation_stopped_at` still empty while the provider is slow or down; when the ' +
      'request comes again, retry the stop with the same idempotency key, so the acknowledgement is never lost and the escalation is stopped exactly once',
    outcome: { column: 'escalation_stopped_at' },
  },
  hotList: {
    table: 'incidents',
    route: 'GET /incidents?status=triggered&sort=opened_at',
    query: "SELECT * FROM incidents WHERE status = 'triggered' ORDER BY opened_at, id LIMIT 20",
    index: ['status', 'opened_at', 'id'],
  },
  seeds: {
    services: [
      { name: 'checkout-api', owning_team: 'payments', tier: 'tier_1', ack_timeout_minutes: 5 },
      { name: 'search-indexer', owning_team: 'discovery', tier: 'tier_2', ack_timeout_minutes: 15 },
      { name: 'internal-wiki', owning_team: 'it-platform', tier: 'tier_3', ack_timeout_minutes: 60 },
    ],
    incidents: [
      {
        service_id: { ref: 'services', index: 0 },
        title: 'Checkout p99 latency above 2 s',
        severity: 'sev1',
        status: 'acknowledged',
        dedup_key: 'checkout-api/latency-p99',
        opened_at: '2027-02-11T03:12:00.000Z',
        resolved_at: null,
      },
      {
        service_id: { ref: 'services', index: 1 },
        title: 'Index lag over 30 minutes on the products index',
        severity: 'sev3',
        status: 'triggered',
        dedup_key: 'search-indexer/lag-products',
        opened_at: '2027-02-11T08:40:00.000Z',
        resolved_at: null,
      },
      {
        service_id: { ref: 'services', index: 0 },
        title: 'Card declines spiking for one acquirer',
        severity: 'sev2',
        status: 'resolved',
        dedup_key: 'checkout-api/decline-rate',
        opened_at: '2027-02-09T14:05:00.000Z',
        resolved_at: '2027-02-09T15:20:00.000Z',
      },
    ],
    acknowledgements: [
      { incident_id: { ref: 'incidents', index: 0 }, responder_email: 'priya@example.com', channel: 'push', escalation_stopped_at: '2027-02-11T03:14:07.000Z' },
      { incident_id: { ref: 'incidents', index: 2 }, responder_email: 'tomas@example.com', channel: 'phone', escalation_stopped_at: '2027-02-09T14:08:30.000Z' },
    ],
    incident_updates: [
      {
        incident_id: { ref: 'incidents', index: 0 },
        author_email: 'priya@example.com',
        kind: 'investigating',
        body: 'p99 jumped at 03:09, right after deploy 4812 reached all pods. Rolling it back.',
      },
      {
        incident_id: { ref: 'incidents', index: 0 },
        author_email: 'priya@example.com',
        kind: 'identified',
        body: 'Rollback finished at 03:21 and p99 is back under 400 ms. Watching for 30 minutes before resolving.',
      },
      {
        incident_id: { ref: 'incidents', index: 2 },
        author_email: 'tomas@example.com',
        kind: 'resolved',
        body: 'The acquirer confirmed a bad BIN table push on their side. Decline rate back at baseline since 15:10.',
      },
    ],
  },
};
