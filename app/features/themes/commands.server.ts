// Theme calls: draft → published → closed. Each command authorises,
// validates, and runs the change with its files through runCommand (one
// transaction with its audit entry); publishing also notifies everyone who follows a matching
// field or the municipality.
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { AppError, fieldError, forbidden, notFound } from "~/lib/errors";
import { normalizeForSearch } from "~/lib/japanese-text";
import type { ScopedContext } from "~/lib/tenancy";
import { isUuid, parseInput } from "~/lib/validation";
import { runCommand } from "~/features/audit/run-command.internal.server";
import { checkFiles } from "~/features/files/commands.server";
import { storeAttachments, deleteAttachment } from "~/features/files/commands.internal.server";
import type { UploadedFile } from "~/features/files/schema";
import { departmentOf, findRecipients } from "~/features/identity/data.internal.server";
import { themeFollows, themes } from "./tables";
import { canCloseTheme, canCreateTheme, canEditTheme, canPickThemeDepartment, canPublishTheme, mayRunThemeLifecycle } from "./policy";
import { followInput, themeInput, type ThemeInput } from "./schema";
import { themeForUpdate } from "./data.internal.server";
import { policyFieldCodes } from "~/lib/policy-fields";

const searchTextOf = (input: Pick<ThemeInput, "title" | "background" | "goal">) =>
  normalizeForSearch(`${input.title} ${input.background} ${input.goal}`);

/** Department staff always own the call for their department; the desk may pick one. */
async function resolveDepartment(ctx: ScopedContext, requested: string | undefined): Promise<string | null> {
  if (!canPickThemeDepartment(ctx.scope)) return ctx.scope.departmentId;
  if (!requested) return null;
  const dept = await departmentOf(ctx.db, ctx.scope.organizationId, requested);
  if (!dept) throw fieldError("departmentId", "validation.invalidChoice");
  return dept.id;
}

function columnsOf(input: ThemeInput) {
  return {
    title: input.title,
    background: input.background,
    goal: input.goal,
    offer: input.offer ?? "",
    fields: input.fields,
    planPolicy: input.planPolicy ?? "",
    planField: input.planField ?? null,
    startsOn: input.startsOn ?? null,
    deadline: input.deadline ?? null,
    searchText: searchTextOf(input),
  };
}

export async function createTheme(ctx: ScopedContext, rawInput: unknown, files: UploadedFile[] = []): Promise<{ id: string }> {
  if (!canCreateTheme(ctx.scope) || !ctx.scope.localGovCode) throw forbidden();
  const input = parseInput(themeInput, rawInput);
  const checked = await checkFiles(files);
  const departmentId = await resolveDepartment(ctx, input.departmentId);
  return runCommand(ctx, { action: "theme.create", targetType: "theme" }, async (tx, command) => {
    const [row] = await tx
      .insert(themes)
      .values({
        ...columnsOf(input),
        municipalityId: ctx.scope.organizationId,
        localGovCode: ctx.scope.localGovCode!,
        prefectureCode: ctx.scope.localGovCode!.slice(0, 2),
        departmentId,
        createdBy: ctx.scope.userId,
      })
      .returning();
    await storeAttachments(tx, command, ctx.scope, { type: "theme", id: row!.id }, checked);
    const { searchText: _s, ...after } = row!;
    command.trace({ targetId: row!.id, after });
    return { id: row!.id };
  });
}

export async function updateTheme(
  ctx: ScopedContext,
  id: string,
  rawInput: unknown,
  files: UploadedFile[] = [],
  removeAttachmentIds: string[] = [],
): Promise<void> {
  const current = await themeForUpdate(ctx.db, id);
  if (!current || current.municipalityId !== ctx.scope.organizationId) throw notFound();
  if (!canEditTheme(ctx.scope, current)) throw forbidden();
  const input = parseInput(themeInput, rawInput);
  const checked = await checkFiles(files);
  const departmentId = await resolveDepartment(ctx, input.departmentId);
  // The form sends the version it was opened at: a save over someone else's
  // newer change is refused instead of silently overwriting it.
  const sentVersion = (rawInput as { updatedAt?: unknown } | null)?.updatedAt;
  const expected = typeof sentVersion === "string" && !Number.isNaN(Date.parse(sentVersion)) ? new Date(sentVersion) : current.updatedAt;
  await runCommand(ctx, { action: "theme.update", targetType: "theme", targetId: id }, async (tx, command) => {
    const [row] = await tx
      .update(themes)
      .set({ ...columnsOf(input), departmentId })
      .where(and(eq(themes.id, id), eq(themes.updatedAt, expected)))
      .returning();
    // Someone else saved in between: refuse rather than overwrite their change.
    if (!row) throw new AppError("conflict");
    for (const attachmentId of removeAttachmentIds) await deleteAttachment(tx, command, { type: "theme", id }, attachmentId);
    await storeAttachments(tx, command, ctx.scope, { type: "theme", id }, checked);
    const { searchText: _a, ...before } = current;
    const { searchText: _b, ...after } = row;
    command.trace({ before, after });
  });
}

