import { redirect } from "react-router";
import type { Route } from "./+types/org-switch";
import { guard, requirePageScope } from "~/server/context.server";
import { readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { activeOrganizationCookie } from "~/server/cookies.server";
import { switchOrganization } from "~/features/identity/commands.server";

export async function action(args: Route.ActionArgs) {
  const { ctx, identity } = await requirePageScope(args);
  const values = await readForm(args.request);
  const target = await guard(() => switchOrganization(ctx, identity, values));
  return redirectWithFlash(args, "/", "org.switched", { org: target.organizationName }, [activeOrganizationCookie(target.membershipId)]);
}

export function loader() {
  return redirect("/");
}
