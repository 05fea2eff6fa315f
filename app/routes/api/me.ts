import type { Route } from "./+types/me";
import { unauthorized } from "~/lib/errors";
import { api, identityOf, json } from "~/server/context.server";
import { meView } from "~/features/identity/data.server";

export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const identity = await identityOf(args);
    if (!identity || identity.via !== "token") throw unauthorized();
    return json(meView(identity));
  });
}
