import type { Route } from "./+types/theme";
import { guard, optionalScope, requirePageScope, viewerContext } from "~/server/context.server";
import { readForm } from "~/server/forms.server";
import { redirectWithFlash } from "~/server/flash.server";
import { getTheme } from "~/features/themes/data.server";
import { closeTheme, publishTheme } from "~/features/themes/commands.server";
import { canPublishAndCloseThemes } from "~/features/themes/policy";
import { canPropose } from "~/features/proposals/policy";
import { useRootData } from "~/root";
import { ThemeHeader } from "~/features/themes/components/theme-header";
import { ThemeContent } from "~/features/themes/components/theme-content";

export async function loader(args: Route.LoaderArgs) {
  const scope = await optionalScope(args);
  return guard(() => getTheme(viewerContext(args, scope), args.params.id));
}

export async function action(args: Route.ActionArgs) {
  const { ctx } = await requirePageScope(args, canPublishAndCloseThemes);
  const values = await readForm(args.request);
  const theme = await guard(() => getTheme(ctx, args.params.id));
  if (values.intent === "publish") {
    await guard(() => publishTheme(ctx, theme.id));
    return redirectWithFlash(args, `/themes/${theme.id}`, "themes.published", { title: theme.title });
  }
  if (values.intent === "close") {
    await guard(() => closeTheme(ctx, theme.id));
    return redirectWithFlash(args, `/themes/${theme.id}`, "themes.closed", { title: theme.title });
  }
  throw new Response(null, { status: 400 });
}

export default function ThemePage({ loaderData: theme }: Route.ComponentProps) {
  const root = useRootData();
  const mayPropose = Boolean(root?.active && canPropose(root.active));
  return (
    <>
      <ThemeHeader theme={theme} mayPropose={mayPropose} signedIn={Boolean(root?.user)} />
      <ThemeContent theme={theme} />
    </>
  );
}
