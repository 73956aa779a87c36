/**
 * Checks a scheme document whole before anything is written: every refusal names the component (its
 * position, key and assessment line) and the value, so an administrator can fix the file. Pure; the
 * indicator catalogue is passed in (libs do not import the read models).
 */
import { IndicatorCatalogue } from '../indicators/catalogue';
import {
  ASSESSED_LEVELS,
  Component,
  LEVEL_OF_LINE,
  Line,
  LINE_NAMES,
  LINES,
  NO_VALUE,
  NoValue,
  OWN_MEASURES,
  RULE_KINDS,
  SchemeDocument,
  ScoringRule,
} from './scheme';

export class SchemeError extends Error {
  constructor(
    message: string,
    /** The assessment line the refusal is about, when it is about one. */
    readonly line?: Line,
  ) {
    super(message);
    this.name = 'SchemeError';
  }
}

const quote = (value: unknown) => `"${String(value).slice(0, 60)}"`;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isText = (value: unknown, max = 200): value is string => typeof value === 'string' && value.trim() !== '' && value.length <= max;

/** The checked document, or a SchemeError naming what is wrong and where. */
export function parseScheme(input: unknown, catalogue: Pick<IndicatorCatalogue, 'find'>): SchemeDocument {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new SchemeError('a scheme is a JSON object');
  const doc = input as Record<string, unknown>;
  if (!isText(doc.scheme, 60) || !/^[a-z][a-z0-9-]*$/.test(doc.scheme))
    throw new SchemeError(`scheme ${quote(doc.scheme)} must be a code of lower-case letters, digits and dashes`);
  if (!isText(doc.title)) throw new SchemeError('title must be a non-empty text of at most 200 characters');
  checkEffectiveFrom(doc.effectiveFrom);
  const total = doc.total ?? 100;
  if (!isNumber(total) || total <= 0) throw new SchemeError(`total ${quote(total)} must be a positive number`);
  if (!Array.isArray(doc.sources) || doc.sources.length === 0 || !doc.sources.every((s) => isText(s, 1000)))
    throw new SchemeError('sources must list at least one source (texts of at most 1000 characters)');
  if (!Array.isArray(doc.components) || doc.components.length === 0) throw new SchemeError('components must list at least one component');
  const components = doc.components.map((c, i) => parseComponent(c, i, catalogue));
  const keys = new Set<string>();
  components.forEach((c, i) => {
    const key = `${LEVEL_OF_LINE[c.line]}:${c.key}`;
    if (keys.has(key)) throw new SchemeError(`${where(i, c)}: key ${quote(c.key)} is used twice for the ${LEVEL_OF_LINE[c.line]}s`, c.line);
    keys.add(key);
  });
  checkWeights(components, total);
  return {
    scheme: doc.scheme,
    title: doc.title,
    effectiveFrom: doc.effectiveFrom as string,
    total,
    sources: [...(doc.sources as string[])],
    components,
  };
}

/** A scheme applies from a bimonth's first day: a bimonth is scored under one version only. */
function checkEffectiveFrom(value: unknown): void {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  const [year, month, day] = match ? match.slice(1).map(Number) : [];
  if (!match || year < 2000 || year > 2100 || month < 1 || month > 12 || month % 2 !== 1 || day !== 1)
    throw new SchemeError(`effectiveFrom ${quote(value)} must be the first day of a bimonth (yyyy-01-01, yyyy-03-01, ..., yyyy-11-01)`);
}

function where(index: number, c: { key?: unknown; line?: unknown }): string {
  const line = (LINES as readonly unknown[]).includes(c.line)
    ? `${LINE_NAMES[c.line as Line].en} (${LINE_NAMES[c.line as Line]['zh-CN']})`
    : 'line ?';
  return `component ${index + 1} (${line}, key ${quote(c.key)})`;
}

