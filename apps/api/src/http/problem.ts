/**
 * RFC 9457 problem details. Every error the API answers is one of these, with a `code` naming the rule or
 * the failure, so clients branch on `code` rather than on prose. Details never echo submitted values:
 * they may be personal data.
 */
import { HttpException } from '@nestjs/common';

/**
 * One field refused: `rule` names the check it failed (class-validator's constraint name, `isIn`, `matches`,
 * `whitelistValidation` for a field no one may send, or the service's own: `noNul`, `finite`, `allowedName`),
 * so that a client words it in its own language; `message` is English, for API users.
 */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/** The rule of a refusal no more specific rule names (an invalidField caller that names none). */
export const INVALID_RULE = 'invalid';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  408: 'Request Timeout',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail?: string, extensions: Record<string, unknown> = {}): Problem {
  return { type: `https://family-ledger.dev/problems/${code}`, title: TITLES[status] ?? 'Error', status, code, detail, ...extensions };
}

/** Throw from anywhere in a request to answer with this problem. */
export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem, problem.status);
  }

  static of(status: number, code: string, detail?: string, extensions?: Record<string, unknown>): ProblemException {
    return new ProblemException(problem(status, code, detail, extensions));
  }
}

/** A 400 `invalid-request` naming one field and the rule it broke, as the validation pipe answers a DTO it refuses. */
export function invalidField(field: string, message: string, rule: string = INVALID_RULE): ProblemException {
  const errors: FieldError[] = [{ field, rule, message }];
  return ProblemException.of(400, 'invalid-request', 'the request does not match the schema', { errors });
}
