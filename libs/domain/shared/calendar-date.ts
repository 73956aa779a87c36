/**
 * A calendar date as the programme writes it: `YYYY-MM-DD`, a day that exists. Date.parse alone is not the
 * check: V8 reads 30 February or 31 April as a day of the next month, so they passed, were stored, and
 * PostgreSQL then refused the event in every read model that keeps the day.
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(text: unknown): text is string {
  if (typeof text !== 'string' || !DATE.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}
