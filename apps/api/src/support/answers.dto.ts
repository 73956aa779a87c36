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

/** One grant as the household's page shows it. */
export class HouseholdSupportItem {
  supportId!: string;
  programmeCode!: string;
  /** The programme's names, Chinese and English. */
  programmeName!: { 'zh-CN': string; en: string };
  /** `cash`, or `in-kind` (goods counted in units). */
  form!: string;
  status!: 'granted' | 'reversed';
  /** ISO-8601 UTC. */
  grantedAt!: string;
  /** Integer fen (goods: their value). */
  grantedFen!: number;
  deliveredFen!: number;
  returnedFen!: number;
  grantedUnits!: number;
  deliveredUnits!: number;
  returnedUnits!: number;
}

export class HouseholdSupportAnswer {
  householdId!: string;
  /** Log position the answer reflects; null before the read model has handled anything. */
  position!: string | null;
  /** The household's grants of support, oldest first; empty when it received none. */
  support!: HouseholdSupportItem[];
}
