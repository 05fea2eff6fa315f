import type { Route } from "./+types/public-agreements";
import { AppError } from "~/lib/errors";
import { api, json, publicContext } from "~/server/context.server";
import { getPublicAgreement, listPublicAgreements } from "~/features/agreements/register/data.server";

/** Public register: signed agreements marked public (?municipality=団体コード), or one by id. */
export async function loader(args: Route.LoaderArgs) {
  return api(args, async () => {
    const ctx = publicContext(args);
    const id = (args.params as Record<string, string | undefined>).id;
    if (id) return json(await getPublicAgreement(ctx, id));
    const code = new URL(args.request.url).searchParams.get("municipality") ?? undefined;
    if (code !== undefined && !/^\d{6}$/.test(code))
      throw new AppError("validation", { fieldErrors: [{ path: "municipality", message: "validation.localGovCode.format" }] });
    const items = await listPublicAgreements(ctx, { localGovCode: code });
    return json({ items, total: items.length, nextCursor: null }, { headers: { "cache-control": "public, max-age=60" } });
  });
}
