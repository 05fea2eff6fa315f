// The 47 prefectures as select options, read once from the national directory.
import type { Db } from "~/lib/db/client.server";
import { searchLocalGovernments } from "~/features/directory/data.server";

let cached: Promise<{ value: string; label: string }[]> | undefined;

export function prefectureOptions(db: Db): Promise<{ value: string; label: string }[]> {
  cached ??= searchLocalGovernments(db, { kind: "prefecture", limit: 100 }).then((r) => r.items.map((p) => ({ value: p.prefectureCode, label: p.name })));
  return cached;
}
