import { useActionData } from "react-router";
import type { Route } from "./+types/follows";
import { localeFromRequest } from "~/lib/i18n";
import { useT } from "~/ui/i18n";
import { Notice, PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { formFailure, readForm } from "~/server/forms.server";
import { listFollows } from "~/features/themes/data.server";
import { followThemes, unfollowThemes } from "~/features/themes/commands.server";
import { FollowForms, FollowList } from "~/features/themes/components/follows";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args);
  return { follows: await listFollows(ctx) };
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args);
  const values = await readForm(args.request);
  try {
    if (values.intent === "remove") {
      await guard(() => unfollowThemes(ctx, String(values.id ?? "")));
      return { done: "themes.follow.removed" as const };
    }
    await followThemes(ctx, values);
    return { done: "themes.follow.added" as const };
  } catch (error) {
    return formFailure(error, values, localeFromRequest(args.request));
  }
}

export default function Follows({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("themes.follow.title")} crumbs={[{ label: t("themes.follow.title") }]} lead={t("themes.follow.lead")} />
      {result && "done" in result ? <Notice kind="success">{t(result.done)}</Notice> : null}
      <FollowList follows={loaderData.follows} />
      <FollowForms result={result} />
    </>
  );
}
