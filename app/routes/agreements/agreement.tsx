import { useActionData } from "react-router";
import type { Route } from "./+types/agreement";
import { localeFromRequest } from "~/lib/i18n";
import { tokyoIsoDate } from "~/lib/wareki";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { getAgreement } from "~/features/agreements/register/data.server";
import { meetingsDigest } from "~/features/meetings/data.server";
import { agreementProjectsDigest } from "~/features/results/projects/data.server";
import { canCreateProject, projectStatusesOfAgreement } from "~/features/results/policy";
import { AgreementProjectsSection } from "~/features/results/components/agreement-projects-section";
import { healthDigest } from "~/features/results/health/data.server";
import { AgreementHealthLine } from "~/features/results/components/health-section";
import { amendAgreement } from "~/features/agreements/documents/commands.server";
import { handOver, setContact } from "~/features/agreements/contacts/commands.server";
import { recordApproval } from "~/features/agreements/approvals/commands.server";
import { transitionAgreement } from "~/features/agreements/register/commands.server";
import { ContactsSection } from "~/features/agreements/components/contacts-section";
import { AgreementHeader } from "~/features/agreements/components/agreement-header";
import { AgreementTransitions } from "~/features/agreements/components/agreement-transitions";
import { AgreementContent } from "~/features/agreements/components/agreement-content";
import { AgreementApprovals } from "~/features/agreements/components/agreement-approvals";
import { AgreementTermTransitions } from "~/features/agreements/components/agreement-term-transitions";
import { AgreementDocumentVersions } from "~/features/agreements/components/agreement-document-versions";
import { AgreementMeetingsLink } from "~/features/agreements/components/agreement-meetings-link";
import { AgreementTimeline } from "~/features/agreements/components/agreement-timeline";
import { agreementTransitionNames, type AgreementTransition } from "~/features/agreements/policy";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  const agreement = await guard(() => getAgreement(ctx, args.params.id));
  return {
    agreement,
    meetings: await meetingsDigest(ctx, agreement.id),
    projects: await agreementProjectsDigest(ctx, agreement.id),
    health: await healthDigest(ctx, agreement.id),
    canCreateProject: canCreateProject(
      ctx.scope,
      agreement,
      agreement.items.map((i) => i.departmentId),
    ),
    today: tokyoIsoDate(),
  };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const id = args.params.id;
  const values = await readForm(args.request);
  const intent = String(values.intent ?? "");
  try {
    if (intent === "contact") {
      await setContact(ctx, id, values);
      return redirectWithFlash(args, `/agreements/${id}`, "agreements.contact.saved");
    }
    if (intent === "handover") {
      await handOver(ctx, id, values);
      return redirectWithFlash(args, `/agreements/${id}`, "agreements.handover.done");
    }
    if (intent === "approval") {
      await recordApproval(ctx, id, values);
      return redirectWithFlash(args, `/agreements/${id}`, "agreements.approval.recorded");
    }
    if (intent === "amend") {
      const { version } = await amendAgreement(ctx, id, values);
      return redirectWithFlash(args, `/agreements/${id}`, "agreements.document.amended", { n: version });
    }
    const name = intent.replace(/^transition:/, "") as AgreementTransition;
    if (!intent.startsWith("transition:") || !agreementTransitionNames.includes(name)) throw new Response(null, { status: 400 });
    const to = await transitionAgreement(ctx, id, name, values);
    return redirectWithFlash(args, `/agreements/${id}`, "agreements.transitioned", { status: { key: `agreements.status.${to}` } });
  } catch (error) {
    if (error instanceof Response) throw error;
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function AgreementPage({ loaderData }: Route.ComponentProps) {
  const result = useActionData<typeof action>();
  const { agreement: a, meetings, projects, health, canCreateProject, today } = loaderData;
  const runsProjects = projectStatusesOfAgreement.includes(a.status);
  return (
    <>
      <AgreementHeader agreement={a} />
      {health ? <AgreementHealthLine agreementId={a.id} digest={health} /> : null}
      <AgreementTransitions agreement={a} today={today} result={result} />
      <AgreementContent agreement={a} />
      <AgreementApprovals agreement={a} today={today} result={result} />
      <AgreementTermTransitions agreement={a} today={today} result={result} />
      <AgreementDocumentVersions agreement={a} result={result} />
      <AgreementMeetingsLink agreement={a} meetings={meetings} />
      {runsProjects || projects.length ? (
        <AgreementProjectsSection
          agreementId={a.id}
          items={a.items}
          projects={projects}
          canCreate={canCreateProject}
          runsProjects={runsProjects}
        />
      ) : null}
      <ContactsSection agreement={a} result={result} />
      <AgreementTimeline agreement={a} />
    </>
  );
}
