import type { Domain } from '../model.js';

export const eventIngestion: Domain = {
  id: 'event-ingestion',
  name: 'Event ingestion',
  tagline: 'Product analytics events in, exact hourly counts out, even when collectors resend',
  pitch:
    'An ingestion API for product analytics. Web and mobile apps and backend jobs send events through a registered source; ' +
    'each event is stored once, enriched with a country and an account, and counted into hourly rollups that dashboards read ' +
    'instead of scanning raw events. The hard part is counting: collectors resend whole batches after a timeout, so the same ' +
    'event arrives twice, and thousands of events hit the same hour bucket at once, yet every count must come out exact and ' +
    'an enrichment service that is down must never hold back ingestion.',
  tables: [
    {
      name: 'sources',
      singular: 'source',
      description: 'An app or job that sends events, with its platform and how long its raw events are kept.',
      columns: [
        { name: 'name', type: 'text', maxLength: 80, unique: true, example: 'storefront-web' },
        { name: 'platform', type: 'text', enum: ['web', 'ios', 'android', 'server'], example: 'web' },
        { name: 'retention_days', type: 'integer', min: 1, max: 730, example: 395 },
        { name: 'active', type: 'boolean', default: true, example: true },
      ],
    },
    {
      name: 'events',
      singular: 'event',
      description:
        'One thing that happened in a client, identified by the key the client generated so a resent copy can be recognised.',
      columns: [
        { name: 'source_id', type: 'uuid', references: { table: 'sources', onDelete: 'restrict' }, example: '7c2e9b14-5a3d-4f61-8e07-b4d9a1c6e253' },
        { name: 'name', type: 'text', maxLength: 100, example: 'checkout_completed' },
        { name: 'event_key', type: 'text', maxLength: 64, example: 'evt_01JM2K7Q9X4R8T' },
        { name: 'occurred_at', type: 'timestamptz', example: '2027-02-11T14:03:12.000Z' },
        { name: 'user_ref', type: 'text', maxLength: 100, nullable: true, example: 'acct_58213' },
        { name: 'ip_address', type: 'text', maxLength: 45, nullable: true, example: '203.0.113.24' },
        { name: 'country_code', type: 'text', maxLength: 2, nullable: true, example: 'DE' },
        { name: 'enrichment_status', type: 'text', enum: ['pending', 'enriched', 'failed'], default: 'pending', example: 'enriched' },
      ],
      uniques: [['source_id', 'event_key']],
      checks: [{ name: 'events_country_code_format', sql: "country_code IS NULL OR country_code ~ '^[A-Z]{2}$'" }],
    },
    {
      name: 'hourly_rollups',
      singular: 'hourly_rollup',
      description: 'How many events of one name a source sent in one UTC hour: what dashboards read.',
      columns: [
        { name: 'source_id', type: 'uuid', references: { table: 'sources', onDelete: 'cascade' }, example: '7c2e9b14-5a3d-4f61-8e07-b4d9a1c6e253' },
        { name: 'event_name', type: 'text', maxLength: 100, example: 'checkout_completed' },
        { name: 'bucket_start', type: 'timestamptz', example: '2027-02-11T14:00:00.000Z' },
        { name: 'event_count', type: 'integer', min: 0, max: 2000000000, default: 0, example: 1842 },
      ],
      uniques: [['source_id', 'event_name', 'bucket_start']],
      checks: [
        {
          name: 'hourly_rollups_bucket_on_the_hour',
          sql: "date_trunc('hour', bucket_start AT TIME ZONE 'UTC') = bucket_start AT TIME ZONE 'UTC'",
        },
      ],
    },
  ],
  primaryResource: 'events',
  filterable: ['enrichment_status', 'source_id', 'name'],
  sortable: ['occurred_at', 'name', 'created_at'],
  contendedWrite: {
    kind: 'counter',
    summary: 'ingesting an event exactly once and counting it into its hourly rollup',
    table: 'events',
    scenario:
      'A phone loses its connection halfway through an upload and the collector resends the whole batch while the first copy ' +
      'is still being written, and at the same moment other devices are sending into the same hour bucket. Each event key is ' +
      'stored once per source and every resent copy gets 409; the hourly rollup for that source, event name and hour ends ' +
      'up equal to the number of distinct events stored, with no increment lost to two requests that read the same count.',
    dedupeOn: ['source_id', 'event_key'],
    counter: { table: 'hourly_rollups', column: 'event_count', key: ['source_id', 'event_name', 'bucket_start'] },
  },
  dependency: {
    name: 'enrichment service',
    purpose: 'resolves an event IP address to a country and its user reference to a customer account',
    degradation:
      'leave the event with `enrichment_status` pending and answer 202 while the service is slow or down, then enrich it from ' +
      'the backlog later; an event is never dropped or kept out of the rollups because enrichment failed',
    outcome: { column: 'enrichment_status', done: 'enriched' },
  },
  hotList: {
    table: 'events',
    route: 'GET /events?enrichment_status=pending&sort=created_at',
    query: "SELECT * FROM events WHERE enrichment_status = 'pending' ORDER BY created_at, id LIMIT 20",
    index: ['enrichment_status', 'created_at', 'id'],
  },
  seeds: {
    sources: [
      { name: 'storefront-web', platform: 'web', retention_days: 395, active: true },
      { name: 'shop-ios', platform: 'ios', retention_days: 395, active: true },
      { name: 'billing-worker', platform: 'server', retention_days: 90, active: false },
    ],
    events: [
      {
        source_id: { ref: 'sources', index: 0 },
        event_key: 'evt_01JM2K7Q9X4R8T',
        name: 'checkout_completed',
        occurred_at: '2027-02-11T14:03:12.000Z',
        user_ref: 'acct_58213',
        ip_address: '203.0.113.24',
        country_code: 'DE',
        enrichment_status: 'enriched',
      },
      {
        source_id: { ref: 'sources', index: 0 },
        event_key: 'evt_01JM2K7RB2C6VD',
        name: 'product_viewed',
        occurred_at: '2027-02-11T14:05:40.000Z',
        user_ref: 'anon_7f3a9c',
        ip_address: '198.51.100.7',
        country_code: null,
        enrichment_status: 'pending',
      },
      {
        source_id: { ref: 'sources', index: 1 },
        event_key: 'evt_01JM2K8A0F3NQW',
        name: 'checkout_completed',
        occurred_at: '2027-02-11T14:17:55.000Z',
        user_ref: 'acct_40077',
        ip_address: '2001:db8::4a1',
        country_code: 'FR',
        enrichment_status: 'enriched',
      },
      {
        source_id: { ref: 'sources', index: 1 },
        event_key: 'evt_01JM2K8C1HZP5M',
        name: 'app_opened',
        occurred_at: '2027-02-11T14:18:02.000Z',
        user_ref: null,
        ip_address: '192.0.2.150',
        country_code: null,
        enrichment_status: 'failed',
      },
    ],
    hourly_rollups: [
      { source_id: { ref: 'sources', index: 0 }, event_name: 'checkout_completed', bucket_start: '2027-02-11T14:00:00.000Z', event_count: 1 },
      { source_id: { ref: 'sources', index: 0 }, event_name: 'product_viewed', bucket_start: '2027-02-11T14:00:00.000Z', event_count: 1 },
      { source_id: { ref: 'sources', index: 1 }, event_name: 'checkout_completed', bucket_start: '2027-02-11T14:00:00.000Z', event_count: 1 },
      { source_id: { ref: 'sources', index: 1 }, event_name: 'app_opened', bucket_start: '2027-02-11T14:00:00.000Z', event_count: 1 },
    ],
  },
};
