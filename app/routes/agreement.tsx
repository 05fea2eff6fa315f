import { Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/agreement";
import { localeFromRequest } from "~/lib/i18n";
import { tokyoIsoDate } from "~/lib/wareki";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Checkbox, CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField, type FormErrors } from "~/ui/form";
import { DataTable, PageHeader, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { getAgreement } from "~/features/agreements/data.server";
import { amendAgreement, handOver, recordApproval, setContact, transitionAgreement } from "~/features/agreements/commands.server";
import { ContactsSection } from "~/features/agreements/components/contacts-section";
import { agreementTransitionNames, type AgreementTransition } from "~/features/agreements/policy";
import { defaultRenewedEnd } from "~/features/agreements/term";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return { agreement: await guard(() => getAgreement(ctx, args.params.id)), today: tokyoIsoDate() };
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

const errorsFor = (result: unknown, intent: string): FormErrors | null =>
  result && typeof result === "object" && "fieldErrors" in result && (result as FormErrors).values?.intent === intent
    ? (result as FormErrors)
    : null;

export default function AgreementPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const result = useActionData<typeof action>();
  const { agreement: a, today } = loaderData;
  const simple = a.can.transitions.filter((n) => !["sign", "renew", "end", "terminate"].includes(n));
  const pendingSteps = a.approvals.filter((s) => s.status !== "approved");
  // A refused transition (someone else moved the agreement first) says why.
  const simpleErrors = simple.map((n) => errorsFor(result, `transition:${n}`)).find(Boolean) ?? null;
  const renewErrors = errorsFor(result, "transition:renew");
  const endErrors = errorsFor(result, "transition:end") ?? errorsFor(result, "transition:terminate");
  return (
    <>
      <PageHeader
        title={a.title}
        crumbs={[{ label: t("agreements.title"), to: "/agreements" }, { label: a.title }]}
        lead={`${t(`proposals.method.${a.method}`)}／${a.parties.map((p) => p.name).join("・")}`}
      />
      <p className="mb-6">
        <span className="rounded-4 bg-blue-50 px-2 py-1 text-dns-14N-130 text-blue-1000" data-testid="agreement-status">
          {t(`agreements.status.${a.status}`)}
        </span>
      </p>
      <p className="mb-6 flex flex-wrap items-center gap-x-6 gap-y-2">
        {/* A resource route: a full request, not a client-side navigation. */}
        <a
          href={`/agreements/${a.id}/document.docx`}
          className="inline-block rounded-8 border border-blue-900 px-4 py-3 text-std-16B-170 text-blue-900 underline"
          data-testid="agreement-document"
        >
          {t("agreements.document.download")}
        </a>
        {a.can.editTemplate ? (
          <Link to="/desk/agreement-template" className="text-blue-1000 underline">
            {t("agreements.document.template")}
          </Link>
        ) : null}
      </p>
      {a.can.edit ? (
        <p className="mb-6">
          <Link
            to={`/agreements/${a.id}/edit`}
            className="inline-block rounded-8 border border-blue-900 px-4 py-3 text-std-16B-170 text-blue-900 underline"
          >
            {t("agreements.edit")}
          </Link>
        </p>
      ) : null}
      {simple.length > 0 ? (
        <Form method="post" className="mb-8 flex flex-wrap items-end gap-3">
          <ErrorSummary errors={simpleErrors} labels={{}} />
          {simple.includes("submitForApproval") && a.optionalApprovalSteps.length > 0 ? (
            <div className="w-full">
              <CheckboxGroup
                name="includeSteps"
                label={t("agreements.approvalChain.include")}
                hint={t("agreements.approvalChain.include.hint")}
                options={a.optionalApprovalSteps.map((label) => ({ value: label, label }))}
              />
            </div>
          ) : null}
          {simple.map((name) => (
            <Button key={name} name="intent" value={`transition:${name}`}>
              {t.label("agreements.action", name)}
            </Button>
          ))}
        </Form>
      ) : null}

      <Section title={t("agreements.field.purpose")}>
        <p className="whitespace-pre-wrap">{a.purpose}</p>
      </Section>
      <Section title={t("agreements.items")}>
        {a.items.length === 0 ? (
          <p>{t("agreements.items.none")}</p>
        ) : (
          <DataTable
            caption={t("agreements.items")}
            head={[
              "",
              t("agreements.item.title"),
              t("agreements.item.field"),
              t("agreements.item.priority"),
              t("agreements.item.horizon"),
              t("agreements.item.department"),
              t("agreements.item.partnerOwner"),
            ]}
            rows={a.items.map((item, i) => [
              t("agreements.item.number", { n: i + 1 }),
              item.title,
              t.label("field", item.field),
              t(`agreements.priority.${item.priority}`),
              t(`agreements.horizon.${item.horizon}`),
              item.departmentName ?? "—",
              item.partnerOwner || "—",
            ])}
          />
        )}
      </Section>
      <dl className="mb-10 grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
        {(
          [
            ["roles", a.roles],
            ["consultationBody", a.consultationBody],
            ["costSharing", a.costSharing],
            ["confidentiality", a.confidentiality],
          ] as const
        )
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-std-16B-170">{t(`agreements.field.${k}`)}</dt>
              <dd className="whitespace-pre-wrap">{v}</dd>
            </div>
          ))}
        <dt className="text-std-16B-170">{t("agreements.term")}</dt>
        <dd>
          {a.startsOn ? format.officialDate(a.startsOn) : "—"} 〜 {a.endsOn ? format.officialDate(a.endsOn) : "—"}
        </dd>
        <dt className="text-std-16B-170">{t("agreements.field.renewalRule")}</dt>
        <dd>
          {t(`agreements.renewal.${a.renewalRule}`)}
          {a.renewalRule === "automatic" && a.renewalYears
            ? `（${t("agreements.renewal.detail", { years: a.renewalYears, date: a.objectionDeadline ? format.officialDate(a.objectionDeadline) : "—" })}）`
            : ""}
        </dd>
        {a.signedOn ? (
          <>
            <dt className="text-std-16B-170">{t("agreements.field.signedOn")}</dt>
            <dd data-testid="signed-on">{format.officialDate(a.signedOn)}</dd>
          </>
        ) : null}
        {/* The last renewal review's verdict stays in view: what to continue, change, add or end. */}
        {a.evaluation ? (
          <>
            <dt className="text-std-16B-170">{t("agreements.field.evaluation")}</dt>
            <dd className="whitespace-pre-wrap" data-testid="agreement-evaluation">
              {a.evaluation}
            </dd>
          </>
        ) : null}
        {a.endReason ? (
          <>
            <dt className="text-std-16B-170">{t("agreements.field.endReason")}</dt>
            <dd className="whitespace-pre-wrap">{a.endReason}</dd>
          </>
        ) : null}
      </dl>

      {a.approvals.length > 0 ? (
        <Section title={t("agreements.approvals")}>
          <DataTable
            caption={t("agreements.approvals")}
            head={[
              t("agreements.approval.step"),
              t("agreements.approval.party"),
              t("proposals.filter.status"),
              t("agreements.approval.approver"),
              t("agreements.approval.date"),
              t("agreements.approval.comment"),
            ]}
            rows={a.approvals.map((s) => [
              s.label,
              s.partyName,
              t(`agreements.approval.status.${s.status}`),
              s.approverName ?? "—",
              s.decidedOn ? format.officialDate(s.decidedOn) : "—",
              s.comment ?? "",
            ])}
          />
          {a.can.recordApproval && pendingSteps.length > 0 ? (
            <Form method="post" className="grid items-end gap-4 rounded-8 bg-solid-gray-50 p-4 md:grid-cols-2" noValidate>
              <ErrorSummary
                errors={errorsFor(result, "approval")}
                labels={{
                  stepId: t("agreements.approval.step"),
                  approverName: t("agreements.approval.approver"),
                  decidedOn: t("agreements.approval.date"),
                }}
              />
              <input type="hidden" name="intent" value="approval" />
              <SelectField
                name="stepId"
                label={t("agreements.approval.step")}
                required
                errors={errorsFor(result, "approval")}
                options={pendingSteps.map((s) => ({ value: s.id, label: `${s.label}（${s.partyName}）` }))}
              />
              <SelectField
                name="decision"
                label={t("agreements.approval.decision")}
                required
                options={(["approved", "returned"] as const).map((d) => ({ value: d, label: t(`agreements.approval.status.${d}`) }))}
              />
              <TextField name="approverName" label={t("agreements.approval.approver")} required errors={errorsFor(result, "approval")} />
              <TextField
                name="decidedOn"
                type="date"
                label={t("agreements.approval.date")}
                required
                errors={errorsFor(result, "approval")}
                defaultValue={today}
              />
              <TextArea name="comment" label={t("agreements.approval.comment")} rows={2} errors={errorsFor(result, "approval")} />
              <div>
                <Button>{t("agreements.approval.record")}</Button>
              </div>
            </Form>
          ) : null}
        </Section>
      ) : null}

      {a.can.transitions.includes("sign") ? (
        <Section title={t("agreements.sign.title")}>
          <Form method="post" className="flex flex-col gap-4" noValidate>
            <ErrorSummary errors={errorsFor(result, "transition:sign")} labels={{ signedOn: t("agreements.field.signedOn") }} />
            <TextField
              name="signedOn"
              type="date"
              label={t("agreements.field.signedOn")}
              required
              errors={errorsFor(result, "transition:sign")}
              defaultValue={today}
            />
            <TextArea name="ceremony" label={t("agreements.field.ceremony")} rows={2} />
            <TextArea name="pressRelease" label={t("agreements.field.pressRelease")} rows={4} />
            <TextArea name="publicSummary" label={t("agreements.field.publicSummary")} rows={3} />
            <Checkbox name="isPublic" label={t("agreements.field.isPublic")} defaultChecked />
            <div>
              <Button name="intent" value="transition:sign">
                {t("agreements.action.sign")}
              </Button>
            </div>
          </Form>
        </Section>
      ) : null}
      {a.can.transitions.includes("renew") ? (
        <Section title={t("agreements.renew.title")}>
          <Form method="post" className="flex flex-col gap-4" noValidate>
            <ErrorSummary
              errors={renewErrors}
              labels={{ evaluation: t("agreements.field.evaluation"), endsOn: t("agreements.field.renewedEndsOn") }}
            />
            <TextArea
              name="evaluation"
              label={t("agreements.field.evaluation")}
              hint={t("agreements.field.evaluation.hint")}
              required
              rows={5}
              errors={renewErrors}
            />
            {a.endsOn ? (
              <TextField
                name="endsOn"
                type="date"
                label={t("agreements.field.renewedEndsOn")}
                hint={t("agreements.field.renewedEndsOn.hint")}
                errors={renewErrors}
                defaultValue={defaultRenewedEnd(a) ?? undefined}
              />
            ) : null}
            <div>
              <Button name="intent" value="transition:renew">
                {t("agreements.action.renew")}
              </Button>
            </div>
          </Form>
        </Section>
      ) : null}
      {a.can.transitions.includes("end") || a.can.transitions.includes("terminate") ? (
        // Open when it comes back with errors, also without JavaScript.
        <details className="mb-10 rounded-8 border border-solid-gray-300 p-4" open={Boolean(endErrors)}>
          <summary className="cursor-pointer text-std-16B-170">{t("agreements.end.title")}</summary>
          <Form method="post" className="mt-4 flex flex-col gap-4" noValidate>
            <ErrorSummary errors={endErrors} labels={{ reason: t("agreements.field.endReason") }} />
            <TextArea name="reason" label={t("agreements.field.endReason")} required rows={3} errors={endErrors} />
            <div className="flex gap-3">
              {a.can.transitions.includes("end") ? (
                <Button name="intent" value="transition:end" variant="secondary">
                  {t("agreements.action.end")}
                </Button>
              ) : null}
              <Button name="intent" value="transition:terminate" variant="secondary">
                {t("agreements.action.terminate")}
              </Button>
            </div>
          </Form>
        </details>
      ) : null}

      <Section title={t("agreements.document.versions")}>
        {a.documentVersions.length === 0 ? (
          <p>{t("agreements.document.versions.none")}</p>
        ) : (
          <DataTable
            caption={t("agreements.document.versions")}
            head={[
              t("agreements.document.version"),
              t("agreements.document.reason"),
              t("agreements.document.recordedBy"),
              t("agreements.document.recordedAt"),
              "",
            ]}
            rows={[...a.documentVersions].reverse().map((v) => [
              t("agreements.document.versionNumber", { n: v.version }),
              v.reason,
              v.createdByName ?? "—",
              format.dateTime(v.createdAt),
              <a key="file" href={`/agreements/${a.id}/document.docx?version=${v.version}`} className="text-blue-1000 underline">
                {t("agreements.document.downloadVersion", { n: v.version })}
              </a>,
            ])}
          />
        )}
        {a.can.amend ? (
          <Form method="post" className="flex flex-col gap-4 rounded-8 bg-solid-gray-50 p-4" noValidate>
            <ErrorSummary errors={errorsFor(result, "amend")} labels={{ reason: t("agreements.document.amendReason") }} />
            <TextArea
              name="reason"
              label={t("agreements.document.amendReason")}
              hint={t("agreements.document.amendHint")}
              required
              rows={3}
              errors={errorsFor(result, "amend")}
            />
            <div>
              <Button name="intent" value="amend" variant="secondary">
                {t("agreements.document.amend")}
              </Button>
            </div>
          </Form>
        ) : null}
      </Section>

      <p className="mb-10">
        <Link
          to={`/agreements/${a.id}/meetings`}
          className="inline-block rounded-8 border border-blue-900 px-4 py-3 text-std-16B-170 text-blue-900 underline"
        >
          {t("meetings.title")}
        </Link>
      </p>

      <ContactsSection agreement={a} errorsFor={(intent) => errorsFor(result, intent)} />

      <Section title={t("proposals.timeline")}>
        <ol className="flex flex-col gap-3 border-l-4 border-blue-200 pl-4" data-testid="agreement-timeline">
          {a.timeline.map((e) => (
            <li key={e.at + e.toStatus}>
              <p className="text-std-16B-170">{t.label("agreements.status", e.toStatus)}</p>
              <p className="text-dns-14N-130 text-solid-gray-700">
                {format.dateTime(e.at)}　{e.actorName ?? ""}
              </p>
              {e.note ? <p className="whitespace-pre-wrap">{e.note}</p> : null}
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}
