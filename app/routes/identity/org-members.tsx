import { Link, useActionData } from "react-router";
import type { Route } from "./+types/org-members";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, SelectField, TextField } from "~/ui/form";
import { DataTable, Notice, PageHeader, Section } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { listDepartments, listMembers } from "~/features/identity/data.server";
import { inviteMember } from "~/features/identity/commands.server";
import { inviteInput } from "~/features/identity/schema";
import { invitableRoles } from "~/features/identity/policy";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return guard(async () => {
    const [list, departments] = await Promise.all([listMembers(ctx), listDepartments(ctx)]);
    return {
      ...list,
      departments: departments.map((d) => ({ value: d.id, label: d.name })),
      roles: invitableRoles(ctx.scope),
      organizationName: ctx.scope.organizationName,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const values = await readForm(args.request);
  try {
    await inviteMember(ctx, values);
    return { sent: String(values.email ?? "") };
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function Members({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const result = useActionData<typeof action>();
  const sent = result && "sent" in result ? result.sent : null;
  return (
    <>
      <PageHeader title={t("members.title")} crumbs={[{ label: t("members.title") }]} lead={loaderData.organizationName} />
      {sent ? <Notice kind="success">{t("invite.sent", { email: sent })}</Notice> : null}
      <DataTable
        caption={t("members.title")}
        head={[t("auth.name"), t("auth.email"), t("members.role"), t("members.department"), t("members.since"), t("members.actions")]}
        rows={[
          ...loaderData.members.map((m) => [
            m.name,
            m.email,
            t.label("role", m.role),
            m.departmentName ?? "—",
            format.dateTime(m.joinedAt),
            m.manageable ? (
              <Link key="a" to={`/org/members/${m.membershipId}`} className="text-blue-1000 underline">
                {t("members.manage", { name: m.name })}
              </Link>
            ) : (
              ""
            ),
          ]),
          ...loaderData.invitations.map((i) => [
            `（${t("invite.pending")}）`,
            i.email,
            t.label("role", i.role),
            "—",
            format.dateTime(i.expiresAt),
            "",
          ]),
        ]}
      />
      {loaderData.roles.length > 0 ? (
        <Section title={t("invite.title")}>
          <p>{t("invite.lead")}</p>
          <SchemaForm schema={inviteInput} result={result} method="post" className="flex max-w-xl flex-col gap-4">
            <ErrorSummary labels={{ email: t("auth.email"), role: t("members.role"), departmentId: t("invite.department") }} />
            <TextField name="email" type="email" label={t("auth.email")} />
            <SelectField
              name="role"
              label={t("members.role")}
              placeholder={t("form.select")}
              options={loaderData.roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            />
            {loaderData.departments.length > 0 ? (
              <SelectField
                name="departmentId"
                label={t("invite.department")}
                placeholder={t("invite.department.none")}
                options={loaderData.departments}
              />
            ) : null}
            <div>
              <Button>{t("invite.submit")}</Button>
            </div>
          </SchemaForm>
        </Section>
      ) : null}
    </>
  );
}
