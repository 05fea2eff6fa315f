import { redirect } from "react-router";
import type { Route } from "./+types/org-switch";
import { guard, requirePageScope } from "~/server/context.server";
import { readForm, redirectWithFlash } from "~/server/forms.server";
import { ACTIVE_ORG_COOKIE } from "~/features/identity/gate.server";
import { switchOrganization } from "~/features/identity/commands.server";

export async function action(args: Route.ActionArgs) {
  const { ctx, identity } = await requirePageScope(args);
  const values = await readForm(args.request);
  const target = await guard(() => switchOrganization(ctx, identity, values));
  const cookie = `${ACTIVE_ORG_COOKIE}=${target.membershipId}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000`;
  return redirectWithFlash("/", "org.switched", { org: target.organizationName }, [cookie]);
}

export function loader() {
  return redirect("/");
}
