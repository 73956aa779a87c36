import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsInstant } from './instant';
import { FieldError, invalidField, ProblemException } from './problem';
import { strictValidationPipe } from './validation';

class Head {
  @IsString()
  @MaxLength(10)
  name!: string;
}

class Enrol {
  @Matches(/^\d{12}$/)
  villageCode!: string;

  @IsIn(['stable', 'developing'])
  category!: string;

  @IsOptional()
  @IsInstant()
  occurredAt?: string;

  @ValidateNested()
  @Type(() => Head)
  head!: Head;
}

/** The problem the pipe answers for `body`, or undefined when it is let through. */
async function refusal(body: unknown) {
  try {
    await strictValidationPipe().transform(body, { type: 'body', metatype: Enrol });
    return undefined;
  } catch (error) {
    return (error as ProblemException).problem;
  }
}

const secret = '640104198001011234';

describe('the validation problem', () => {
  it('names each refused field with the rule it broke beside the English message, and never the value sent', async () => {
    const problem = await refusal({ villageCode: secret, category: 'rich', occurredAt: '2012-W01-1', head: { name: 'x'.repeat(11) } });
    expect(problem).toMatchObject({ status: 400, code: 'invalid-request' });
    expect(problem!.errors).toEqual<FieldError[]>([
      { field: 'villageCode', rule: 'matches', message: expect.stringMatching(/^villageCode must match/) },
      { field: 'category', rule: 'isIn', message: expect.stringMatching(/^category must be one of/) },
      { field: 'occurredAt', rule: 'isInstant', message: expect.stringMatching(/^occurredAt must be an ISO 8601/) },
      { field: 'head.name', rule: 'maxLength', message: expect.stringMatching(/^head\.name must be shorter/) },
    ]);
    expect(JSON.stringify(problem)).not.toContain(secret);
  });

  it('names a field no one may send by the whitelist rule, and a nested object sent as text by the nesting rule', async () => {
    const problem = await refusal({ villageCode: '640104001001', category: 'stable', head: 'Ma Lan', isAdmin: true });
    expect(problem!.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'isAdmin', rule: 'whitelistValidation' }),
        expect.objectContaining({ field: 'head', rule: 'nestedValidation' }),
      ]),
    );
  });

  it('lets a valid body through', async () => {
    expect(await refusal({ villageCode: '640104001001', category: 'stable', head: { name: '马兰' } })).toBeUndefined();
  });

  it('names a rule for a field refused outside the pipe, a generic one when the caller names none', () => {
    expect(invalidField('limit', 'limit must be an integer from 1 to 1000', 'max').problem.errors).toEqual([
      { field: 'limit', rule: 'max', message: 'limit must be an integer from 1 to 1000' },
    ]);
    expect(invalidField('cursor', 'cursor must be a cursor this service handed out').problem.errors).toEqual([
      { field: 'cursor', rule: 'invalid', message: 'cursor must be a cursor this service handed out' },
    ]);
  });
});
