// Factories that create what they need: a member comes with an organisation,
// a department with its municipality, a proposal with its proposer and the
// desk it went to. Every value is unique per call. The domain objects are
// built through the product's own commands, each as the person who would
// issue it, so they carry the audit entries, timeline events and
// notifications real data has; never by inserting rows. Their content is
// api-inputs' valid call, proposal and meeting unless `input` overrides it.
import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Db } from "~/lib/db/client.server";
import { corporateNumberCheckDigit } from "~/lib/corporate-number";
import type { OrganizationKind, Role } from "~/lib/roles";
import type { ScopedContext } from "~/lib/tenancy";
import { memberships, organizations, users } from "~/lib/db/schema";
import { issueApiToken } from "~/features/identity/commands.server";
import { closeTheme, createTheme, publishTheme } from "~/features/themes/commands.server";
import { getTheme } from "~/features/themes/data.server";
import type { ThemeStatus } from "~/features/themes/schema";
import { createProposal, shareProposal, transitionProposal } from "~/features/proposals/commands.server";
import { transitions as proposalTransitions, type TransitionName } from "~/features/proposals/policy";
import { getProposal } from "~/features/proposals/data.server";
import type { ProposalStatus } from "~/features/proposals/schema";
import { createAgreement, transitionAgreement } from "~/features/agreements/register/commands.server";
import { recordApproval } from "~/features/agreements/approvals/commands.server";
import { getAgreement } from "~/features/agreements/register/data.server";
import type { AgreementTransition } from "~/features/agreements/policy";
import type { AgreementStatus } from "~/features/agreements/constants";
import { addMeetingActionItem, completeMeetingActionItem, createMeeting } from "~/features/meetings/commands.server";
import { createProject } from "~/features/results/projects/commands.server";
import { listAgreementProjects } from "~/features/results/projects/data.server";
import { createKpi, recordMeasurement } from "~/features/results/kpis/commands.server";
import type { UploadedFile } from "~/features/files/schema";
import { findRecipients } from "~/features/identity/data.internal.server";
import { notifyUsers } from "~/features/notifications/notify.internal.server";
import type { Runtime } from "~/server/runtime.server";
import { validKpi, validMeeting, validProposal, validTheme } from "./api-inputs";
import { acceptBeforeDialogue, contextOf, publicContextOf, TEST_PASSWORD } from "./helpers";

export { TEST_PASSWORD };

const unique = () => randomBytes(4).toString("hex");
let municipalityCursor = 0;

export function validCorporateNumber(): string {
  const base = String(Math.floor(Math.random() * 1e12)).padStart(12, "0");
  return `${corporateNumberCheckDigit(base)}${base}`;
}

async function unusedMunicipalityCode(db: Db): Promise<string> {
  const rows = await db.execute<{ code: string }>(
    `select code from local_governments lg where kind = 'municipality'
       and not exists (select 1 from organizations o where o.local_gov_code = lg.code)
     order by code offset ${municipalityCursor++ % 500} limit 1` as never,
  );
  return (rows as unknown as { rows: { code: string }[] }).rows[0]!.code;
}

export async function createOrganization(
  db: Db,
  input: { kind?: OrganizationKind; name?: string; parentId?: string; localGovCode?: string; corporateNumber?: string | null } = {},
) {
  const kind = input.kind ?? "company";
  const localGovCode = kind === "municipality" || kind === "prefecture" ? (input.localGovCode ?? (await unusedMunicipalityCode(db))) : null;
  const [org] = await db
    .insert(organizations)
    .values({
      kind,
      name: input.name ?? `${kind}-${unique()}`,
      localGovCode,
      parentId: input.parentId ?? null,
      corporateNumber: input.corporateNumber === undefined ? (kind === "company" ? validCorporateNumber() : null) : input.corporateNumber,
    })
    .returning();
  return org!;
}

export async function createDepartment(db: Db, municipalityId?: string) {
  const parentId = municipalityId ?? (await createOrganization(db, { kind: "municipality" })).id;
  return createOrganization(db, { kind: "department", parentId });
}

