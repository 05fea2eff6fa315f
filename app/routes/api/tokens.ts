import type { Route } from "./+types/tokens";
import { AppError, unauthorized } from "~/lib/errors";
import { verifyCredentials } from "~/lib/auth/auth.server";
import { parseInput } from "~/lib/validation";
import { api, clientAddressOf, json, publicContext, readJson, runtimeOf } from "~/server/context.server";
import { tokenRequestInput, type IssuedToken } from "~/features/identity/schema";
import { issueApiToken } from "~/features/identity/commands.server";
import { beginSignIn } from "~/server/rate-limit.server";

/** POST {"email","password"} → 201 {"token"}: a personal token valid for 30 days. */
export async function action(args: Route.ActionArgs) {
  return api(args, async () => {
    if (args.request.method !== "POST") throw new AppError("not_found");
    const input = parseInput(tokenRequestInput, await readJson(args.request));
    const runtime = runtimeOf(args.context);
    // The same counters as the login page: one budget of wrong passwords per account and address.
    const attempt = await beginSignIn(runtime.database, { email: input.email, address: clientAddressOf(args.context) });
    const user = await verifyCredentials(runtime.auth, input.email, input.password);
    if (!user) throw unauthorized("auth.login.failed");
    await attempt.succeeded();
    const expiresAt = new Date(Date.now() + 30 * 86_400_000);
    const issued = await issueApiToken(publicContext(args), user, "API (POST /api/v1/tokens)", expiresAt);
    return json({ token: issued.token, expiresAt: expiresAt.toISOString() } satisfies IssuedToken, { status: 201 });
  });
}

export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => Promise.reject(new AppError("not_found")));
}
