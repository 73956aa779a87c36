/** What the support endpoints answer (described by the Swagger plugin from these types). */
import { CommandAnswer } from '../commands/shared/answers.dto';

export class SupportAnswer extends CommandAnswer {
  supportId!: string;
}

export class SupportViewDto {
  status!: 'Granted' | 'Reversed';
  supportId!: string;
  householdId!: string;
  programmeCode!: string;
  /** The household's category when the support was granted. */
  householdCategory!: string;
  /** Integer fen: granted, delivered, returned. */
  grantedFen!: number;
  deliveredFen!: number;
  returnedFen!: number;
  grantedUnits!: number;
  deliveredUnits!: number;
  returnedUnits!: number;
  /** The stream's revision, also the ETag. */
  revision!: number;
}
