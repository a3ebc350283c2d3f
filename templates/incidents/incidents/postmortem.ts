/** The template learners copy for each incident's postmortem. */
export const POSTMORTEM_TEMPLATE = 'docs/incidents/TEMPLATE.md';

const heading = (line: string) => /^##\s+/.test(line);

/** The `## ` sections of a markdown text: heading to the lines under it. */
function sections(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (heading(line)) {
      current = [];
      found.set(line.replace(/^##\s+/, '').trim().toLowerCase(), current);
    } else if (current !== undefined && line.trim() !== '') {
      current.push(line.trim());
    }
  }
  return found;
}

/**
 * What is still missing from a postmortem, in one sentence, or undefined when it is complete: every
 * section of the template is there with text of its own, and no line of the template's guidance is left.
 */
export function postmortemProblem(template: string, postmortem: string): string | undefined {
  const guidance = new Set(template.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !heading(line)));
  const leftOver = postmortem.split(/\r?\n/).map((line) => line.trim()).find((line) => guidance.has(line));
  if (leftOver !== undefined) return `replace the template's text "${leftOver}" with your own.`;
  const written = sections(postmortem);
  for (const section of sections(template).keys()) {
    const lines = written.get(section);
    if (lines === undefined) return `add the "## ${section}" section back, as in the template.`;
    if (lines.length === 0) return `write the "${section}" section.`;
  }
  return undefined;
}
