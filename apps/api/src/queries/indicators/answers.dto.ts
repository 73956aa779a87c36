/** What the indicator endpoints answer (described by the Swagger plugin from these types). */

export class IndicatorDefinitionDto {
  name!: string;
  title!: string;
  description!: string;
  /** count, proportion, yuan, ... */
  unit!: string;
  numerator!: string;
  denominator!: string | null;
  /** The breakdowns `by` accepts. */
  dimensions!: string[];
  /** The period syntax `pe` accepts. */
  periods!: string;
  /** `wilson` when rates carry a confidence interval. */
  interval!: string | null;
  target!: object | null;
  /** The levels `level` accepts. */
  levels!: string[];
}

export class IndicatorCatalogue {
  indicators!: IndicatorDefinitionDto[];
}

export class ReflectsDto {
  /** The log position the rows reflect; null before the read model has handled anything. */
  position!: string | null;
  /** When the log accepted that event. */
  recordedAt!: string | null;
}

export class IndicatorAnswerDto {
  indicator!: string;
  unit!: string;
  /** The org unit answered for: the one asked, or the caller's own when `ou` is omitted. */
  orgUnit!: string;
  level!: string;
  periods!: string[];
  by!: string[];
  reflects!: ReflectsDto;
  /**
   * One row per org unit, period and breakdown value: numerator, denominator, value, interval, target; `suppressed` cells withheld from analysts.
   * Indicators counting events of households (satisfaction responses, needs, screening tests) add `households`: the distinct households
   * behind the cell where its events leave the suppression decision open, null where they decide it (fewer than 5 events, or at least
   * 5 times the most events any one household has).
   */
  rows!: object[];
}
