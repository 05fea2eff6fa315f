// Importing a register: a Shift_JIS CSV of 10,000 rows (the import's limit)
// read, staged and previewed (POST /api/v1/agreements/imports), the preview
// read again (GET …/:id), and 1,000-row registers confirmed (POST …/commit,
// one transaction). Partners are companies already on the platform, named
// by 法人番号, and a few new ones per file. Baselines in the same run:
// reading the file alone (no database) for the upload, and the same rows
// written with plain bulk INSERTs for the confirmation.
import { randomUUID } from "node:crypto";
import iconv from "iconv-lite";
import type { Database } from "~/lib/db/client.server";
import { readTabular } from "~/lib/tabular.server";
import * as importRoute from "~/routes/api/agreement-import";
import * as importsRoute from "~/routes/api/agreement-imports";
import { bulkInsert } from "../lib/bulk";
import { measure } from "../lib/stats";
import { issueTokens, okJson, type BenchContext, type Caller, type Row } from "./callers";

/** Rows in the previewed file (the import's limit) and in each confirmed one. */
export const importSizes = { preview: 10_000, commit: 1_000 };
/** Uploads and confirmations are heavy and add data: fewer of them than reads. */
const HEAVY_ITERATIONS = 10;

const q = async (database: Database, text: string, params: unknown[] = []) => (await database.executeSql(text, params)).rows as Row[];

interface Partner {
  name: string;
  corporateNumber: string;
  id: string;
}

/** A register as desks keep it: 協定名, 締結先 with 法人番号, 分野, 概要, 連携事項, 和暦 dates, 状態. */
function registerFile(tag: string, rows: number, partners: Partner[]): Buffer {
  const lines = ["協定名,締結先,法人番号,分野,概要,連携事項,締結日,有効期限,状態"];
  for (let i = 0; i < rows; i++) {
    const p = partners[i % partners.length]!;
    // Every 50th row names a partner not on the platform yet (registered on confirmation).
    const names = i % 50 === 0 ? `${p.name}、${tag}新規パートナー${i % 7}株式会社` : p.name;
    lines.push(
      `${tag}連携協定${i},"${names}",${p.corporateNumber},防災／子育て支援,地域の課題に共に取り組む（${i}）,"1. 防災訓練の共催\n2. 子育て情報の発信",令和${2 + (i % 6)}年4月1日,令和${11 + (i % 3)}年3月31日,連携中`,
    );
  }
  return iconv.encode(lines.join("\r\n"), "cp932");
}