export async function publishTheme(ctx: ScopedContext, id: string): Promise<void> {
  const current = await themeForUpdate(ctx.db, id);
  if (!current || current.municipalityId !== ctx.scope.organizationId) throw notFound();
  if (!mayRunThemeLifecycle(ctx.scope, current)) throw forbidden();
  if (!canPublishTheme(ctx.scope, current)) throw new AppError("conflict", { message: "error.invalidTransition" });
  await runCommand(
    ctx,
    { action: "theme.publish", targetType: "theme", targetId: id, before: { status: "draft" }, after: { status: "published" } },
    async (tx, command) => {
      const [row] = await tx
        .update(themes)
        .set({ status: "published", publishedAt: sql`now()` })
        .where(and(eq(themes.id, id), eq(themes.status, "draft")))
        .returning({ id: themes.id });
      if (!row) throw new AppError("conflict", { message: "error.invalidTransition" });
      const followers = await tx
        .selectDistinct({ userId: themeFollows.userId })
        .from(themeFollows)
        .where(
          or(
            and(eq(themeFollows.kind, "municipality"), eq(themeFollows.value, current.localGovCode)),
            and(eq(themeFollows.kind, "field"), inArray(themeFollows.value, current.fields.length ? current.fields : ["-"])),
          ),
        );
      const recipients = await findRecipients(
        tx,
        followers.map((f) => f.userId).filter((u) => u !== ctx.scope.userId),
      );
      await command.notify({
        recipients,
        organizationId: null,
        kind: "theme_published",
        title: "notify.themePublished.title",
        body: "notify.themePublished.body",
        params: {
          title: current.title,
          municipality: ctx.scope.organizationName,
          deadline: current.deadline
            ? { key: "themes.deadline", params: { date: { date: current.deadline } } }
            : { key: "themes.noDeadline" },
        },
        link: `/themes/${id}`,
      });
    },
  );
}

export async function closeTheme(ctx: ScopedContext, id: string): Promise<void> {
  const current = await themeForUpdate(ctx.db, id);
  if (!current || current.municipalityId !== ctx.scope.organizationId) throw notFound();
  if (!mayRunThemeLifecycle(ctx.scope, current)) throw forbidden();
  if (!canCloseTheme(ctx.scope, current)) throw new AppError("conflict", { message: "error.invalidTransition" });
  await runCommand(
    ctx,
    { action: "theme.close", targetType: "theme", targetId: id, before: { status: "published" }, after: { status: "closed" } },
    async (tx) => {
      const [row] = await tx
        .update(themes)
        .set({ status: "closed", closedAt: sql`now()` })
        .where(and(eq(themes.id, id), eq(themes.status, "published")))
        .returning({ id: themes.id });
      if (!row) throw new AppError("conflict", { message: "error.invalidTransition" });
    },
  );
}

/** Follow a policy field or a municipality (by 団体コード) to hear of new calls. */
export async function followThemes(ctx: ScopedContext, rawInput: unknown): Promise<void> {
  const input = parseInput(followInput, rawInput);
  if (input.kind === "field" && !(policyFieldCodes as readonly string[]).includes(input.value))
    throw fieldError("value", "validation.invalidChoice");
  if (input.kind === "municipality" && !/^\d{6}$/.test(input.value)) throw fieldError("value", "validation.localGovCode.format");
  await runCommand(
    ctx,
    { action: "follow.create", targetType: "theme_follow", after: input, organizationId: null },
    async (tx, command) => {
      const [row] = await tx
        .insert(themeFollows)
        .values({ userId: ctx.scope.userId, kind: input.kind, value: input.value })
        .onConflictDoNothing()
        .returning({ id: themeFollows.id });
      // Already followed: nothing changed, nothing to audit.
      if (row) command.trace({ targetId: row.id });
      else command.unchanged();
    },
  );
}

export async function unfollowThemes(ctx: ScopedContext, followId: string): Promise<void> {
  if (!isUuid(followId)) throw notFound();
  await runCommand(
    ctx,
    { action: "follow.delete", targetType: "theme_follow", targetId: followId, organizationId: null },
    async (tx, command) => {
      const [row] = await tx
        .delete(themeFollows)
        .where(and(eq(themeFollows.id, followId), eq(themeFollows.userId, ctx.scope.userId)))
        .returning({ id: themeFollows.id, kind: themeFollows.kind, value: themeFollows.value });
      if (!row) throw notFound();
      command.trace({ before: row });
    },
  );
}
