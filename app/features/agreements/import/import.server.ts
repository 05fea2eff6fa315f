// Importing an existing register: stage the file, show what each row would
// become (with every problem, per row, in Japanese), and only when the desk
// confirms write all agreements in one transaction.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { AppError, forbidden, notFound, validationError, type FieldError } from "~/lib/errors";
import { translate, translator, type Locale } from "~/lib/i18n";
import { normalizeForSearch } from "~/lib/japanese-text";
import type { ScopedContext } from "~/lib/tenancy";
import type { Tabular } from "~/lib/tabular.server";
import { isUuid, parseInput } from "~/lib/validation";
import { runCommand } from "~/features/audit/run-command.internal.server";
import { localGovernmentNames } from "~/features/directory/data.internal.server";
import {
  organizationsByIds,
  partnerCandidates,
  similarlyNamedOrganizations,
  type PartnerCandidate,
} from "~/features/identity/data.internal.server";
import { registerImportedPartners, type NewPartner } from "~/features/identity/commands.internal.server";
import { agreementEvents, agreementImports, agreementItems, agreementParties, agreements } from "../tables";
import { isPublicBodyDesk } from "../policy";
import { columnsOf } from "../register/commands.server";
import { agreementInput } from "../schema";
import {
  agreementInputOf,
  guessMapping,
  guessOrganizationKind,
  importTargets,
  interpretRow,
  isSignedStatus,
  mappingFromNames,
  organizationNameKey,
  requiredImportTargets,
  type ImportCandidate,
  type ImportCommitResult,
  type ImportMapping,
  type ImportRowError,
  type ImportTarget,
  type ImportSummary,
  type ImportView,
} from "./import";

type ImportRow = typeof agreementImports.$inferSelect;

/** How many rows the preview lists besides those with errors. */
const PREVIEW_ROWS = 50;
const MAX_LISTED_ERRORS = 500;
const WRITE_BATCH = 250;