/** A signed-up user with one membership (creating the organisation if not given) and an API token. */
export async function createMember(
  runtime: Runtime,
  input: { role?: Role; organizationId?: string; kind?: OrganizationKind; departmentId?: string; email?: string; name?: string } = {},
) {
  const role = input.role ?? "member";
  const defaultKind: OrganizationKind =
    role === "desk_admin" || role === "desk_staff" || role === "department_staff"
      ? "municipality"
      : role === "coordinator"
        ? "intermediary"
        : role === "platform_admin"
          ? "other"
          : "company";
  const organizationId = input.organizationId ?? (await createOrganization(runtime.db, { kind: input.kind ?? defaultKind })).id;
  const departmentId = role === "department_staff" ? (input.departmentId ?? (await createDepartment(runtime.db, organizationId)).id) : null;
  const email = input.email ?? `user-${unique()}@example.jp`;
  const created = await runtime.auth.api.signUpEmail({
    body: { name: input.name ?? `利用者 ${unique()}`, email, password: TEST_PASSWORD },
  });
  const userId = created.user.id;
  const [membership] = await runtime.db.insert(memberships).values({ userId, organizationId, role, departmentId }).returning();
  await runtime.db.update(users).set({ lastMembershipId: membership!.id }).where(eq(users.id, userId));
  const { token } = await issueApiToken(publicContextOf(runtime, "test"), { id: userId, name: null }, "test");
  return { userId, email, organizationId, departmentId, membershipId: membership!.id, token };
}

export async function addMembership(db: Db, userId: string, organizationId: string, role: Role) {
  const [m] = await db.insert(memberships).values({ userId, organizationId, role }).returning();
  return m!;
}

/** A signed-up user as createMember returns them. */
export type Member = Awaited<ReturnType<typeof createMember>>;

/** Whose desk a built object belongs to: the desk given, else a new desk admin of the municipality given, else of a new one. */
interface Placement {
  desk?: Member;
  municipality?: { id: string };
}

async function deskFor(runtime: Runtime, placement: Placement): Promise<Member> {
  return placement.desk ?? createMember(runtime, { role: "desk_admin", organizationId: placement.municipality?.id });
}

/** The desk and where it sits, as every built object of a municipality returns them. */
async function parentsOf(runtime: Runtime, desk: Member) {
  const { scope } = await contextOf(runtime, desk);
  return { desk, municipalityId: scope.organizationId, localGovCode: scope.localGovCode! };
}

/**
 * Walks an object from its first status to `status` along `steps` (each
 * status: the one before it and the transition that leads there), calling
 * `run` for each transition in order.
 */
async function walk<S extends string, T>(
  steps: Partial<Record<S, readonly [from: S, transition: T]>>,
  status: S,
  run: (transition: T, to: S) => Promise<unknown>,
) {
  const step = steps[status];
  if (!step) return;
  await walk(steps, step[0], run);
  await run(step[1], status);
}

type ThemeCommand = (ctx: ScopedContext, id: string) => Promise<void>;
const themeSteps: Partial<Record<ThemeStatus, readonly [ThemeStatus, ThemeCommand]>> = {
  published: ["draft", publishTheme],
  closed: ["published", closeTheme],
};

/** A theme call of a municipality's desk, drafted (with `files`, whose ids it returns) and taken to `status` by that desk. */
export async function buildTheme(
  runtime: Runtime,
  options: Placement & { status?: ThemeStatus; input?: Record<string, unknown>; files?: UploadedFile[] } = {},
) {
  const parents = await parentsOf(runtime, await deskFor(runtime, options));
  const status = options.status ?? "draft";
  const ctx = await contextOf(runtime, parents.desk);
  const { id } = await createTheme(ctx, { ...validTheme, ...options.input }, options.files);
  const attachmentIds = (await getTheme(ctx, id)).attachments.map((a) => a.id);
  await walk(themeSteps, status, async (command) => command(await contextOf(runtime, parents.desk), id));
  return { id, status, attachmentIds, ...parents };
}

const proposalSteps: Partial<Record<ProposalStatus, readonly [ProposalStatus, TransitionName]>> = {
  submitted: ["draft", "submit"],
  screening: ["submitted", "startScreening"],
  declined: ["screening", "decline"],
  in_dialogue: ["screening", "accept"],
  agreement_preparation: ["in_dialogue", "prepareAgreement"],
  implementing: ["in_dialogue", "implementWithoutAgreement"],
  procurement: ["in_dialogue", "moveToProcurement"],
  closed: ["in_dialogue", "close"],
  withdrawn: ["submitted", "withdraw"],
};
const declined = { grounds: ["unsuitable"], reason: "今回は見送ります。" };

