/** Keeps only the filters the client sent: knex refuses `undefined` bindings. */
export function definedOnly<T extends Record<string, unknown>>(filters: T): Partial<T> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as Partial<T>;
}
