import type { Domain } from '../model.js';

export const ticketing: Domain = {
  id: 'ticketing',
  name: 'Event ticketing',
  tagline: 'Venues, events and seat reservations that never oversell',
  pitch:
    'A ticketing API for small venues. Organisers publish events with a fixed number of seats; ' +
    'customers hold and confirm reservations. The hard part is the last seat: two people asking for it ' +
    'at the same moment must not both get it, and a payment provider that is slow or down must not take the box office with it.',
  tables: [
    {
      name: 'venues',
      singular: 'venue',
      description: 'A place that hosts events.',
      columns: [
        { name: 'name', type: 'text', maxLength: 120, unique: true, example: 'The Lantern Hall' },
        { name: 'city', type: 'text', maxLength: 80, example: 'Leeds' },
        { name: 'capacity', type: 'integer', min: 1, max: 100000, example: 450 },
      ],
    },
    {
      name: 'events',
      singular: 'event',
      description: 'A dated performance at a venue, with a fixed number of seats.',
      columns: [
        { name: 'venue_id', type: 'uuid', references: { table: 'venues', onDelete: 'restrict' }, example: '0b8f5a52-6a4e-4c1e-9f1a-3d2b7c9e8a10' },
        { name: 'title', type: 'text', maxLength: 200, example: 'Friday Night Jazz' },
        { name: 'starts_at', type: 'timestamptz', example: '2027-03-05T19:30:00.000Z' },
        {
          name: 'status',
          type: 'text',
          enum: ['draft', 'on_sale', 'sold_out', 'cancelled'],
          default: 'draft',
          example: 'on_sale',
        },
        { name: 'seats_total', type: 'integer', min: 1, max: 100000, example: 200 },
      ],
      uniques: [['venue_id', 'starts_at']],
    },
    {
      name: 'reservations',
      singular: 'reservation',
      description: 'Seats held or bought by one customer for one event.',
      columns: [
        { name: 'event_id', type: 'uuid', references: { table: 'events', onDelete: 'cascade' }, example: '5d0c7e3b-1f2a-4b6c-8d9e-0a1b2c3d4e5f' },
        { name: 'customer_email', type: 'text', maxLength: 254, example: 'ada@example.com' },
        { name: 'seats', type: 'integer', min: 1, max: 10, example: 2 },
        { name: 'status', type: 'text', enum: ['held', 'confirmed', 'cancelled'], default: 'held', example: 'held' },
        { name: 'idempotency_key', type: 'text', maxLength: 100, nullable: true, unique: true, example: 'b7e1c0de-2f4a' },
      ],
    },
  ],
  primaryResource: 'events',
  filterable: ['status', 'venue_id'],
  sortable: ['starts_at', 'title', 'created_at'],
  contendedWrite: {
    kind: 'capacity',
    summary: 'reserving the last seats of an event',
    table: 'reservations',
    scenario:
      'An event has 1 seat left and 20 customers press "reserve" within the same 50 ms. Exactly one reservation may succeed; ' +
      'the other 19 get 409 and the event never shows a negative number of free seats.',
    limit: { table: 'events', column: 'seats_total' },
    amountColumn: 'seats',
    countsWhen: "status <> 'cancelled'",
  },
  dependency: {
    name: 'payment provider',
    purpose: 'confirms a held reservation by charging the customer',
    degradation:
      'keep the reservation held and answer 202 with a retry hint while the provider is slow or down, then confirm it later with the ' +
      'same idempotency key, so the customer is never charged twice',
    outcome: { column: 'status', done: 'confirmed' },
  },
  hotList: {
    table: 'events',
    route: 'GET /events?status=on_sale&sort=starts_at',
    query: "SELECT * FROM events WHERE status = 'on_sale' ORDER BY starts_at, id LIMIT 20",
    index: ['status', 'starts_at', 'id'],
  },
  seeds: {
    venues: [
      { name: 'The Lantern Hall', city: 'Leeds', capacity: 450 },
      { name: 'Dockside Arena', city: 'Bristol', capacity: 2200 },
    ],
    events: [
      { venue_id: { ref: 'venues', index: 0 }, title: 'Friday Night Jazz', starts_at: '2027-03-05T19:30:00.000Z', status: 'on_sale', seats_total: 200 },
      { venue_id: { ref: 'venues', index: 0 }, title: 'Poetry Open Mic', starts_at: '2027-03-12T19:00:00.000Z', status: 'draft', seats_total: 80 },
      { venue_id: { ref: 'venues', index: 1 }, title: 'Indie Showcase', starts_at: '2027-04-02T18:00:00.000Z', status: 'on_sale', seats_total: 1800 },
    ],
    reservations: [
      { event_id: { ref: 'events', index: 0 }, customer_email: 'ada@example.com', seats: 2, status: 'confirmed', idempotency_key: null },
      { event_id: { ref: 'events', index: 2 }, customer_email: 'grace@example.com', seats: 4, status: 'held', idempotency_key: null },
    ],
  },
};