/**
 * A proposal of a company to a municipality (with `files`, whose ids it
 * returns), taken to `status` by the proposer and the desk, each issuing its
 * own steps. `sharedWith` (departments of that municipality) is shared as
 * soon as screening starts, so it needs a status past screening.
 */
export async function buildProposal(
  runtime: Runtime,
  options: Placement & {
    proposer?: Member;
    status?: ProposalStatus;
    sharedWith?: string[];
    input?: Record<string, unknown>;
    files?: UploadedFile[];
  } = {},
) {
  const parents = await parentsOf(runtime, await deskFor(runtime, options));
  const proposer = options.proposer ?? (await createMember(runtime, { role: "member" }));
  const status = options.status ?? "draft";
  const { id } = await createProposal(
    await contextOf(runtime, proposer),
    { ...validProposal, municipalityCode: parents.localGovCode, ...options.input },
    options.files,
  );
  // Read as the proposer, whose views are not logged.
  const attachmentIds = (await getProposal(await contextOf(runtime, proposer), id)).attachments.map((a) => a.id);
  let shared = false;
  // `accepted` is no longer reached by a command (decision 0032): such a proposal is one accepted before that.
  await walk(proposalSteps, status === "accepted" ? "screening" : status, async (name, to) => {
    const actor = proposalTransitions[name].by === "desk" ? parents.desk : proposer;
    await transitionProposal(await contextOf(runtime, actor), id, name, name === "decline" ? declined : {});
    if (to === "screening" && options.sharedWith) {
      await shareProposal(await contextOf(runtime, parents.desk), id, { departmentIds: options.sharedWith });
      shared = true;
    }
  });
  if (status === "accepted") await acceptBeforeDialogue(runtime.db, id, parents.desk.userId);
  if (options.sharedWith && !shared) throw new Error(`buildProposal: a proposal is shared from screening on, not in ${status}`);
  return { id, status, attachmentIds, proposer, ...parents };
}

export const agreementContent = {
  title: "X市とA社の連携協定",
  method: "project",
  purpose: "移動手段の確保",
};

const agreementSteps: Partial<Record<AgreementStatus, readonly [AgreementStatus, AgreementTransition]>> = {
  internal_approval: ["draft", "submitForApproval"],
  signed: ["internal_approval", "sign"],
  active: ["signed", "activate"],
  renewal_review: ["active", "startRenewalReview"],
  renewed: ["renewal_review", "renew"],
  ended: ["active", "end"],
  terminated: ["active", "terminate"],
};

/**
 * An agreement of a municipality's desk with partner organisations (a new
 * company if none are given), taken to `status` by that desk: submitted,
 * every approval step approved and signed on `signedOn` on the way to
 * "signed" and beyond.
 */
export async function buildAgreement(
  runtime: Runtime,
  options: Placement & {
    partnerIds?: string[];
    status?: AgreementStatus;
    input?: Record<string, unknown>;
    includeSteps?: string[];
    signedOn?: string;
  } = {},
) {
  const parents = await parentsOf(runtime, await deskFor(runtime, options));
  const as = () => contextOf(runtime, parents.desk);
  const partnerIds = options.partnerIds ?? [(await createOrganization(runtime.db, { kind: "company" })).id];
  const status = options.status ?? "draft";
  const signedOn = options.signedOn ?? "2027-03-25";
  const { id } = await createAgreement(await as(), { ...agreementContent, partnerIds, ...options.input });
  const inputs: Partial<Record<AgreementTransition, unknown>> = {
    submitForApproval: { includeSteps: options.includeSteps ?? [] },
    sign: { signedOn },
    renew: { evaluation: "目標を達成したので更新する。" },
    end: { reason: "期間が満了した。" },
    terminate: { reason: "事業を終えた。" },
  };
  await walk(agreementSteps, status, async (name) => {
    if (name === "sign") {
      for (const step of (await getAgreement(await as(), id)).approvals) {
        await recordApproval(await as(), id, { stepId: step.id, decision: "approved", approverName: "決裁者", decidedOn: signedOn });
      }
    }
    await transitionAgreement(await as(), id, name, inputs[name] ?? {});
  });
  return { id, status, partnerIds, ...parents };
}

