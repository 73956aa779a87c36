/** What the activity endpoints answer (described by the Swagger plugin from these types). */
import { CommandAnswer } from '../commands/shared/answers.dto';

export class ActivityAnswer extends CommandAnswer {
  activityId!: string;
}

export class ActivityView {
  activityId!: string;
  revision!: number;
  /** The activity as folded from its stream: what, where, when, who took part; corrections applied, or cancelled. */
  state!: object;
}
