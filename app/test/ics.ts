// Reading iCalendar text in tests: unfold, split, and collect each VEVENT's
// properties (name without parameters → raw value).

/** Unfolds (RFC 5545 §3.1) and splits a calendar into its content lines. */
export function icsLines(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
}

export function icsEvents(text: string): Record<string, string>[] {
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of icsLines(text)) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      if (current) events.push(current);
      current = null;
    } else if (current) {
      const at = line.indexOf(":");
      current[line.slice(0, at).split(";")[0]!] = line.slice(at + 1);
    }
  }
  return events;
}
