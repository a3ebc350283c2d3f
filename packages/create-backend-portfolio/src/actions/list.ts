import { BACKGROUNDS, type Background, DOMAINS, type Domain, findDomain, type MilestoneId } from '@create-backend-portfolio/core';
import { ui } from '../ui.js';

export const LIST_SUBJECTS = ['backgrounds', 'domains'] as const;
export type ListSubject = (typeof LIST_SUBJECTS)[number];

function milestonesAt(background: Background, emphasis: 'deep' | 'fast-track'): MilestoneId[] {
  return Object.entries(background.emphasis).filter(([, value]) => value === emphasis).map(([id]) => id as MilestoneId);
}

/** Suggested domains that this version has; a profile may name one that is not written yet. */
const suggested = (background: Background) => background.suggestedDomains.filter((id) => findDomain(id) !== undefined);

function backgroundEntry(background: Background) {
  return {
    id: background.id,
    name: background.name,
    summary: background.summary,
    strengths: background.strengths,
    gaps: background.gaps,
    deep: milestonesAt(background, 'deep'),
    fastTrack: milestonesAt(background, 'fast-track'),
    pullForward: background.pullForward,
    suggestedDomains: suggested(background),
  };
}

function domainEntry(domain: Domain) {
  return {
    id: domain.id,
    name: domain.name,
    tagline: domain.tagline,
    pitch: domain.pitch,
    tables: domain.tables.map((table) => table.name),
    primaryResource: domain.primaryResource,
  };
}

/** Rows as aligned columns, without trailing spaces. */
function columns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  return rows.map((row) => row.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd()).join('\n');
}

export function listText(subject: ListSubject, { json }: { json: boolean }): string {
  if (json) return JSON.stringify(subject === 'backgrounds' ? BACKGROUNDS.map(backgroundEntry) : DOMAINS.map(domainEntry), null, 2);
  if (subject === 'domains') return columns([['id', 'name', 'what it is'], ...DOMAINS.map((d) => [d.id, d.name, d.tagline])]);
  return columns([
    ['id', 'name', 'go deep on', 'suggested domains'],
    ...BACKGROUNDS.map((b) => [b.id, b.name, milestonesAt(b, 'deep').join(', '), suggested(b).join(', ')]),
  ]);
}

export function printList(subject: ListSubject, options: { json: boolean }): void {
  ui.out(`${listText(subject, options)}\n`);
}
