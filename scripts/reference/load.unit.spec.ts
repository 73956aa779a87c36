import { RegisterError } from '@libs/programme-register';
import { loadArgs } from './load';

describe('npm run reference:load arguments', () => {
  it('takes the register, the file and its source', () => {
    expect(loadArgs(['village-households', 'register.csv', '--source', 'civil affairs 2013'])).toEqual({
      kind: 'village-households',
      file: 'register.csv',
      source: 'civil affairs 2013',
    });
    expect(loadArgs(['enrolment-targets', 'dir/targets.csv'])).toEqual({
      kind: 'enrolment-targets',
      file: 'dir/targets.csv',
      source: 'file targets.csv',
    });
  });

  it('refuses an unknown register or a missing file, naming what is expected', () => {
    expect(() => loadArgs(['households', 'x.csv'])).toThrow(
      new RegisterError(undefined, 'the first argument is the register: village-households or enrolment-targets'),
    );
    expect(() => loadArgs(['village-households'])).toThrow(/the second argument is the CSV file/);
  });
});
