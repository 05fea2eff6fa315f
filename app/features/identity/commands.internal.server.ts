// Identity writes that no request makes directly: better-auth calls back after
// a password reset or change, and the agreement register import adds the
// partners it names inside its own command. Routes may not import this file
// (eslint.config.js).
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "~/lib/db/client.server";
import { translate, isLocale } from "~/lib/i18n";
import type { OrganizationKind } from "~/lib/roles";
import type { RequestContext } from "~/lib/tenancy";
import { runCommand, type Command } from "~/features/audit/run-command.internal.server";
import { apiTokens, organizations, users, type ApiTokenRevokedReason } from "./tables";

/**
 * After a password reset or change, every live API token of the user stops
 * working (personal ones and those issued at sign-in), as the sessions do: a
 * reset means the account may have been in someone else's hands, and a token
 * opens the API as fully as the password. Audited with what was revoked.
 */
export async function revokeAllApiTokens(
  db: Db,
  audit: { requestId: string; actor: { userId: string | null; userName: string | null; organizationId: string | null } },
  userId: string,
  reason: Exclude<ApiTokenRevokedReason, "owner">,
): Promise<number> {
  return runCommand(
    { db, ...audit },
    { action: "token.revokeAll", targetType: "user", targetId: userId, organizationId: null },
    async (tx, command) => {
      const revoked = await tx
        .update(apiTokens)
        .set({ revokedAt: sql`now()`, revokedReason: reason })
        .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
      command.trace({ after: { reason, revoked } });
      return revoked.length;
    },
  );
}

/** Mail for a password reset (called back by better-auth with the token). */
export async function queuePasswordResetMail(
  ctx: RequestContext,
  input: { userId: string; email: string; name: string; token: string },
): Promise<void> {
  const [user] = await ctx.db.select({ locale: users.locale }).from(users).where(eq(users.id, input.userId));
  const locale = isLocale(user?.locale) ? user.locale : "ja";
  const url = new URL(`/reset-password?token=${encodeURIComponent(input.token)}`, ctx.baseUrl).toString();
  const anonymous = { userId: null, userName: null, organizationId: null };
  await runCommand(
    { ...ctx, actor: anonymous },
    { action: "user.passwordResetRequested", targetType: "user", targetId: input.userId },
    async (_tx, command) => {
      await command.mail([
        {
          to: input.email,
          subject: translate(locale, "mail.passwordReset.subject"),
          bodyText: translate(locale, "mail.passwordReset.body", { name: input.name, url }),
        },
      ]);
    },
  );
}

export interface NewPartner {
  kind: OrganizationKind;
  name: string;
  corporateNumber: string | null;
  localGovCode: string | null;
}

/**
 * Registers, inside the caller's transaction, partners named in an imported
 * agreement register that are not on Renkei yet: organisations without
 * members, which a platform admin can later invite people into. Each one is
 * audited under the importing desk. Returns the new ids in input order.
 */
export async function registerImportedPartners(tx: Tx, command: Pick<Command, "record">, partners: NewPartner[]): Promise<string[]> {
  if (partners.length === 0) return [];
  const rows = await tx
    .insert(organizations)
    .values(partners.map((p) => ({ kind: p.kind, name: p.name, corporateNumber: p.corporateNumber, localGovCode: p.localGovCode })))
    .returning();
  for (const org of rows) {
    await command.record({
      action: "organization.create",
      targetType: "organization",
      targetId: org.id,
      after: { ...org, via: "agreement-import" },
    });
  }
  return rows.map((r) => r.id);
}
