// Every change goes through runCommand (decision 0019): one transaction holding
// the change, its audit entry and its notifications; mail is queued for delivery
// only after the transaction commits, so a rolled-back command never mails anyone.
// The idea is Decidim's traceability.perform_action!: a command cannot forget to
// be audited, because the runner, not the command, writes the entry. It takes any
// actor and a transaction, so routes may not import this file (eslint.config.js):
// they call the features' commands.
import type { Tx } from "~/lib/db/client.server";
import type { RequestContext, ScopedContext } from "~/lib/tenancy";
import { dispatchMail, enqueueMail, notifyUsers, type MailInput, type NotifyInput } from "~/features/notifications/notify.internal.server";
import { recordAudit, type AuditActor, type AuditInput } from "./commands.internal.server";

/**
 * Who acts when no signed-in member does: sign-up, password reset, the reminder
 * job. baseUrl is needed only by a command that notifies (links in mail).
 */
export interface ActorContext extends Omit<RequestContext, "baseUrl"> {
  baseUrl?: string;
  actor: AuditActor;
}

/** A signed-in member (their scope is the actor) or an explicit actor. */
export type CommandContext = ScopedContext | ActorContext;

export type CommandTrace = AuditInput;

export interface Command {
  /** Completes the audit entry with what is known only inside the transaction (a new id, the row after). */
  trace(entry: Partial<CommandTrace>): void;
  /** The command found nothing to change: no audit entry is written. */
  unchanged(): void;
  /** A further audit entry in the same transaction (an attachment stored with the proposal). */
  record(entry: CommandTrace): Promise<void>;
  /** In-app notifications and mail, each in its reader's language; mail is queued after commit. */
  notify(input: Omit<NotifyInput, "baseUrl">): Promise<void>;
  /** Mail to addresses outside the notification preferences (an invitation, a reset link). */
  mail(mails: MailInput[]): Promise<string[]>;
}

// An explicit actor wins: sign-up and the other public commands spread a PublicContext (scope: null) into theirs.
const actorOf = (ctx: CommandContext): AuditActor => ("actor" in ctx ? ctx.actor : ctx.scope);

/**
 * Runs one command: `work` makes the change with `tx`; the runner writes the
 * audit entry (unless the command said `unchanged()`) in the same transaction,
 * then hands new mail to the job queue once it has committed.
 */
export async function runCommand<T>(ctx: CommandContext, trace: CommandTrace, work: (tx: Tx, command: Command) => Promise<T>): Promise<T> {
  const mailIds: string[] = [];
  const result = await ctx.db.transaction(async (tx) => {
    const audit = { requestId: ctx.requestId, actor: actorOf(ctx) };
    let entry: CommandTrace | null = { ...trace };
    const command: Command = {
      trace: (more) => {
        if (entry) entry = { ...entry, ...more };
      },
      unchanged: () => {
        entry = null;
      },
      record: (extra) => recordAudit(tx, audit, extra),
      notify: async (input) => {
        if (ctx.baseUrl === undefined) throw new Error(`${trace.action} notifies but its context has no baseUrl`);
        mailIds.push(...(await notifyUsers(tx, { ...input, baseUrl: ctx.baseUrl })));
      },
      mail: async (mails) => {
        const ids = await enqueueMail(tx, mails);
        mailIds.push(...ids);
        return ids;
      },
    };
    const value = await work(tx, command);
    if (entry) await recordAudit(tx, audit, entry);
    return value;
  });
  await dispatchMail(ctx.jobs, mailIds);
  return result;
}

/** The reminder job's actor: "Renkei", in the municipality's log. */
export function systemContext(ctx: RequestContext, organizationId: string | null): ActorContext {
  return {
    db: ctx.db,
    requestId: ctx.requestId,
    baseUrl: ctx.baseUrl,
    jobs: ctx.jobs,
    actor: { userId: null, userName: "Renkei", organizationId },
  };
}

export interface Reminder {
  /** Marks this reminder as sent; false when an earlier or concurrent run already did. */
  claim(tx: Tx): Promise<boolean>;
  /** Who hears of it and what they read (asked only once the claim holds). */
  notice(tx: Tx): Promise<Omit<NotifyInput, "baseUrl" | "organizationId">>;
}

/**
 * Sends one reminder at most once, however often the daily job runs and on
 * however many nodes: the claim and the notifications commit together, so a
 * second run finds the claim taken and sends nothing. Audited as the system,
 * with the number of recipients. True when this run sent it.
 */
export async function remindOnce(ctx: ActorContext, trace: CommandTrace, reminder: Reminder): Promise<boolean> {
  return runCommand(ctx, trace, async (tx, command) => {
    if (!(await reminder.claim(tx))) {
      command.unchanged();
      return false;
    }
    const notice = await reminder.notice(tx);
    command.trace({ after: { ...(trace.after as object | undefined), recipients: notice.recipients.length } });
    await command.notify({ ...notice, organizationId: null });
    return true;
  });
}
