// Display formats for components: dates, times, lists and numbers in the
// active locale (lib/i18n/format.ts; 和暦 in Japanese, Japan time always).
import { formatters, type Formatters } from "~/lib/i18n";
import { useLocale } from "./i18n";

export function useFormat(): Formatters {
  return formatters(useLocale());
}
