// Display formats. Times are shown in Japan time whatever the server's zone.
import { formatWareki } from "~/lib/wareki";

const dateTime = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

/** 令和8年11月23日 (2026-11-23): officials read the era date, systems the ISO one. */
export const formatOfficialDate = (iso: string) => `${formatWareki(iso.slice(0, 10))}（${iso.slice(0, 10)}）`;
