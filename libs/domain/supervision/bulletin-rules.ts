/**
 * What makes a bulletin's content publishable, for a district's bulletin and the city's alike: both report
 * on one bimonth that has begun, and a criticism names whom it criticises.
 */
import { rule } from '../shared';
import { BulletinKind } from './events';
import { isBimonth, monthOfInstant, parsePeriod } from './periods';

export interface BulletinContent {
  period: string;
  kind: BulletinKind;
  units: readonly string[];
}

export function requirePublishableBulletin({ period, kind, units }: BulletinContent, occurredAt: string): void {
  rule(isBimonth(period), 'bulletin-period-not-bimonthly', `bulletin period ${period} is not YYYYMMB`, 'invalid');
  rule(
    parsePeriod(period)!.firstMonth <= monthOfInstant(occurredAt),
    'bulletin-period-in-future',
    `a bulletin of ${occurredAt} cannot report on ${period}`,
    'invalid',
  );
  rule(
    kind !== 'criticism' || units.length > 0,
    'criticism-bulletin-names-no-unit',
    'a criticism bulletin must name the units criticised',
    'invalid',
  );
}
