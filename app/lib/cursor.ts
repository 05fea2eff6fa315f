// Keyset-pagination cursors: the sort key of a page's last row and its id,
// opaque to clients (base64url JSON). A cursor that does not decode, or whose
// key the list does not accept, is no cursor: the list starts from the top.
import { isUuid } from "./validation";

export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString("base64url");
}

export function decodeCursor(cursor: string | undefined | null, acceptsKey: (key: string) => boolean = () => true): { key: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    return typeof key === "string" && acceptsKey(key) && isUuid(id) ? { key, id } : null;
  } catch {
    return null;
  }
}

/** For time-sorted lists: an ISO 8601 instant with its zone, as toISOString() and PostgreSQL write it. */
export const isIsoInstant = (key: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/.test(key) && !Number.isNaN(Date.parse(key));
