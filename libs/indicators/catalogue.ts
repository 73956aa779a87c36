/**
 * The catalogue the analyst API answers from: every read model's indicators (each read model keeps its own
 * definitions in its folder; projections/index.ts gathers them), looked up by name.
 */
import { Indicator } from './definitions';

export interface IndicatorCatalogue {
  /** In the order the read models list them: `GET /indicators` answers in this order. */
  readonly all: readonly Indicator[];
  find(name: string): Indicator | undefined;
}

export function indicatorCatalogue(indicators: readonly Indicator[]): IndicatorCatalogue {
  const byName = new Map<string, Indicator>();
  for (const indicator of indicators) {
    // A second definition under a name would silently shadow the first: refuse it where the list is built.
    if (byName.has(indicator.name)) throw new Error(`indicator ${indicator.name} is defined twice`);
    byName.set(indicator.name, indicator);
  }
  return { all: indicators, find: (name) => byName.get(name) };
}
