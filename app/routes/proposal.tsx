import { Form, Link, useActionData } from "react-router";
import type { Route } from "./+types/proposal";
import { localeFromRequest, type MessageKey } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Checkbox, CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField, type FormErrors } from "~/ui/form";
import { Notice, PageHeader, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readFormWithFiles } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { listDepartments } from "~/features/identity/data.server";
import { getProposal, listActionItems, listMessages, proposalAccessLog } from "~/features/proposals/data.server";
import {
  addActionItem,
  completeActionItem,
  postMessage,
  setPublicationConsent,
  shareProposal,
  transitionProposal,
} from "~/features/proposals/commands.server";
import { transitionNames, type TransitionName } from "~/features/proposals/policy";
import type { MatrixLevel } from "~/features/proposals/constants";
import { declineGrounds, messageKinds } from "~/features/proposals/schema";
import { AttachmentList, AttachmentsField } from "~/features/files/components/attachments";
import { ActionItems } from "~/ui/action-items";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return guard(async () => {
    const proposal = await getProposal(ctx, args.params.id);
    const [messages, actionItems, accessLog, departments] = await Promise.all([
      listMessages(ctx, proposal.id),
      listActionItems(ctx, proposal.id),
      proposal.can.seeAccessLog ? proposalAccessLog(ctx, proposal.id) : Promise.resolve([]),
      proposal.can.share ? listDepartments(ctx) : Promise.resolve([]),
    ]);
    return { proposal, messages, actionItems, accessLog, departments: departments.map((d) => ({ value: d.id, label: d.name })) };
  });
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const id = args.params.id;
  const { values, files } = await readFormWithFiles(args.request);
  const intent = String(values.intent ?? "");
  const back = (key: MessageKey, params?: Record<string, string | { key: MessageKey }>) =>
    redirectWithFlash(args, `/proposals/${id}`, key, params);
  try {
    if (intent.startsWith("transition:")) {
      const name = intent.slice("transition:".length) as TransitionName;
      if (!transitionNames.includes(name)) throw new Response(null, { status: 400 });
      const to = await transitionProposal(ctx, id, name, values);
      return back("proposals.action.done", { title: String(values.title ?? ""), status: { key: `proposals.status.${to}` } });
    }
    switch (intent) {
      case "share":
        await shareProposal(ctx, id, values);
        return back("proposals.share.done");
      case "message":
        await postMessage(ctx, id, values, files);
        return back("proposals.dialogue.posted");
      case "action-item":
        await addActionItem(ctx, id, values);
        return back("form.saved");
      case "action-item-done":
        await completeActionItem(ctx, id, String(values.itemId ?? ""));
        return back("form.saved");
      case "publication":
        await setPublicationConsent(ctx, id, { agree: values.agree ?? false, summary: values.summary });
        return back("proposals.publication.saved");
      default:
        throw new Response(null, { status: 400 });
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

function errorsFor(result: unknown, intent: string): FormErrors | null {
  if (!result || typeof result !== "object" || !("fieldErrors" in result)) return null;
  const errors = result as FormErrors;
  return errors.values?.intent === intent ? errors : null;
}

export default function ProposalPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const result = useActionData<typeof action>();
  const { proposal: p, messages, actionItems, accessLog, departments } = loaderData;
  const otherTransitions = p.can.transitions.filter((n) => n !== "decline");
  const level = (l: MatrixLevel) => t(`proposals.level.${l}`);
  return (
    <>
      <PageHeader
        title={p.title || t("proposals.status.draft")}
        crumbs={[{ label: t("proposals.title"), to: "/proposals" }, { label: p.title || t("proposals.status.draft") }]}
        lead={`${t("proposals.proposer")}: ${p.proposerName}／${t("proposals.municipality")}: ${p.municipalityName}`}
      />
      <p className="mb-6 flex flex-wrap gap-2 text-dns-14N-130">
        <span className="rounded-4 bg-blue-50 px-2 py-1 text-blue-1000" data-testid="proposal-status">
          {t(`proposals.status.${p.status}`)}
        </span>
        <span className="rounded-4 bg-solid-gray-50 px-2 py-1">{t(`proposals.kind.${p.kind}`)}</span>
        <span className="rounded-4 bg-solid-gray-50 px-2 py-1">{t(`proposals.method.${p.method}`)}</span>
        {p.fields.map((f) => (
          <span key={f} className="rounded-4 bg-solid-gray-50 px-2 py-1">
            {t.label("field", f)}
          </span>
        ))}
      </p>
      {p.status === "declined" ? (
        <Notice kind="error">
          <p className="text-std-16B-170">{t("proposals.declined.notice")}</p>
          <ul className="mt-2 list-disc pl-6">
            {p.declineGrounds.map((g) => (
              <li key={g}>{t(`proposals.ground.${g}`)}</li>
            ))}
          </ul>
          <p className="mt-2 whitespace-pre-wrap" data-testid="decline-reason">
            {p.declineReason}
          </p>
        </Notice>
      ) : null}
      {p.status === "agreement_preparation" && p.can.share ? (
        <p className="mb-6">
          <Link
            to={`/agreements/new?fromProposal=${p.id}`}
            className="inline-block rounded-8 bg-blue-900 px-4 py-3 text-std-16B-170 text-white underline"
          >
            {t("proposals.toAgreement")}
          </Link>
        </p>
      ) : null}
      {p.can.edit ? (
        <p className="mb-6">
          <Link
            to={`/proposals/${p.id}/edit`}
            className="inline-block rounded-8 bg-blue-900 px-4 py-3 text-std-16B-170 text-white underline"
          >
            {t("proposals.edit")}
          </Link>
        </p>
      ) : null}

      {p.can.transitions.length > 0 ? (
        <Section title={t("proposals.actions")}>
          {otherTransitions.length > 0 ? (
            <Form method="post" className="flex flex-col gap-4 rounded-8 border border-solid-gray-300 p-4">
              <input type="hidden" name="title" value={p.title} />
              <TextArea name="note" label={t("proposals.action.note")} rows={2} errors={errorsFor(result, "note")} />
              <div className="flex flex-wrap gap-3">
                {otherTransitions.map((name) => (
                  <Button
                    key={name}
                    name="intent"
                    value={`transition:${name}`}
                    variant={name === "withdraw" || name === "close" ? "secondary" : "primary"}
                  >
                    {t.label("proposals.action", name)}
                  </Button>
                ))}
              </div>
            </Form>
          ) : null}
          {p.can.transitions.includes("decline") ? (
            <details className="rounded-8 border border-solid-gray-300 p-4" open={Boolean(errorsFor(result, "transition:decline"))}>
              <summary className="cursor-pointer text-std-16B-170">{t("proposals.action.decline")}</summary>
              <Form method="post" className="mt-4 flex flex-col gap-4" noValidate>
                <p>{t("proposals.decline.lead")}</p>
                <ErrorSummary
                  errors={errorsFor(result, "transition:decline")}
                  labels={{ grounds: t("proposals.decline.grounds"), reason: t("proposals.decline.reason") }}
                />
                <input type="hidden" name="title" value={p.title} />
                <CheckboxGroup
                  name="grounds"
                  label={t("proposals.decline.grounds")}
                  required
                  errors={errorsFor(result, "transition:decline")}
                  options={declineGrounds.map((g) => ({ value: g, label: t(`proposals.ground.${g}`) }))}
                />
                <TextArea
                  name="reason"
                  label={t("proposals.decline.reason")}
                  required
                  rows={4}
                  errors={errorsFor(result, "transition:decline")}
                />
                <div>
                  <Button name="intent" value="transition:decline">
                    {t("proposals.decline.submit")}
                  </Button>
                </div>
              </Form>
            </details>
          ) : null}
        </Section>
      ) : null}

      <Section title={t("proposals.roles.title", { stage: t(`proposals.stage.${p.roles.stage}`) })}>
        <p data-testid="roles">
          {t("proposals.roles.desk", { level: level(p.roles.desk) })}／
          {t("proposals.roles.department", { level: level(p.roles.department) })}
        </p>
      </Section>

      <Section title={t("proposals.field.summary")}>
        <p className="whitespace-pre-wrap">{p.summary}</p>
      </Section>
      <Section title={t("proposals.field.plan")}>
        <p className="whitespace-pre-wrap">{p.plan}</p>
      </Section>
      <Section title={t("proposals.field.benefits")}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[14rem_1fr]">
          <dt className="text-std-16B-170">{t("proposals.field.benefitCitizens")}</dt>
          <dd className="whitespace-pre-wrap">{p.benefitCitizens}</dd>
          <dt className="text-std-16B-170">{t("proposals.field.benefitPartner")}</dt>
          <dd className="whitespace-pre-wrap">{p.benefitPartner}</dd>
          <dt className="text-std-16B-170">{t("proposals.field.benefitMunicipality")}</dt>
          <dd className="whitespace-pre-wrap">{p.benefitMunicipality}</dd>
        </dl>
      </Section>
      <dl className="mb-10 grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
        {p.themeTitle ? (
          <>
            <dt className="text-std-16B-170">{t("proposals.theme")}</dt>
            <dd>
              <Link to={`/themes/${p.themeId}`} className="text-blue-1000 underline">
                {p.themeTitle}
              </Link>
            </dd>
          </>
        ) : null}
        {p.resources ? (
          <>
            <dt className="text-std-16B-170">{t("proposals.field.resources")}</dt>
            <dd className="whitespace-pre-wrap">{p.resources}</dd>
          </>
        ) : null}
        {p.periodStart || p.periodEnd ? (
          <>
            <dt className="text-std-16B-170">{t("proposals.field.periodStart")}</dt>
            <dd>{format.dateRange(p.periodStart, p.periodEnd)}</dd>
          </>
        ) : null}
        <dt className="text-std-16B-170">{t("proposals.field.contactName")}</dt>
        <dd>
          {p.contactName} {p.contactEmail} {p.contactPhone}
        </dd>
        {p.submittedAt ? (
          <>
            <dt className="text-std-16B-170">{t("proposals.submittedAt")}</dt>
            <dd>{format.dateTime(p.submittedAt)}</dd>
          </>
        ) : null}
      </dl>
      {p.attachments.length > 0 ? (
        <Section title={t("proposals.files")}>
          <AttachmentList files={p.attachments} href={(id) => `/proposals/${p.id}/files/${id}`} />
        </Section>
      ) : null}

      <Section title={t("proposals.timeline")}>
        {p.timeline.length === 0 ? (
          <p>{t("proposals.timeline.none")}</p>
        ) : (
          <ol className="flex flex-col gap-3 border-l-4 border-blue-200 pl-4" data-testid="timeline">
            {p.timeline.map((e) => (
              <li key={e.at + e.toStatus}>
                <p className="text-std-16B-170">{t.label("proposals.status", e.toStatus)}</p>
                <p className="text-dns-14N-130 text-solid-gray-700">
                  {format.dateTime(e.at)}　{e.actorUnit ?? ""} {e.actorName ?? ""}
                </p>
                {e.note ? <p className="whitespace-pre-wrap">{e.note}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </Section>

      {p.can.share || p.shares.length > 0 ? (
        <Section title={t("proposals.share.title")}>
          <p>{t("proposals.share.lead")}</p>
          {p.shares.length === 0 ? (
            <p>{t("proposals.share.none")}</p>
          ) : (
            <ul className="list-disc pl-6">
              {p.shares.map((s) => (
                <li key={s.departmentId}>
                  {s.departmentName}（{format.dateTime(s.sharedAt)}）
                </li>
              ))}
            </ul>
          )}
          {p.can.share ? (
            <Form method="post" className="flex flex-col gap-4" noValidate>
              <CheckboxGroup
                name="departmentIds"
                label={t("proposals.share.departments")}
                required
                errors={errorsFor(result, "share")}
                options={departments.filter((d) => !p.shares.some((s) => s.departmentId === d.value))}
              />
              <div>
                <Button name="intent" value="share">
                  {t("proposals.share.submit")}
                </Button>
              </div>
            </Form>
          ) : null}
        </Section>
      ) : null}

      {p.status !== "draft" ? (
        <Section title={t("proposals.dialogue.title")}>
          <p>{t("proposals.dialogue.lead")}</p>
          {messages.length === 0 ? (
            <p>{t("proposals.dialogue.none")}</p>
          ) : (
            <ol className="flex flex-col gap-4" data-testid="messages">
              {messages.map((m) => (
                <li key={m.id} className="rounded-8 border border-solid-gray-300 p-4">
                  <p className="text-dns-14N-130 text-solid-gray-700">
                    {m.kind === "meeting"
                      ? `${t("proposals.dialogue.kind.meeting")}（${m.meetingDate ? format.date(m.meetingDate) : ""}）`
                      : t("proposals.dialogue.kind.message")}
                    　{m.authorUnit} {m.authorName}　{format.dateTime(m.createdAt)}
                  </p>
                  {m.attendees ? (
                    <p className="text-dns-14N-130">
                      {t("proposals.dialogue.attendees")}: {m.attendees}
                    </p>
                  ) : null}
                  <p className="mt-2 whitespace-pre-wrap">{m.body}</p>
                  {m.attachments.length > 0 ? (
                    <AttachmentList files={m.attachments} href={(id) => `/proposals/${p.id}/files/${id}`} />
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          {p.can.post ? (
            <Form method="post" encType="multipart/form-data" className="flex flex-col gap-4 rounded-8 bg-solid-gray-50 p-4" noValidate>
              <ErrorSummary
                errors={errorsFor(result, "message")}
                labels={{
                  body: t("proposals.dialogue.body"),
                  meetingDate: t("proposals.dialogue.meetingDate"),
                  attachments: t("proposals.field.attachments"),
                }}
              />
              <SelectField
                name="kind"
                label={t("proposals.dialogue.kind")}
                required
                options={messageKinds.map((k) => ({ value: k, label: t(`proposals.dialogue.kind.${k}`) }))}
                errors={errorsFor(result, "message")}
              />
              <TextArea name="body" label={t("proposals.dialogue.body")} required rows={4} errors={errorsFor(result, "message")} />
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField
                  name="meetingDate"
                  type="date"
                  label={t("proposals.dialogue.meetingDate")}
                  errors={errorsFor(result, "message")}
                />
                <TextField name="attendees" label={t("proposals.dialogue.attendees")} errors={errorsFor(result, "message")} />
              </div>
              <AttachmentsField label={t("proposals.field.attachments")} legend="" errors={errorsFor(result, "message")} />
              <div>
                <Button name="intent" value="message">
                  {t("proposals.dialogue.post")}
                </Button>
              </div>
            </Form>
          ) : null}
        </Section>
      ) : null}

      {p.status !== "draft" ? (
        <ActionItems
          area="proposals"
          items={actionItems}
          canAdd={p.can.post}
          canComplete
          doneText={() => t("proposals.actionItems.completed")}
          errors={errorsFor(result, "action-item")}
        />
      ) : null}

      {p.can.seeAccessLog && p.status !== "draft" ? (
        <Section title={t("proposals.access.title")}>
          <p>{t("proposals.access.lead")}</p>
          {accessLog.length === 0 ? (
            <p>{t("proposals.access.none")}</p>
          ) : (
            <ul className="list-disc pl-6" data-testid="access-log">
              {accessLog.map((a) => (
                <li key={a.unit + a.role}>
                  {t("proposals.access.entry", {
                    unit: a.unit,
                    role: t.label("role", a.role),
                    views: a.views,
                    at: format.dateTime(a.lastViewedAt),
                  })}
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}

      {p.can.publication ? (
        <Section title={t("proposals.publication.title")}>
          <p>{t("proposals.publication.lead")}</p>
          <p>
            {t("proposals.publication.state", {
              desk: t(p.publishAgreedByDesk ? "proposals.publication.yes" : "proposals.publication.no"),
              proposer: t(p.publishAgreedByProposer ? "proposals.publication.yes" : "proposals.publication.no"),
            })}
          </p>
          {p.publicSummary ? <p className="whitespace-pre-wrap rounded-8 bg-solid-gray-50 p-4">{p.publicSummary}</p> : null}
          <Form method="post" className="flex flex-col gap-4" noValidate>
            <TextArea
              name="summary"
              label={t("proposals.publication.summary")}
              rows={3}
              errors={errorsFor(result, "publication")}
              defaultValue={p.publicSummary ?? ""}
            />
            <Checkbox name="agree" label={t("proposals.publication.agree")} />
            <div>
              <Button name="intent" value="publication" variant="secondary">
                {t("proposals.publication.save")}
              </Button>
            </div>
          </Form>
        </Section>
      ) : null}
    </>
  );
}
