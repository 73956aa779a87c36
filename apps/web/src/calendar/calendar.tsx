/**
 * The programme's calendar as the service keeps it: the time zone comes from `GET /calendar`
 * (PROGRAMME_TIME_ZONE on the server), never from a constant of the page's own, so dates shown, months
 * filtered and times typed are read in the zone the read models bucket periods in: one calendar.
 * Asked once at start, beside the session check (it needs no sign-in), so it adds no round trip.
 */
import { createContext, ReactNode, useContext, useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';

interface Calendar {
  /** The IANA zone, or undefined until the service has answered. */
  timeZone?: string;
  error?: Error;
}

const CalendarContext = createContext<Calendar>({});

/** `timeZone`: the calendar the page came with (opening/state.ts); asked of the service otherwise. */
export function CalendarProvider({ timeZone, children }: { timeZone?: string; children: ReactNode }) {
  const [calendar, setCalendar] = useState<Calendar>({ timeZone });
  useEffect(() => {
    if (timeZone) return;
    api.GET('/calendar').then(
      (result) => setCalendar({ timeZone: unwrap(result).timeZone }),
      (error: Error) => setCalendar({ error }),
    );
    // The zone the page came with is the first state only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return <CalendarContext.Provider value={calendar}>{children}</CalendarContext.Provider>;
}

export const useCalendar = (): Calendar => useContext(CalendarContext);

/** `YYYYMM` of an instant in the zone: the month it counts in. */
export function monthIn(timeZone: string, iso: string): string {
  const { year, month } = partsIn(timeZone, Date.parse(iso));
  return `${year}${String(month).padStart(2, '0')}`;
}

/**
 * The instant of a wall-clock time typed in the zone (`2012-04-01T10:00`): the zone's offset at that
 * time, found from the offset at a first guess and checked once more (a daylight-saving change between).
 */
export function instantIn(timeZone: string, local: string): string {
  const wall = Date.parse(`${local}Z`);
  const first = wall - offsetAt(timeZone, wall);
  return new Date(wall - offsetAt(timeZone, first)).toISOString();
}

function offsetAt(timeZone: string, ms: number): number {
  const p = partsIn(timeZone, ms);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

function partsIn(timeZone: string, ms: number) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const fields = Object.fromEntries(format.formatToParts(ms).map((part) => [part.type, Number(part.value)]));
  return fields as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}
