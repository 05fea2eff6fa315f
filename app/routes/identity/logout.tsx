import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { runtimeOf } from "~/server/context.server";
import { flashCookie } from "~/server/flash.server";
import { activeOrganizationCookie } from "~/server/cookies.server";

export async function action(args: Route.ActionArgs) {
  const headers = new Headers();
  try {
    const result = await runtimeOf(args.context).auth.api.signOut({ headers: args.request.headers, returnHeaders: true });
    for (const c of result.headers.getSetCookie()) headers.append("Set-Cookie", c);
  } catch {
    // Already signed out: nothing to revoke.
  }
  headers.append("Set-Cookie", activeOrganizationCookie(null));
  headers.append("Set-Cookie", await flashCookie(args, "auth.logout.done"));
  return redirect("/", { headers });
}

export function loader() {
  return redirect("/");
}
