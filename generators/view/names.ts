/** Small pure helpers for turning snake_case table names into code identifiers. */

export function pascalCase(snake: string): string {
  return snake
    .split(/[_-]/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

export function camelCase(snake: string): string {
  const pascal = pascalCase(snake);
  return pascal[0]!.toLowerCase() + pascal.slice(1);
}

/** `test_runs` → `test run`, for sentences. */
export function label(snake: string): string {
  return snake.replace(/_/g, ' ');
}
