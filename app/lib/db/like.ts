// User text inside LIKE patterns must match literally: %, _ and \ are escaped.
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%text%` for a "contains" match on user input. */
export const containsPattern = (s: string) => `%${escapeLike(s)}%`;
