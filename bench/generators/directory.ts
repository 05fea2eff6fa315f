// The national local-government directory (1,965 rows): the same idempotent
// sync the runtime does on start, then kept in memory for later steps.
import { syncLocalGovernments } from "~/features/directory/commands.internal.server";
import type { DirectoryEntry, GeneratorStep } from "./types";

export const directorySteps: GeneratorStep[] = [
  {
    name: "directory: national list",
    async run(ctx) {
      const result = await syncLocalGovernments(ctx.database.db);
      const { rows } = await ctx.database.executeSql(
        'select code, kind, name, name_kana as "nameKana", prefecture_code as "prefectureCode" from local_governments order by sort_order',
        [],
      );
      ctx.directory = rows as DirectoryEntry[];
      return { local_governments: result.changed ? result.total : 0 };
    },
  },
];
