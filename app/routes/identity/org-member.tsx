import { Form, useActionData } from "react-router";
import type { Route } from "./+types/org-member";
import { AppError } from "~/lib/errors";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { ErrorSummary, SchemaForm, SelectField } from "~/ui/form";
import { PageHeader, Section } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { listDepartments, listMembers } from "~/features/identity/data.server";
import { changeMemberRole, removeMember } from "~/features/identity/commands.server";
import { memberRoleInput } from "~/features/identity/schema";
import { invitableRoles } from "~/features/identity/policy";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return guard(async () => {
    const [{ members }, departments] = await Promise.all([listMembers(ctx), listDepartments(ctx)]);
    const member = members.find((m) => m.membershipId === args.params.id);
    if (!member) throw new AppError("not_found");
    if (!member.manageable) throw new AppError("forbidden");
    return { member, roles: invitableRoles(ctx.scope), departments: departments.map((d) => ({ value: d.id, label: d.name })) };
  });
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const values = await readForm(args.request);
  try {
    if (values.intent === "remove") {
      await removeMember(ctx, args.params.id);
      return redirectWithFlash(args, "/org/members", "members.removed");
    }
    await changeMemberRole(ctx, args.params.id, values);
    return redirectWithFlash(args, "/org/members", "members.changed");
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function Member({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>();
  const { member, roles, departments } = loaderData;
  return (
    <>
      <PageHeader
        title={t("members.manage", { name: member.name })}
        crumbs={[{ label: t("members.title"), to: "/org/members" }, { label: member.name }]}
        lead={member.email}
      />
      <Section title={t("members.changeRole")}>
        <SchemaForm schema={memberRoleInput} result={result} intent="role" method="post" className="flex max-w-xl flex-col gap-4">
          <ErrorSummary labels={{ role: t("members.role"), departmentId: t("invite.department") }} />
          <input type="hidden" name="intent" value="role" />
          <SelectField
            name="role"
            label={t("members.role")}
            defaultValue={member.role}
            options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          {departments.length > 0 ? (
            <SelectField
              name="departmentId"
              label={t("invite.department")}
              hint={t("members.department.hint")}
              placeholder={t("invite.department.none")}
              defaultValue={member.departmentId ?? ""}
              options={departments}
            />
          ) : null}
          <div>
            <Button>{t("members.changeRole")}</Button>
          </div>
        </SchemaForm>
      </Section>
      <Section title={t("members.remove.submit")}>
        <Form method="post" className="flex max-w-xl flex-col gap-4">
          <input type="hidden" name="intent" value="remove" />
          <p>{t("members.remove.confirm", { name: member.name })}</p>
          <div>
            <Button variant="secondary">{t("members.remove.submit")}</Button>
          </div>
        </Form>
      </Section>
    </>
  );
}