function parseComponent(input: unknown, index: number, catalogue: Pick<IndicatorCatalogue, 'find'>): Component {
  if (typeof input !== 'object' || input === null) throw new SchemeError(`component ${index + 1} is not an object`);
  const c = input as Record<string, unknown>;
  const at = where(index, c);
  if (!(LINES as readonly unknown[]).includes(c.line))
    throw new SchemeError(`${at}: unknown line ${quote(c.line)}; known: ${LINES.join(', ')}`);
  const line = c.line as Line;
  const fail = (message: string): never => {
    throw new SchemeError(`${at}: ${message}`, line);
  };
  if (!isText(c.key, 60) || !/^[a-z][a-z0-9-]*$/.test(c.key)) fail('key must be a code of lower-case letters, digits and dashes');
  if (!isText(c.title)) fail('title must be a non-empty text');
  checkMeasure(c.measure, line, catalogue, fail);
  if (!isNumber(c.weight) || c.weight <= 0) fail(`weight ${quote(c.weight)} must be a positive number`);
  const rule = parseRule(c.rule, fail);
  const target = c.target ?? (rule.kind === 'penalty' ? 0 : undefined);
  if (!isNumber(target) || target < 0 || (rule.kind !== 'penalty' && target === 0))
    fail(`target ${quote(c.target)} must be a ${rule.kind === 'penalty' ? 'non-negative' : 'positive'} number`);
  if (String(c.measure).startsWith('indicator:') && isRate(c.measure as string, catalogue) && (target as number) > 1)
    fail(`target ${quote(target)} of a rate must be a proportion between 0 and 1`);
  if (c.noValue !== undefined && !(NO_VALUE as readonly unknown[]).includes(c.noValue))
    fail(`noValue ${quote(c.noValue)} must be one of ${NO_VALUE.join(', ')}`);
  return {
    key: c.key as string,
    title: c.title as string,
    line,
    measure: c.measure as Component['measure'],
    weight: c.weight as number,
    target: target as number,
    rule,
    ...(c.noValue === undefined ? {} : { noValue: c.noValue as NoValue }),
  };
}

function isRate(measure: string, catalogue: Pick<IndicatorCatalogue, 'find'>): boolean {
  return catalogue.find(measure.slice('indicator:'.length))?.unit === 'proportion';
}

function checkMeasure(measure: unknown, line: Line, catalogue: Pick<IndicatorCatalogue, 'find'>, fail: (m: string) => never): void {
  const level = LEVEL_OF_LINE[line];
  if (typeof measure !== 'string') return fail('measure must be a text');
  if (measure.startsWith('indicator:')) {
    const name = measure.slice('indicator:'.length);
    const indicator = catalogue.find(name);
    if (!indicator) return fail(`unknown indicator ${quote(name)}; GET /indicators lists them`);
    if (indicator.periodGrain === 'year') fail(`indicator ${quote(name)} is reported by whole years; a scheme scores bimonths`);
    if (level === 'district' && indicator.levels && !indicator.levels.includes('district'))
      fail(`indicator ${quote(name)} is not reported by district`);
    if (level === 'department' && !Object.hasOwn(indicator.dimensions, 'department'))
      fail(`indicator ${quote(name)} has no department breakdown; the departments' line needs one`);
    return;
  }
  if (!(OWN_MEASURES as readonly string[]).includes(measure))
    return fail(`unknown measure ${quote(measure)}; use indicator:<name> or one of ${OWN_MEASURES.join(', ')}`);
  if ((measure === 'supervision-compliance' || measure === 'pilot-townships') && level !== 'district')
    fail(`${measure} is measured for districts only`);
}

function parseRule(input: unknown, fail: (m: string) => never): ScoringRule {
  const rule = (typeof input === 'object' && input !== null ? input : { kind: input }) as Record<string, unknown>;
  if (!(RULE_KINDS as readonly unknown[]).includes(rule.kind))
    return fail(`unknown rule ${quote(rule.kind)}; known: ${RULE_KINDS.join(', ')}`);
  if (rule.kind !== 'penalty') return { kind: rule.kind as 'linear' | 'threshold' };
  if (!isNumber(rule.perCase) || rule.perCase <= 0)
    return fail(`a penalty rule needs perCase, a positive number (got ${quote(rule.perCase)})`);
  return { kind: 'penalty', perCase: rule.perCase };
}

/** Each level's components weigh the scheme's total together: a district's lines share it, as do the departments'. */
function checkWeights(components: readonly Component[], total: number): void {
  for (const level of ASSESSED_LEVELS) {
    const mine = components.filter((c) => LEVEL_OF_LINE[c.line] === level);
    if (mine.length === 0) continue;
    const lines = [...new Set(mine.map((c) => c.line))];
    // Weights in hundredths, so 33.33 + 33.33 + 33.34 sums to 100 exactly.
    const sum = mine.reduce((s, c) => s + Math.round(c.weight * 100), 0) / 100;
    if (sum !== total) {
      const names = lines.map((l) => `${LINE_NAMES[l].en} (${LINE_NAMES[l]['zh-CN']})`).join(' and ');
      const parts = lines.map((l) => `${l} ${mine.filter((c) => c.line === l).reduce((s, c) => s + c.weight, 0)}`).join(', ');
      throw new SchemeError(`the ${level} weights of the ${names} sum to ${sum} (${parts}), not the scheme's total ${total}`, lines[0]);
    }
  }
}
