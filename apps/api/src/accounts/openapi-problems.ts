/** Problem answers of the sign-in and user endpoints, for the OpenAPI document. */
import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

const PROBLEM = {
  'application/problem+json': {
    schema: {
      type: 'object',
      required: ['type', 'title', 'status', 'code'],
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        code: { type: 'string' },
        detail: { type: 'string' },
      },
    },
  },
};

export const CSRF_HEADER = ApiHeader({
  name: 'X-CSRF-Token',
  required: false,
  description:
    'Required when signed in by the session cookie (the csrfToken of POST /auth/sessions or GET /auth/session); bearer-token callers send none',
});

export function ApiSignInProblems(): MethodDecorator {
  return applyDecorators(
    ApiBadRequestResponse({ description: '`invalid-request`: the body is off the schema', content: PROBLEM }),
    ApiUnauthorizedResponse({
      description: '`invalid-credentials`: wrong username or password (the same answer for both)',
      content: PROBLEM,
    }),
    ApiTooManyRequestsResponse({
      description: '`sign-in-throttled`: too many failures for this username or client address; wait Retry-After seconds',
      headers: { 'Retry-After': { schema: { type: 'integer' } } },
      content: PROBLEM,
    }),
  );
}

export function ApiSessionProblems(): MethodDecorator {
  return applyDecorators(
    ApiUnauthorizedResponse({ description: '`unauthenticated`: no live session cookie', content: PROBLEM }),
    ApiForbiddenResponse({ description: "`csrf-token-invalid`: a cookie write without its session's X-CSRF-Token", content: PROBLEM }),
  );
}

export function ApiUserProblems(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    CSRF_HEADER,
    ApiBadRequestResponse({
      description: '`invalid-request`: a field is off the schema, an unknown role, org unit or department (`errors` names it)',
      content: PROBLEM,
    }),
    ApiUnauthorizedResponse({ description: 'No bearer token or session', content: PROBLEM }),
    ApiForbiddenResponse({ description: '`forbidden`: not an administrator; `csrf-token-invalid`', content: PROBLEM }),
    ApiNotFoundResponse({ description: '`not-found`: no user with this username', content: PROBLEM }),
    ApiConflictResponse({ description: '`user-exists`: the username is taken', content: PROBLEM }),
  );
}
