import { STATUS_CODES } from 'node:http';

/** One invalid input, located by a JSON pointer into the request (`/body/title`, `/query/limit`). */
export interface FieldError {
  readonly pointer: string;
  readonly message: string;
}

/** An RFC 9457 problem details document. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly requestId: string | undefined;
  readonly errors?: readonly FieldError[];
}

const TYPE_BASE = 'https://problems.example.com/';

/**
 * The one error type the application throws on purpose. Anything else that reaches the
 * error handler is a bug or an outage and becomes a 500 without internals.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly detail: string,
    readonly errors?: readonly FieldError[],
  ) {
    super(detail);
    this.name = 'HttpError';
  }

  static badRequest(detail: string, errors?: readonly FieldError[]): HttpError {
    return new HttpError(400, 'bad-request', detail, errors);
  }

  static validation(errors: readonly FieldError[]): HttpError {
    return new HttpError(400, 'validation-failed', 'The request is not valid; see errors.', errors);
  }

  static notFound(detail: string): HttpError {
    return new HttpError(404, 'not-found', detail);
  }

  static conflict(detail: string): HttpError {
    return new HttpError(409, 'conflict', detail);
  }

  static unprocessable(detail: string): HttpError {
    return new HttpError(422, 'unprocessable', detail);
  }
}

export function toProblem(error: HttpError, instance: string, requestId: string | undefined): Problem {
  return {
    type: `${TYPE_BASE}${error.slug}`,
    title: STATUS_CODES[error.status] ?? 'Error',
    status: error.status,
    detail: error.detail,
    instance,
    requestId,
    ...(error.errors === undefined ? {} : { errors: error.errors }),
  };
}
