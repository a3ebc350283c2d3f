import { HttpError } from './problem.js';

interface PostgresError {
  readonly code: string;
  readonly constraint?: string;
  readonly detail?: string;
}

function isPostgresError(error: unknown): error is PostgresError {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    && /^[0-9A-Z]{5}$/.test((error as { code: string }).code);
}

/**
 * Maps constraint violations to client errors. The database is the last line of defence for
 * integrity, so a request that breaks a constraint is the client's problem, never a 500.
 */
export function fromDatabaseError(error: unknown): HttpError | undefined {
  if (!isPostgresError(error)) return undefined;
  const constraint = error.constraint === undefined ? '' : ` (${error.constraint})`;
  switch (error.code) {
    case '23505':
      return HttpError.conflict(`A record with the same unique value already exists${constraint}.`);
    // A delete blocked by ON DELETE RESTRICT is 23503 before PostgreSQL 18 and 23001 (restrict_violation) from 18,
    // which the embedded database runs.
    case '23503':
    case '23001':
      return HttpError.unprocessable(`A referenced record does not exist, or other records still depend on this one${constraint}.`);
    case '23514':
    case '23502':
      return HttpError.unprocessable(`The values break a rule of the data model${constraint}.`);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return HttpError.badRequest('A value has the wrong format or is out of range.');
    case '22021':
    case '22P05':
      return HttpError.badRequest('A value contains characters that cannot be stored.');
    default:
      return undefined;
  }
}
