/** Handlebars helpers available to every template. */
export function lowercase(value: unknown): string {
  return String(value).toLowerCase();
}

/** A value as a JavaScript/JSON literal, safe inside generated code whatever quotes it holds. Use with `{{{ }}}`. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}
