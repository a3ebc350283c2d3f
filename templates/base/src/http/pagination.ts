import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** The response schema of a list route: one page of items and where the next page starts. */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    page: z.object({
      limit: z.number().int(),
      offset: z.number().int(),
      total: z.number().int(),
      nextOffset: z.number().int().nullable(),
    }),
  });
}

export interface PageMeta {
  readonly limit: number;
  readonly offset: number;
  readonly total: number;
  readonly nextOffset: number | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly page: PageMeta;
}

export function toPage<T>(items: readonly T[], { limit, offset }: z.infer<typeof pageQuery>, total: number): Page<T> {
  return {
    items,
    page: { limit, offset, total, nextOffset: offset + items.length < total ? offset + items.length : null },
  };
}

/** `sort=title` ascending, `sort=-title` descending, over an allowed set of columns only. */
export function sortParam<const Column extends string>(columns: readonly [Column, ...Column[]], fallback: Column) {
  const values = columns.flatMap((column) => [column, `-${column}`] as const);
  return z
    .enum(values as [string, ...string[]])
    .default(fallback)
    .transform((value) => {
      const descending = value.startsWith('-');
      return { column: (descending ? value.slice(1) : value) as Column, direction: descending ? ('desc' as const) : ('asc' as const) };
    });
}
