import { BULLETIN_TARGETS } from '@libs/bulletins';
import { catalogue } from '@projections/index';

// libs/bulletins cannot import the read models: this holds its targets to the indicator catalogue's.
describe("the bulletin's targets", () => {
  it("are the indicator catalogue's", () => {
    expect(BULLETIN_TARGETS).toEqual({
      certificationRate: catalogue.find('certification-rate')?.target?.value,
      satisfactionRate: catalogue.find('satisfaction-rate')?.target?.value,
    });
  });
});
