import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ProblemException } from './problem';

/**
 * Strict input: unknown fields are refused (not silently dropped), types are not coerced, and the problem
 * lists each bad field with a message that never repeats the value submitted.
 */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      ProblemException.of(400, 'invalid-request', 'the request does not match the schema', { errors: flatten(errors) }),
  });
}

/**
 * One FieldError per broken constraint, its `rule` the constraint's name (`isIn`, `matches`, `isInstant`,
 * `whitelistValidation` for an unknown field), which clients word in their own language.
 */
export function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule,
      message: message.replace(/^\S+ /, `${field} `),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
