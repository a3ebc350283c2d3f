/** Handlebars helpers available to every template. */
export function lowercase(value: unknown): string {
  return String(value).toLowerCase();
}

/** A value as a JavaScript/JSON literal, safe inside generated code whatever quotes it holds. Use with `{{{ }}}`. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * A string as a TypeScript literal in the generated code's own style: single quotes, unless the text holds
 * more single quotes than double ones (as Prettier chooses). Escapes what the chosen quote needs. Use with `{{{ }}}`.
 */
export function string(value: unknown): string {
  const text = String(value);
  const count = (quote: string) => text.split(quote).length - 1;
  const quote = count("'") > count('"') ? '"' : "'";
  // JSON.stringify escapes backslashes and control characters; only the chosen quote is then escaped.
  const body = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"');
  return `${quote}${body.replaceAll(quote, `\\${quote}`)}${quote}`;
}
