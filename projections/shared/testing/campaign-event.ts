/** One event of a generated campaign history, as appended to its stream: what every generator step emits. */
import { JsonObject } from '@libs/event-store';

export interface CampaignEvent {
  stream: string;
  type: string;
  data: JsonObject;
  occurredAt: string;
}
