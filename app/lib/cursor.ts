// Keyset-pagination cursors: the sort key of a page's last row and its id,
// opaque to clients (base64url JSON). A cursor that does not decode, or whose
// key the list does not accept, is no cursor: the list starts from the top.
// Cursors are client input: a crafted one must never reach the database with
// a value PostgreSQL refuses (year 0, 30 February, NUL).
import { hasInvalidCharacters, isCalendarDay, isUuid } from "./validation";

/** Longer than any sort key we write (names are at most a few hundred characters). */
const MAX_KEY_LENGTH = 1000;

export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString("base64url");
}

export function decodeCursor(
  cursor: string | undefined | null,
  acceptsKey: (key: string) => boolean = () => true,
): { key: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    return typeof key === "string" && key.length <= MAX_KEY_LENGTH && !hasInvalidCharacters(key) && acceptsKey(key) && isUuid(id)
      ? { key, id }
      : null;
  } catch {
    return null;
  }
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * For time-sorted lists: an ISO 8601 instant with its zone, as toISOString()
 * and PostgreSQL write it — on a real calendar day in our range of years.
 */
export function isIsoInstant(key: string): boolean {
  const m = ISO_INSTANT.exec(key);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetOk = m[7] === undefined || (Number(m[8]) <= 14 && Number(m[9]) <= 59);
  return isCalendarDay(year, month, day) && hour <= 23 && minute <= 59 && second <= 59 && offsetOk && !Number.isNaN(Date.parse(key));
}
