// The term of an agreement when it is renewed: the next term starts the day
// after the current one ends and runs for the renewal period (renewalYears),
// or else as long as the current term; the objection deadline keeps its
// distance before the end. Pure calendar arithmetic on ISO dates (no time
// zone involved), safe in the browser.

const DAY = 86_400_000;
const parse = (iso: string) => iso.split("-").map(Number) as [number, number, number];
const format = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utc = (iso: string) => {
  const [y, m, d] = parse(iso);
  return Date.UTC(y, m - 1, d);
};

/** The date `days` days later (earlier when negative). */
export const addDays = (iso: string, days: number) => format(utc(iso) + days * DAY);

/** Calendar days from one date to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY);

/** The same day `months` months later; past the month's end, its last day ("2027-01-31" + 1 → "2027-02-28"). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parse(iso);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return format(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
}

/**
 * The last day of a period of `months` months from `start` (民法 143条): the
 * day before the same day that many months later, or the last day of that
 * month when it has no such day ("2027-04-01", 36 → "2030-03-31";
 * "2027-01-31", 1 → "2027-02-28").
 */
export function termEnd(start: string, months: number): string {
  const [y, m, d] = parse(start);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return d > lastDay ? format(Date.UTC(y, m - 1 + months, lastDay)) : format(Date.UTC(y, m - 1 + months, d) - DAY);
}

/** How many whole months a term from `start` to `end` (inclusive) runs, or null when it is not whole months. */
export function termMonths(start: string, end: string): number | null {
  const [y1, m1] = parse(start);
  const [y2, m2] = parse(addDays(end, 1));
  const guess = (y2 - y1) * 12 + (m2 - m1);
  return [guess, guess - 1, guess + 1].find((n) => n > 0 && termEnd(start, n) === end) ?? null;
}

export interface Term {
  startsOn: string | null;
  endsOn: string | null;
  renewalYears: number | null;
  objectionDeadline: string | null;
}

/**
 * The end of the next term when nothing else is agreed: `renewalYears` years,
 * else as long as the current term, from the day after the current end. Null
 * for an agreement without an end date.
 */
export function defaultRenewedEnd(term: Term): string | null {
  if (!term.endsOn) return null;
  const nextStart = addDays(term.endsOn, 1);
  const months = term.renewalYears ? term.renewalYears * 12 : term.startsOn ? termMonths(term.startsOn, term.endsOn) : null;
  if (months) return termEnd(nextStart, months);
  if (!term.startsOn) return null;
  return addDays(term.endsOn, Math.round((utc(term.endsOn) - utc(term.startsOn)) / DAY) + 1);
}

/**
 * The renewed term's end and objection deadline: the end the parties agreed
 * (`endsOn`), else the default; the deadline moves with the end (by the same
 * whole months when the new term is whole months, else by the same days).
 * Null when there is no end date to move.
 */
export function renewedTerm(term: Term, endsOn?: string | null): { endsOn: string; objectionDeadline: string | null } | null {
  const end = endsOn ?? defaultRenewedEnd(term);
  if (!end) return null;
  let deadline = term.objectionDeadline;
  if (deadline && term.endsOn) {
    const months = termMonths(addDays(term.endsOn, 1), end);
    deadline = months ? addMonths(deadline, months) : addDays(deadline, Math.round((utc(end) - utc(term.endsOn)) / DAY));
  }
  return { endsOn: end, objectionDeadline: deadline };
}
