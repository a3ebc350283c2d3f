import type { z } from 'zod';
import { type FieldError, HttpError } from './problem.js';

type Location = 'body' | 'params' | 'query';

/**
 * Parses one part of the request and returns the typed value. Validated values are returned,
 * not written back onto `req`: in Express 5 `req.query` is a getter and cannot be assigned.
 */
export function parse<Schema extends z.ZodType>(schema: Schema, value: unknown, location: Location): z.infer<Schema> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    pointer: ['', location, ...issue.path.map(String)].join('/'),
    message: issue.message,
  }));
  throw HttpError.validation(errors);
}

/** PostgreSQL text cannot hold U+0000; refusing it here names the field instead of failing in the database. */
export const noNul = (value: string): boolean => !value.includes('\u0000');
