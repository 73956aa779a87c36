/**
 * Complementary (secondary) suppression, the pure rule. A withheld cell is still given away when its siblings
 * add up to a published parent: the parent less its published siblings is the withheld cells' sum. So within
 * each group of siblings, if the withheld cells hold fewer than the threshold of households together (and at
 * least one is withheld), or only one is withheld, the smallest published sibling is withheld too (ties broken
 * by its code), and again, until at least two withheld cells hold enough together or the whole group is
 * withheld. (A lone withheld cell, however large, is given back exactly, and with it, in a table of two
 * dimensions, the small cell it shares another group with: village A's family-doctor cell is A's total less
 * A's health-check cell, itself the health-check total less B's.) Groups overlap (a village's
 * service-type cells are one group, the same service type across the township's villages another), so the
 * groups are gone over until none changes. The caller builds the groups (libs/auth/suppression.ts).
 */

export interface GroupCell {
  /** What orders siblings of equal size (its org unit, then its breakdown values): the rule is then deterministic. */
  code: string;
  /** The cell's size as suppression judges it: the smallest published sibling is withheld first. */
  size: number;
  /** The fewest distinct households the cell can hold: what withheld cells are counted by together. */
  households: number;
  /** Withheld already (a small cell, or one withheld before). */
  withheld: boolean;
}

export interface CellGroup {
  /** Indexes of the sibling cells in the list the groups are given with. */
  members: readonly number[];
  /**
   * Siblings that may share households (the values of a breakdown: one family answers for a health check and a
   * family doctor): their withheld cells hold at least the largest of them together, not the sum, which would
   * count a family twice. Org units' households are apart: their sum.
   */
  sharesHouseholds: boolean;
  /**
   * The siblings are the parts of a cell withheld where it is published itself (their parent org unit's cell, or
   * their org unit's cell without this breakdown). Were they all published, their sum would give it back, so
   * the group is protected as one with a withheld cell: two of its own withheld at least.
   */
  partsOfWithheld?: boolean;
}

/**
 * Which cells to withhold: those already withheld, and the complements the rule adds in every group. Pure and
 * deterministic for a given list of groups (give them in a stable order); idempotent: its answer, given back as
 * the cells' `withheld`, comes back unchanged.
 */
export function protectGroups(cells: readonly GroupCell[], groups: readonly CellGroup[], threshold: number): boolean[] {
  const withheld = cells.map((cell) => cell.withheld);
  // A round that changes anything withholds one more cell at least, so the rounds are bounded by the cells.
  for (let round = 0; round <= cells.length; round++) {
    let changed = false;
    for (const group of groups) changed = protectGroup(cells, withheld, group, threshold) || changed;
    if (!changed) break;
  }
  return withheld;
}

/** Withholds the group's smallest published cells until its withheld cells hold `threshold` households together. */
function protectGroup(cells: readonly GroupCell[], withheld: boolean[], group: CellGroup, threshold: number): boolean {
  const held = group.members.filter((i) => withheld[i]);
  if (held.length === 0 && !group.partsOfWithheld) return false;
  const add = (together: number, i: number) =>
    group.sharesHouseholds ? Math.max(together, cells[i].households) : together + cells[i].households;
  let together = held.reduce(add, 0);
  let count = held.length;
  const open = group.members
    .filter((i) => !withheld[i])
    .sort((a, b) => cells[a].size - cells[b].size || compare(cells[a].code, cells[b].code));
  for (const i of open) {
    // One withheld cell alone is its parent less its published siblings, large or not: known, it gives back the
    // cells it is withheld with in its other groups (a village's service types, a service type's villages).
    if (together >= threshold && count >= 2) break;
    withheld[i] = true;
    together = add(together, i);
    count++;
  }
  return count > held.length;
}

/** Code order by code units, not the locale's collation: the same on every server. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
