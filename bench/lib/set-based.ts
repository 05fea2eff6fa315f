// SQL fragments for rows generated inside the database (INSERT … SELECT over
// generate_series): deterministic "random" choices from an md5 of the row's
// own key, so a run is reproducible without shipping every row from Node.

/** A whole number in [0, 2^28) from 7 hex digits of an md5 text, starting at `at` (1-based, ≤ 26). */
export const hashInt = (md5: string, at: number) => `('x' || substr(${md5}, ${at}, 7))::bit(28)::int`;

/** A version-4 shaped UUID from an md5 text. */
export const uuidFromMd5 = (md5: string) =>
  `(substr(${md5}, 1, 12) || '4' || substr(${md5}, 14, 3) || '8' || substr(${md5}, 18, 15))::uuid`;

/** One element of a text[] expression, chosen by a hash. */
export const pickFrom = (array: string, hash: string) => `(${array})[1 + ${hash} % cardinality(${array})]`;

/** The Japanese calendar day of a timestamptz, whatever the session time zone. */
export const tokyoDate = (timestamp: string) => `((${timestamp} at time zone 'UTC') + interval '9 hours')::date`;

/** A moment on a Japanese calendar day ("HH:MM"). */
export const tokyoMoment = (date: string, time: string) => `((${date})::text || ' ' || ${time} || '+09')::timestamptz`;
