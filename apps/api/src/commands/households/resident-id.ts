import { ValidateBy, ValidationOptions } from 'class-validator';
import { isResidentIdNumber } from '@libs/domain/shared';

/**
 * A resident ID number whose check character fits its 17 digits: a mistyped digit is refused at the door, with
 * the field named (never its value, which is personal data), rather than recorded against the household.
 */
export function IsResidentIdNumber(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isResidentIdNumber',
      validator: {
        validate: (value) => isResidentIdNumber(value),
        defaultMessage: () => '$property does not match its check character: a digit was mistyped',
      },
    },
    options,
  );
}
