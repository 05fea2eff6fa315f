// How meeting times read on the page: Japan time, the end time alone when the
// meeting ends on the day it starts ("2027/05/10 14:00〜16:00").
import { formatDateTime } from "~/ui/format";

export function formatMeetingTime(startsAt: string, endsAt: string): string {
  const start = formatDateTime(startsAt);
  const end = formatDateTime(endsAt);
  const [startDay] = start.split(" ");
  const [endDay, endTime] = end.split(" ");
  return startDay === endDay && endTime ? `${start}〜${endTime}` : `${start}〜${end}`;
}
