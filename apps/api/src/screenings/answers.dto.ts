/** What the screening endpoints answer (described by the Swagger plugin from these types). */
import { CommandAnswer } from '../commands/shared/answers.dto';

export class ScreeningAnswer extends CommandAnswer {
  screeningId!: string;
}

export class ScreeningView {
  screeningId!: string;
  revision!: number;
  /** Where the record stands in the chain (steps done, open, closed or erased); no result and no personal field. */
  state!: object;
}

export class ScreeningErasureAnswer {
  screeningId!: string;
  personalData!: 'erased';
  legalBasis!: string;
}
