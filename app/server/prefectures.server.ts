// The 47 prefectures as select options, read once from the national directory.
import type { PublicContext } from "~/lib/tenancy";
import { searchLocalGovernments } from "~/features/directory/data.server";

let cached: Promise<{ value: string; label: string }[]> | undefined;

export function prefectureOptions(ctx: PublicContext): Promise<{ value: string; label: string }[]> {
  cached ??= searchLocalGovernments(ctx, { kind: "prefecture", limit: 100 }).then((r) =>
    r.items.map((p) => ({ value: p.prefectureCode, label: p.name })),
  );
  return cached;
}