async function uploadRegister(bench: BenchContext, caller: Caller, bytes: Buffer): Promise<Row> {
  const res = await bench.app.call(importsRoute.action, {
    path: "/api/v1/agreements/imports?filename=register.csv",
    method: "POST",
    token: caller.token,
    headers: { "content-type": "text/csv", "x-renkei-organization": caller.organizationId },
    body: new Uint8Array(bytes),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`import upload: expected 201, got ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Row;
}

/** The same writes as a confirmation, as plain bulk INSERTs: agreements, parties, items, timeline. */
async function rawWrite(
  database: Database,
  desk: { organizationId: string; userId: string; localGovCode: string },
  tag: string,
  rows: number,
  partners: Partner[],
): Promise<string[]> {
  const ids = Array.from({ length: rows }, () => randomUUID());
  await bulkInsert(
    database,
    "agreements",
    [
      { name: "id", type: "uuid" },
      { name: "municipality_id", type: "uuid" },
      { name: "local_gov_code", type: "text" },
      { name: "title", type: "text" },
      { name: "method", type: "text" },
      { name: "purpose", type: "text" },
      { name: "status", type: "text" },
      { name: "signed_on", type: "date" },
      { name: "ends_on", type: "date" },
      { name: "search_text", type: "text" },
      { name: "created_by", type: "uuid" },
    ],
    ids.map((id, i) => [
      id,
      desk.organizationId,
      desk.localGovCode,
      `${tag}連携協定${i}`,
      "project",
      `地域の課題に共に取り組む（${i}）`,
      "active",
      `${2020 + (i % 6)}-04-01`,
      `${2029 + (i % 3)}-03-31`,
      `${tag}連携協定${i} 防災訓練の共催 子育て情報の発信`,
      desk.userId,
    ]),
  );
  await bulkInsert(
    database,
    "agreement_parties",
    [
      { name: "agreement_id", type: "uuid" },
      { name: "organization_id", type: "uuid" },
      { name: "position", type: "int4" },
    ],
    ids.flatMap((id, i) => [
      [id, desk.organizationId, 0],
      [id, partners[i % partners.length]!.id, 1],
    ]),
  );
  await bulkInsert(
    database,
    "agreement_items",
    [
      { name: "agreement_id", type: "uuid" },
      { name: "position", type: "int4" },
      { name: "title", type: "text" },
      { name: "field", type: "text" },
    ],
    ids.flatMap((id) => [
      [id, 0, "防災訓練の共催", "disaster"],
      [id, 1, "子育て情報の発信", "childcare"],
    ]),
  );
  await bulkInsert(
    database,
    "agreement_events",
    [
      { name: "agreement_id", type: "uuid" },
      { name: "to_status", type: "text" },
      { name: "actor_user_id", type: "uuid" },
      { name: "note", type: "text" },
    ],
    ids.map((id) => [id, "active", desk.userId, "bench"]),
  );
  return ids;
}

export async function benchmarkAgreementImport(bench: BenchContext, sizes = importSizes): Promise<void> {
  const PREVIEW_ROWS = sizes.preview;
  const COMMIT_ROWS = sizes.commit;
  const { app, iterations, warmup, add, log } = bench;
  const database = app.runtime.database;
  // A desk with a small register, so the imports do not change what the other cases measure.
  const [desk] = await q(
    database,
    `select m.user_id, o.id as organization_id, o.local_gov_code, o.name from memberships m join organizations o on o.id = m.organization_id
      where m.role = 'desk_admin' and o.kind = 'municipality'
      order by (select count(*) from agreement_parties ap where ap.organization_id = o.id), o.local_gov_code limit 1`,
  );
  if (!desk) throw new Error("import: no municipality desk");
  const [caller] = await issueTokens(database, [
    { userId: desk.user_id as string, organizationId: desk.organization_id as string, departmentId: null, label: "desk admin (import)" },
  ]);
  const partners = (
    await q(
      database,
      "select id, name, corporate_number from organizations where kind = 'company' and corporate_number is not null order by corporate_number limit 40",
    )
  ).map((r) => ({
    id: r.id as string,
    name: r.name as string,
    corporateNumber: r.corporate_number as string,
  }));
  if (partners.length === 0) throw new Error("import: no companies with a 法人番号");
  log(`  import desk: ${String(desk.name)}; ${partners.length} partner companies`);

  // Upload and preview of 10,000 rows: the staging, the per-row checks and the partner lookups.
  const big = registerFile("R", PREVIEW_ROWS, partners);
  const first = await uploadRegister(bench, caller!, big);
  const summary = first.summary as { rows: number; ready: number; withErrors: number };
  if (summary.rows !== PREVIEW_ROWS || summary.withErrors !== 0)
    throw new Error(
      `import preview: expected ${PREVIEW_ROWS} ready rows, got ${JSON.stringify(summary)}: ${JSON.stringify((first.rows as { errors: unknown[] }[])[0]?.errors)}`,
    );
  add(
    "register import: POST /api/v1/agreements/imports (preview)",
    `${PREVIEW_ROWS.toLocaleString("en")}-row Shift_JIS CSV (${(big.length / 1024).toFixed(0)} KiB), partners by 法人番号, ${(first.newOrganizations as unknown[]).length} new ones listed`,
    await measure(
      Math.min(iterations, HEAVY_ITERATIONS),
      1,
      async () => {
        await uploadRegister(bench, caller!, big);
      },
      async () => {
        await readTabular(big, "register.csv");
      },
    ),
    "reading the file alone (no database)",
  );
  const previewPath = `/api/v1/agreements/imports/${String(first.id)}`;
  add(
    "register import: GET /api/v1/agreements/imports/:id",
    `the staged ${PREVIEW_ROWS.toLocaleString("en")} rows checked again (every view re-checks every row)`,
    await measure(Math.min(iterations, HEAVY_ITERATIONS * 2), warmup > 0 ? 1 : 0, async () => {
      await okJson(
        await app.call(importRoute.loader, {
          path: previewPath,
          token: caller!.token,
          headers: { "x-renkei-organization": caller!.organizationId },
          params: { id: String(first.id) },
        }),
        previewPath,
      );
    }),
    null,
  );

  // Confirmation of 1,000 rows, each a fresh file: one transaction with parties, items, timeline and audit.
  const staged: string[] = [];
  const runs = Math.min(iterations, HEAVY_ITERATIONS) + 1;
  for (let i = 0; i < runs; i++)
    staged.push(String((await uploadRegister(bench, caller!, registerFile(`C${i}-`, COMMIT_ROWS, partners))).id));
  const rawIds: string[] = [];
  const deskInfo = { organizationId: caller!.organizationId, userId: caller!.userId, localGovCode: desk.local_gov_code as string };
  add(
    "register import: POST /api/v1/agreements/imports/:id/commit",
    `${COMMIT_ROWS.toLocaleString("en")} rows per import (2 items each, every 50th with a new partner), all in one transaction`,
    await measure(
      runs - 1,
      1,
      async (i) => {
        const id = staged[i]!;
        const res = await app.call(importRoute.action, {
          path: `/api/v1/agreements/imports/${id}/commit`,
          method: "POST",
          token: caller!.token,
          headers: { "x-renkei-organization": caller!.organizationId },
          params: { id, action: "commit" },
        });
        if (res.status !== 201) throw new Error(`import commit: expected 201, got ${res.status}: ${(await res.text()).slice(0, 300)}`);
      },
      async (i) => {
        rawIds.push(...(await rawWrite(database, deskInfo, `B${i}-`, COMMIT_ROWS, partners)));
      },
    ),
    "the same agreements, parties, items and timeline as bulk INSERTs",
  );
  // The baseline's rows are not the desk's: gone again (parties, items and events cascade).
  await database.executeSql("delete from agreements where id = any($1::uuid[])", [`{${rawIds.join(",")}}`]);
}