/** What a meeting and an action item need of their parents. */
type AgreementRef = { id: string; desk: Member };
type MeetingRef = { id: string; agreement: AgreementRef };

/** A meeting of an agreement (a new one if none is given), scheduled by the agreement's desk. */
export async function buildMeeting(
  runtime: Runtime,
  options: { agreement?: AgreementRef; input?: Record<string, unknown> } = {},
): Promise<MeetingRef> {
  const agreement = options.agreement ?? (await buildAgreement(runtime));
  const { id } = await createMeeting(await contextOf(runtime, agreement.desk), agreement.id, { ...validMeeting, ...options.input });
  return { id, agreement };
}

/** An action item of a meeting (a new one if none is given), recorded by the desk; `doneBy` marks it done. */
export async function buildMeetingActionItem(
  runtime: Runtime,
  options: { meeting?: MeetingRef; input?: Record<string, unknown>; doneBy?: Member } = {},
) {
  const meeting = options.meeting ?? (await buildMeeting(runtime));
  const ctx = await contextOf(runtime, meeting.agreement.desk);
  const { id } = await addMeetingActionItem(ctx, meeting.id, {
    title: "実証区域の案を作る",
    ownerName: "事業開発部",
    dueDate: "2099-06-30",
    ...options.input,
  });
  if (options.doneBy) await completeMeetingActionItem(await contextOf(runtime, options.doneBy), id);
  return { id, meeting };
}

type ProjectRef = { id: string; agreement: AgreementRef; leadDepartmentId: string };

/**
 * A project of an agreement, started by the agreement's desk under its first
 * item. Without an agreement: a new active one whose item a new department
 * carries, and that department leads the project.
 */
export async function buildProject(
  runtime: Runtime,
  options: { agreement?: AgreementRef; leadDepartmentId?: string; input?: Record<string, unknown> } = {},
): Promise<ProjectRef> {
  let { agreement, leadDepartmentId } = options;
  if (!agreement) {
    const desk = await createMember(runtime, { role: "desk_admin" });
    const department = await createDepartment(runtime.db, desk.organizationId);
    agreement = await buildAgreement(runtime, {
      desk,
      status: "active",
      input: { items: [{ title: "乗合交通の実証", field: "mobility", departmentId: department.id }] },
    });
    leadDepartmentId ??= department.id;
  }
  const ctx = await contextOf(runtime, agreement.desk);
  leadDepartmentId ??= (await createDepartment(runtime.db, ctx.scope.organizationId)).id;
  const { items } = await listAgreementProjects(ctx, agreement.id);
  const { id } = await createProject(ctx, agreement.id, {
    title: "乗合タクシーの実証運行",
    itemIds: [items[0]!.id],
    leadDepartmentId,
    ...options.input,
  });
  return { id, agreement, leadDepartmentId };
}

/** A KPI of a project (a new one if none is given), set by the agreement's desk; `figures` are entered by period start. */
export async function buildKpi(
  runtime: Runtime,
  options: { project?: ProjectRef; input?: Record<string, unknown>; figures?: Record<string, number>; today?: string } = {},
) {
  const project = options.project ?? (await buildProject(runtime));
  const ctx = await contextOf(runtime, project.agreement.desk);
  const { id } = await createKpi(ctx, project.id, { ...validKpi, ...options.input });
  for (const [periodStart, value] of Object.entries(options.figures ?? {}))
    await recordMeasurement(ctx, id, { periodStart, value }, options.today ?? "2099-12-31");
  return { id, project };
}

/** One in-app notification (and mail, if wanted) for a user, whose text carries `marker`. */
export async function createNotification(runtime: Runtime, input: { userId: string; organizationId: string; marker: string }) {
  const recipients = await findRecipients(runtime.db, [input.userId]);
  await runtime.db.transaction((tx) =>
    notifyUsers(tx, {
      recipients,
      organizationId: input.organizationId,
      kind: "test",
      title: "notify.welcome.title",
      body: "notify.welcome.body",
      params: { org: input.marker },
      baseUrl: runtime.config.baseUrl,
    }),
  );
}
