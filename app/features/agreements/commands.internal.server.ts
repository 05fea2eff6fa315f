// Helpers the agreements' commands share (register, approvals, documents,
// contacts): the row lock, the conflict answer, notifying the parties. They
// take the command's transaction, so routes may not import this file.
import { eq } from "drizzle-orm";
import type { Tx } from "~/lib/db/client.server";
import { AppError, notFound } from "~/lib/errors";
import type { MessageKey } from "~/lib/i18n";
import type { ScopedContext } from "~/lib/tenancy";
import type { Command } from "~/features/audit/run-command.internal.server";
import { findPartyRecipients } from "~/features/identity/data.internal.server";
import type { NotifyInput } from "~/features/notifications/notify.internal.server";
import { agreements } from "./tables";
import type { AgreementStatus } from "./constants";

export const conflict = (message: MessageKey = "error.invalidTransition") => new AppError("conflict", { message });

/**
 * The agreement's row, locked until the transaction ends: every decision and
 * transition on one agreement reads its state and changes it one after
 * another, so two people acting at once get one success and one 409.
 */
export async function lockAgreement(tx: Tx, id: string) {
  const [row] = await tx.select().from(agreements).where(eq(agreements.id, id)).for("update");
  if (!row) throw notFound();
  return row;
}

/** Tells everyone acting for the agreement (but the actor) what happened to it. */
export async function notifyParties(
  tx: Tx,
  command: Command,
  ctx: ScopedContext,
  a: typeof agreements.$inferSelect,
  partyOrgIds: string[],
  notice: Pick<NotifyInput, "title" | "body" | "params">,
) {
  const recipients = await findPartyRecipients(tx, a.municipalityId, partyOrgIds, ctx.scope.userId);
  await command.notify({ recipients, organizationId: null, kind: "agreement", ...notice, link: `/agreements/${a.id}` });
}

export const notifyStatus = (
  tx: Tx,
  command: Command,
  ctx: ScopedContext,
  a: typeof agreements.$inferSelect,
  partyOrgIds: string[],
  to: AgreementStatus,
) =>
  notifyParties(tx, command, ctx, a, partyOrgIds, {
    title: "notify.agreementStatus.title",
    body: "notify.agreementStatus.body",
    params: { title: a.title, status: { key: `agreements.status.${to}` } },
  });