/** An import of the caller's municipality, or 404. */
async function ownImport(ctx: ScopedContext, id: string): Promise<ImportRow> {
  if (!isPublicBodyDesk(ctx.scope)) throw forbidden();
  if (!isUuid(id)) throw notFound();
  const [row] = await ctx.db
    .select()
    .from(agreementImports)
    .where(and(eq(agreementImports.id, id), eq(agreementImports.municipalityId, ctx.scope.organizationId)))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

/** The caller's import that still awaits confirmation: 403/404 as above, else 409. */
async function pendingImport(ctx: ScopedContext, id: string): Promise<ImportRow> {
  const row = await ownImport(ctx, id);
  if (row.status !== "pending") throw new AppError("conflict", { message: "error.import.notPending" });
  return row;
}

/** Keeps the file's cells for review; nothing else is written. */
export async function stageImport(ctx: ScopedContext, filename: string, table: Tabular): Promise<{ id: string }> {
  if (!isPublicBodyDesk(ctx.scope)) throw forbidden();
  const after = { filename, format: table.format, encoding: table.encoding, rows: table.rows.length };
  return runCommand(ctx, { action: "agreement.importStage", targetType: "agreement_import", after }, async (tx, command) => {
    const [row] = await tx
      .insert(agreementImports)
      .values({
        municipalityId: ctx.scope.organizationId,
        filename,
        format: table.format,
        encoding: table.encoding,
        headers: table.headers,
        rows: table.rows,
        rowNumbers: table.rowNumbers,
        mapping: guessMapping(table.headers),
        createdBy: ctx.scope.userId,
      })
      .returning({ id: agreementImports.id });
    command.trace({ targetId: row!.id });
    return { id: row!.id };
  });
}

/** The desk's own choice of which column holds what. */
export async function updateImportMapping(ctx: ScopedContext, id: string, raw: unknown): Promise<void> {
  const row = await pendingImport(ctx, id);
  const body = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const source = (body.mapping && typeof body.mapping === "object" ? body.mapping : body) as Record<string, unknown>;
  const { mapping, errors } = mappingFromNames(row.headers, source);
  if (errors.length) throw validationError(errors);
  const used = Object.values(mapping);
  const twice = importTargets.find((t) => mapping[t] !== undefined && used.indexOf(mapping[t]) !== used.lastIndexOf(mapping[t]));
  if (twice) throw validationError([{ path: `mapping.${twice}`, message: "validation.import.columnTwice" }]);
  await runCommand(
    ctx,
    { action: "agreement.importMapping", targetType: "agreement_import", targetId: row.id, before: row.mapping, after: mapping },
    async (tx) => {
      await tx.update(agreementImports).set({ mapping }).where(eq(agreementImports.id, row.id));
    },
  );
}

export async function cancelImport(ctx: ScopedContext, id: string): Promise<void> {
  const row = await pendingImport(ctx, id);
  await runCommand(ctx, { action: "agreement.importCancel", targetType: "agreement_import", targetId: row.id }, async (tx) => {
    // The cells are the desk's data: not kept once the import is abandoned.
    await tx.update(agreementImports).set({ status: "cancelled", rows: [], rowNumbers: [] }).where(eq(agreementImports.id, row.id));
  });
}

/** A party of a row: an organisation on Renkei, or one of the new partners (by index). */
type PartyRef = { id: string } | { newIndex: number };

interface ResolvedRow {
  row: number;
  candidate: ImportCandidate;
  errors: ImportRowError[];
  parties: PartyRef[];
}

/**
 * Every row checked against the database: partners found by 法人番号,
 * 団体コード or exact name (else registered as new), titles already in the
 * register or repeated in the file.
 */
async function resolveRows(ctx: ScopedContext, row: ImportRow): Promise<{ rows: ResolvedRow[]; newPartners: NewPartner[] }> {
  const mapping = row.mapping as ImportMapping;
  const read = row.rows.map((cells, i) => ({ row: row.rowNumbers[i] ?? i + 2, ...interpretRow(cells, mapping) }));
  const corporateNumbers = read.flatMap((r) => r.candidate.corporateNumbers).filter((n) => /^\d{13}$/.test(n));
  const localGovCodes = read.flatMap((r) => r.candidate.localGovCodes).filter((c) => /^\d{6}$/.test(c));
  const names = read.flatMap((r) => r.candidate.partnerNames.flatMap((n) => [n, n.normalize("NFKC")]));
  const [found, places, existingTitles] = await Promise.all([
    partnerCandidates(ctx.db, { corporateNumbers, localGovCodes, names }),
    localGovernmentNames(ctx.db, localGovCodes),
    titlesInRegister(ctx, read.map((r) => r.candidate.title).filter(Boolean)),
  ]);
  const byCorporateNumber = new Map(found.filter((o) => o.corporateNumber).map((o) => [o.corporateNumber!, o]));
  const byCode = new Map(
    found.filter((o) => o.localGovCode && (o.kind === "municipality" || o.kind === "prefecture")).map((o) => [o.localGovCode!, o]),
  );
  const byName = new Map<string, PartnerCandidate[]>();
  for (const o of found) byName.set(organizationNameKey(o.name), [...(byName.get(organizationNameKey(o.name)) ?? []), o]);

  // One new organisation per 法人番号, 団体コード or name, however many rows name it.
  const newPartners: NewPartner[] = [];
  const newIndexByKey = new Map<string, number>();
  const newIndex = (p: NewPartner) => {
    const key = p.corporateNumber ?? p.localGovCode ?? organizationNameKey(p.name);
    let at = newIndexByKey.get(key);
    if (at === undefined) {
      at = newPartners.push(p) - 1;
      newIndexByKey.set(key, at);
    }
    return at;
  };
  // Names of the public bodies given by 団体コード: such a name in the partners column is that body again.
  const placeKeys = new Set([...places.values()].flatMap((p) => [organizationNameKey(p.name), organizationNameKey(p.fullName)]));
  const ownKey = organizationNameKey(ctx.scope.organizationName);
  const seenTitles = new Map<string, number>();
  const rows: ResolvedRow[] = read.map(({ row: rowNumber, candidate, errors }) => {
    // In the file's order; names not on Renkei wait for their 法人番号 (if any) before they get a ref.
    const parties: { ref: PartyRef | null; nameKey: string; name: string }[] = [];
    const has = (nameKey: string, id?: string) =>
      parties.some((p) => p.nameKey === nameKey || (id !== undefined && p.ref !== null && "id" in p.ref && p.ref.id === id));
    const add = (ref: PartyRef | null, name: string) => {
      const nameKey = organizationNameKey(name);
      if (ref && "id" in ref && ref.id === ctx.scope.organizationId) return; // the municipality itself
      if (!has(nameKey, ref && "id" in ref ? ref.id : undefined)) parties.push({ ref, nameKey, name });
    };
    const unmatchedNumbers: string[] = [];
    for (const n of candidate.corporateNumbers) {
      const org = byCorporateNumber.get(n);
      if (org) add({ id: org.id }, org.name);
      else if (/^\d{13}$/.test(n)) unmatchedNumbers.push(n);
    }
    for (const code of candidate.localGovCodes) {
      if (!/^\d{6}$/.test(code)) continue;
      const org = byCode.get(code);
      const place = places.get(code);
      if (org) add({ id: org.id }, org.name);
      else if (place)
        add(
          {
            newIndex: newIndex({
              kind: code.slice(2, 5) === "000" ? "prefecture" : "municipality",
              name: place.name,
              corporateNumber: null,
              localGovCode: code,
            }),
          },
          place.name,
        );
      else errors.push({ column: "partnerLocalGovCodes", message: "validation.import.unknownLocalGovCode", params: { value: code } });
    }
    for (const name of candidate.partnerNames) {
      const key = organizationNameKey(name);
      if (key === ownKey || has(key) || placeKeys.has(key)) continue;
      const matches = byName.get(key) ?? [];
      if (matches.length === 1) add({ id: matches[0]!.id }, matches[0]!.name);
      else if (matches.length > 1) errors.push({ column: "partners", message: "validation.import.ambiguousName", params: { value: name } });
      else add(null, name);
    }
    // New partners: a 法人番号 belongs to the name in the same position among the unknown ones.
    const pending = parties.filter((p) => p.ref === null);
    if (unmatchedNumbers.length && unmatchedNumbers.length !== pending.length) {
      for (const n of unmatchedNumbers)
        errors.push({ column: "partnerCorporateNumbers", message: "validation.import.unpairedCorporateNumber", params: { value: n } });
    } else {
      pending.forEach(
        (p, i) =>
          (p.ref = {
            newIndex: newIndex({
              kind: guessOrganizationKind(p.name),
              name: p.name,
              corporateNumber: unmatchedNumbers[i] ?? null,
              localGovCode: null,
            }),
          }),
      );
    }
    if (
      parties.length === 0 &&
      !errors.some((e) => e.column === "partners" || e.column === "partnerCorporateNumbers" || e.column === "partnerLocalGovCodes")
    ) {
      errors.push({ column: "partners", message: "validation.partnersRequired" });
    }
    const titleKey = normalizeForSearch(candidate.title);
    if (candidate.title) {
      if (existingTitles.has(titleKey)) errors.push({ column: "title", message: "validation.import.duplicateTitle" });
      else if (seenTitles.has(titleKey))
        errors.push({ column: "title", message: "validation.import.duplicateInFile", params: { row: seenTitles.get(titleKey)! } });
      else seenTitles.set(titleKey, rowNumber);
    }
    return { row: rowNumber, candidate, errors, parties: parties.flatMap((p) => (p.ref ? [p.ref] : [])) };
  });
  return { rows, newPartners };
}

/** Normalised titles of the municipality's register that the file also uses. */
async function titlesInRegister(ctx: ScopedContext, titles: string[]): Promise<Set<string>> {
  if (titles.length === 0) return new Set();
  const rows = await ctx.db
    .select({ title: agreements.title })
    .from(agreements)
    .where(
      and(
        eq(agreements.municipalityId, ctx.scope.organizationId),
        inArray(agreements.title, [...new Set(titles.flatMap((t) => [t, t.normalize("NFKC")]))]),
      ),
    );
  return new Set(rows.map((r) => normalizeForSearch(r.title)));
}

function mappingView(row: ImportRow): {
  mapping: Record<ImportTarget, string | null>;
  columns: ImportMapping;
  missingRequired: ImportTarget[];
} {
  const columns = row.mapping as ImportMapping;
  const mapping = Object.fromEntries(
    importTargets.map((t) => [t, columns[t] === undefined ? null : (row.headers[columns[t]!] ?? null)]),
  ) as Record<ImportTarget, string | null>;
  return { mapping, columns, missingRequired: requiredImportTargets.filter((t) => columns[t] === undefined) };
}

/** The import as the review page and the API show it, messages in the reader's language. */
export async function getImport(ctx: ScopedContext, id: string, locale: Locale = "ja"): Promise<ImportView> {
  const row = await ownImport(ctx, id);
  const base = {
    id: row.id,
    filename: row.filename,
    format: row.format,
    encoding: row.encoding,
    status: row.status,
    headers: row.headers,
    ...mappingView(row),
    createdCount: row.createdCount,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
  };
  if (row.status !== "pending")
    return {
      ...base,
      summary: { rows: row.createdCount ?? 0, ready: row.createdCount ?? 0, withErrors: 0 },
      newOrganizations: [],
      rows: [],
    };
  const { rows, newPartners } = await resolveRows(ctx, row);
  const withErrors = rows.filter((r) => r.errors.length > 0);
  const listed = [...withErrors.slice(0, MAX_LISTED_ERRORS), ...rows.filter((r) => r.errors.length === 0).slice(0, PREVIEW_ROWS)];
  const names = new Map(
    (
      await organizationsByIds(
        ctx.db,
        listed.flatMap((r) => r.parties.flatMap((p) => ("id" in p ? [p.id] : []))),
      )
    ).map((o) => [o.id, o.name]),
  );
  const t = translator(locale);
  const needed = new Set(
    rows.filter((r) => r.errors.length === 0).flatMap((r) => r.parties.flatMap((p) => ("newIndex" in p ? [p.newIndex] : []))),
  );
  const newOrganizations = newPartners.filter((_, i) => needed.has(i));
  // Public bodies come from the national code list: only partners named in the file may be a variant of one on Renkei.
  const similar = await similarlyNamedOrganizations(
    ctx.db,
    newOrganizations.filter((p) => !p.localGovCode).map((p) => p.name),
  );
  return {
    ...base,
    summary: { rows: rows.length, ready: rows.length - withErrors.length, withErrors: withErrors.length },
    newOrganizations: newOrganizations.map((p) => ({
      name: p.name,
      kind: p.kind,
      corporateNumber: p.corporateNumber,
      localGovCode: p.localGovCode,
      similarTo: similar.get(p.name) ?? null,
    })),
    rows: listed.map((r) => ({
      row: r.row,
      title: r.candidate.title,
      method: r.candidate.method,
      status: r.candidate.status,
      partners: r.parties.map((p) =>
        "id" in p ? { name: names.get(p.id) ?? "", isNew: false } : { name: newPartners[p.newIndex]!.name, isNew: true },
      ),
      fields: r.candidate.fields,
      items: agreementInputOf(r.candidate, []).items.length,
      startsOn: r.candidate.startsOn,
      endsOn: r.candidate.endsOn,
      signedOn: r.candidate.signedOn,
      errors: r.errors.map((e) => ({
        column: e.column,
        message: e.column ? `${t(`agreements.import.target.${e.column}`)}: ${t(e.message, e.params)}` : t(e.message, e.params),
      })),
    })),
  };
}

/** The latest imports of the caller's municipality (for the upload page). */
export async function recentImports(ctx: ScopedContext, limit = 10): Promise<ImportSummary[]> {
  if (!isPublicBodyDesk(ctx.scope)) throw forbidden();
  return ctx.db
    .select({
      id: agreementImports.id,
      filename: agreementImports.filename,
      status: agreementImports.status,
      createdCount: agreementImports.createdCount,
      createdAt: agreementImports.createdAt,
      rowCount: sql<number>`jsonb_array_length(${agreementImports.rowNumbers})`,
    })
    .from(agreementImports)
    .where(eq(agreementImports.municipalityId, ctx.scope.organizationId))
    .orderBy(desc(agreementImports.createdAt))
    .limit(limit)
    .then((rows) =>
      rows.map((r) => ({
        id: r.id,
        filename: r.filename,
        status: r.status,
        createdCount: r.createdCount,
        createdAt: r.createdAt.toISOString(),
        rowCount: Number(r.rowCount),
      })),
    );
}

export type ImportProgress = (done: number, total: number) => void;

/**
 * Writes every row as an agreement, in one transaction: all or nothing. Any
 * row with a problem refuses the whole import with the problems per row
 * (paths "rows.<sheet row>.<column>"). Progress is reported per batch.
 */
export async function commitImport(ctx: ScopedContext, id: string, onProgress?: ImportProgress): Promise<ImportCommitResult> {
  const row = await pendingImport(ctx, id);
  const { rows, newPartners } = await resolveRows(ctx, row);
  const problems: FieldError[] = rows.flatMap((r) =>
    r.errors.map((e) => ({ path: `rows.${r.row}.${e.column ?? "_"}`, message: e.message, params: e.params })),
  );
  if (problems.length) throw validationError(problems.slice(0, MAX_LISTED_ERRORS));
  if (rows.length === 0) throw validationError([{ path: "file", message: "validation.tabular.empty" }]);
  const note = translate("ja", "agreements.import.eventNote", { filename: row.filename });
  onProgress?.(0, rows.length);
  return runCommand(ctx, { action: "agreement.import", targetType: "agreement_import", targetId: row.id }, async (tx, command) => {
    // Claim the import first: a second confirmation (double click, retry) finds it taken.
    const claimed = await tx
      .update(agreementImports)
      .set({ status: "committed", committedAt: new Date(), createdCount: rows.length })
      .where(and(eq(agreementImports.id, row.id), eq(agreementImports.status, "pending")))
      .returning({ id: agreementImports.id });
    if (claimed.length === 0) throw new AppError("conflict", { message: "error.import.notPending" });
    const needed = [...new Set(rows.flatMap((r) => r.parties.flatMap((p) => ("newIndex" in p ? [p.newIndex] : []))))].sort((a, b) => a - b);
    const registered = await registerImportedPartners(
      tx,
      command,
      needed.map((i) => newPartners[i]!),
    );
    const idOfNew = new Map(needed.map((i, at) => [i, registered[at]!]));
    const partyIds = (r: ResolvedRow) => r.parties.map((p) => ("id" in p ? p.id : idOfNew.get(p.newIndex)!));
    const agreementIds: string[] = [];
    for (let start = 0; start < rows.length; start += WRITE_BATCH) {
      const batch = rows
        .slice(start, start + WRITE_BATCH)
        .map((r) => ({ r, input: parseInput(agreementInput, agreementInputOf(r.candidate, partyIds(r))) }));
      const inserted = await tx
        .insert(agreements)
        .values(
          batch.map(({ r, input }) => ({
            ...columnsOf(input),
            municipalityId: ctx.scope.organizationId,
            localGovCode: ctx.scope.localGovCode!,
            status: r.candidate.status,
            signedOn: isSignedStatus(r.candidate.status) ? r.candidate.signedOn : null,
            publicSummary: r.candidate.publicSummary,
            createdBy: ctx.scope.userId,
          })),
        )
        .returning({ id: agreements.id });
      const ids = inserted.map((i) => i.id);
      await tx.insert(agreementParties).values(
        batch.flatMap(({ r }, at) =>
          [ctx.scope.organizationId, ...partyIds(r)].map((organizationId, position) => ({
            agreementId: ids[at]!,
            organizationId,
            position,
          })),
        ),
      );
      const items = batch.flatMap(({ input }, at) =>
        input.items.map((item, position) => ({
          agreementId: ids[at]!,
          position,
          title: item.title,
          field: item.field,
          priority: item.priority,
          horizon: item.horizon,
        })),
      );
      if (items.length) await tx.insert(agreementItems).values(items);
      await tx.insert(agreementEvents).values(
        batch.map(({ r }, at) => ({
          agreementId: ids[at]!,
          fromStatus: null,
          toStatus: r.candidate.status,
          actorUserId: ctx.scope.userId,
          actorName: ctx.scope.userName,
          note,
        })),
      );
      agreementIds.push(...ids);
      onProgress?.(agreementIds.length, rows.length);
    }
    command.trace({ after: { filename: row.filename, created: agreementIds.length, agreementIds, newOrganizations: registered } });
    return { created: agreementIds.length, agreementIds };
  });
}

/** Throws 403/404/409 unless the import is the caller's and still awaits confirmation. */
export async function requirePendingImport(ctx: ScopedContext, id: string): Promise<void> {
  await pendingImport(ctx, id);
}
