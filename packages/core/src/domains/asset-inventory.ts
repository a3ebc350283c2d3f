import type { Domain } from '../model.js';

export const assetInventory: Domain = {
  id: 'asset-inventory',
  name: 'IT asset inventory',
  tagline: 'Laptops, monitors and who has them, with checkouts that never hand one device to two people',
  pitch:
    'An inventory API for an IT team that looks after a few thousand devices across offices, a spares warehouse and a ' +
    'datacenter cage. Every asset has a tag, a location and a status; the help desk checks devices out to staff and back in, ' +
    'and each assignee is checked against the company directory. The hard part is the loaner shelf on a Monday morning: two ' +
    'technicians scanning the same laptop for two new starters must not both get it, and a directory that is slow or down ' +
    'must not stop the desk from handing out hardware.',
  tables: [
    {
      name: 'locations',
      singular: 'location',
      description: 'A place where assets are kept: an office IT desk, a warehouse, a datacenter cage.',
      columns: [
        { name: 'name', type: 'text', maxLength: 120, unique: true, example: 'Berlin HQ IT desk' },
        { name: 'city', type: 'text', maxLength: 80, example: 'Berlin' },
        { name: 'kind', type: 'text', enum: ['office', 'warehouse', 'datacenter'], example: 'office' },
      ],
    },
    {
      name: 'assets',
      singular: 'asset',
      description: 'One physical device, known by the tag stuck on it and the serial number its vendor gave it.',
      columns: [
        { name: 'location_id', type: 'uuid', references: { table: 'locations', onDelete: 'restrict' }, example: '5e9a1c37-4b82-4d06-9f3e-2a7c8b1d6e40' },
        { name: 'asset_tag', type: 'text', maxLength: 32, unique: true, example: 'LT-004127' },
        { name: 'kind', type: 'text', enum: ['laptop', 'monitor', 'phone', 'dock', 'server'], example: 'laptop' },
        { name: 'model', type: 'text', maxLength: 120, example: 'ThinkPad T14 Gen 5' },
        { name: 'serial_number', type: 'text', maxLength: 64, unique: true, example: 'PF4XK2L9' },
        {
          name: 'status',
          type: 'text',
          enum: ['in_stock', 'checked_out', 'in_repair', 'retired'],
          default: 'in_stock',
          example: 'in_stock',
        },
        { name: 'warranty_expires_at', type: 'timestamptz', nullable: true, example: '2029-06-30T00:00:00.000Z' },
      ],
    },
    {
      name: 'checkouts',
      singular: 'checkout',
      description: 'An asset handed to a person: when, why, when it is due back, and whether the directory confirmed who they are.',
      columns: [
        { name: 'asset_id', type: 'uuid', references: { table: 'assets', onDelete: 'restrict' }, example: 'a1d8e3f6-0b27-4c59-8d14-7e6f2c9b3a85' },
        { name: 'assignee_email', type: 'text', maxLength: 254, example: 'jonas.weber@example.com' },
        { name: 'purpose', type: 'text', enum: ['loaner', 'permanent', 'repair_swap'], example: 'loaner' },
        { name: 'checked_out_at', type: 'timestamptz', example: '2027-02-08T08:45:00.000Z' },
        { name: 'due_back_at', type: 'timestamptz', nullable: true, example: '2027-02-22T17:00:00.000Z' },
        { name: 'returned_at', type: 'timestamptz', nullable: true, example: '2027-02-19T16:30:00.000Z' },
        { name: 'assignee_verified_at', type: 'timestamptz', nullable: true, example: '2027-02-08T08:45:02.000Z' },
      ],
      checks: [
        { name: 'checkouts_due_after_checkout', sql: 'due_back_at IS NULL OR due_back_at > checked_out_at' },
        { name: 'checkouts_returned_after_checkout', sql: 'returned_at IS NULL OR returned_at >= checked_out_at' },
      ],
    },
  ],
  primaryResource: 'assets',
  filterable: ['status', 'kind', 'location_id'],
  sortable: ['asset_tag', 'warranty_expires_at', 'created_at'],
  contendedWrite: {
    kind: 'single-winner',
    summary: 'checking out an asset',
    table: 'checkouts',
    scenario:
      'Two new starters arrive on Monday and the Berlin desk has one loaner laptop left; two technicians scan its tag at two ' +
      'counters within the same 50 ms. Only one open checkout may exist for an asset: one request gets 201, the other gets 409 ' +
      'saying who already holds it, and the asset never shows two holders.',
    collidesOn: ['asset_id'],
    activeWhen: 'returned_at IS NULL',
  },
  dependency: {
    name: 'directory service',
    purpose: 'looks up the assignee by email in the company directory and confirms they are an active employee',
    degradation:
      'keep the checkout and answer 202 with `assignee_verified_at` still empty while the directory is slow or down, then verify ' +
      'it later with the same idempotency key; the desk can always hand out hardware, and unverified checkouts are listed for follow-up',
    outcome: { column: 'assignee_verified_at' },
  },
  hotList: {
    table: 'assets',
    route: 'GET /assets?kind=laptop&status=in_stock&sort=asset_tag',
    query: "SELECT * FROM assets WHERE kind = 'laptop' AND status = 'in_stock' ORDER BY asset_tag, id LIMIT 20",
    index: ['kind', 'status', 'asset_tag', 'id'],
  },
  seeds: {
    locations: [
      { name: 'Berlin HQ IT desk', city: 'Berlin', kind: 'office' },
      { name: 'Leipzig spares warehouse', city: 'Leipzig', kind: 'warehouse' },
      { name: 'FRA1 colocation cage', city: 'Frankfurt', kind: 'datacenter' },
    ],
    assets: [
      {
        location_id: { ref: 'locations', index: 0 },
        asset_tag: 'LT-004127',
        kind: 'laptop',
        model: 'ThinkPad T14 Gen 5',
        serial_number: 'PF4XK2L9',
        status: 'checked_out',
        warranty_expires_at: '2029-06-30T00:00:00.000Z',
      },
      {
        location_id: { ref: 'locations', index: 0 },
        asset_tag: 'LT-004131',
        kind: 'laptop',
        model: 'ThinkPad T14 Gen 5',
        serial_number: 'PF4XK3B1',
        status: 'in_stock',
        warranty_expires_at: '2029-06-30T00:00:00.000Z',
      },
      {
        location_id: { ref: 'locations', index: 0 },
        asset_tag: 'MN-001882',
        kind: 'monitor',
        model: 'Dell U2724D',
        serial_number: 'CN0F7X2K',
        status: 'in_stock',
        warranty_expires_at: null,
      },
      {
        location_id: { ref: 'locations', index: 1 },
        asset_tag: 'LT-003560',
        kind: 'laptop',
        model: 'MacBook Air 13 M3',
        serial_number: 'C02HX1Q9MD6T',
        status: 'in_repair',
        warranty_expires_at: '2027-11-14T00:00:00.000Z',
      },
      {
        location_id: { ref: 'locations', index: 2 },
        asset_tag: 'SV-000214',
        kind: 'server',
        model: 'PowerEdge R660',
        serial_number: '9QK7TX3',
        status: 'in_stock',
        warranty_expires_at: '2030-01-31T00:00:00.000Z',
      },
    ],
    checkouts: [
      {
        asset_id: { ref: 'assets', index: 0 },
        assignee_email: 'jonas.weber@example.com',
        purpose: 'permanent',
        checked_out_at: '2027-02-08T08:45:00.000Z',
        due_back_at: null,
        returned_at: null,
        assignee_verified_at: '2027-02-08T08:45:02.000Z',
      },
      {
        asset_id: { ref: 'assets', index: 3 },
        assignee_email: 'mei.lin@example.com',
        purpose: 'loaner',
        checked_out_at: '2026-11-02T09:10:00.000Z',
        due_back_at: '2026-11-16T17:00:00.000Z',
        returned_at: '2026-11-14T16:20:00.000Z',
        assignee_verified_at: null,
      },
    ],
  },
};
