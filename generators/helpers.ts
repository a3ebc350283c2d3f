/** Handlebars helpers available to every template. */
export function lowercase(value: unknown): string {
  return String(value).toLowerCase();
}
