import type { Domain } from '../model.js';
import { assetInventory } from './asset-inventory.js';
import { eventIngestion } from './event-ingestion.js';
import { incidentTracker } from './incident-tracker.js';
import { testResults } from './test-results.js';
import { ticketing } from './ticketing.js';

/** Every domain, in the order lists and prompts show them. Adding a domain means adding its file and one line here. */
export const DOMAINS: readonly Domain[] = [ticketing, incidentTracker, eventIngestion, testResults, assetInventory];
