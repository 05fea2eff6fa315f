// First: configures Zod for the browser's Content-Security-Policy before any schema is created.
import "~/lib/zod-csp";
import { data, isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData, Link } from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import { localeFromRequest, translate, type Locale } from "~/lib/i18n";
import { LocaleProvider, useT } from "~/ui/i18n";
import { DocumentTitle, Notice } from "~/ui/layout";
import { pageIdentityOf, requestMiddleware, requestContextOf } from "~/server/context.server";
import { readFlash } from "~/server/flash.server";
import { outageMiddleware } from "~/server/outage.server";
import { scopeOf } from "~/features/identity/gate.server";
import { countUnreadNotifications } from "~/features/notifications/data.server";
import { navigationGroupsFor } from "~/features/identity/navigation";
import { SiteHeader } from "~/ui/header";

export const middleware: Route.MiddlewareFunction[] = [requestMiddleware, ...outageMiddleware];

export async function loader(args: Route.LoaderArgs) {
  const locale = localeFromRequest(args.request);
  const identity = await pageIdentityOf(args);
  const flash = await readFlash(args, locale);
  let unread = 0;
  if (identity?.active) {
    unread = await countUnreadNotifications({ ...requestContextOf(args), scope: scopeOf(identity, identity.active) });
  }
  const headers = new Headers();
  if (flash.clear) headers.append("Set-Cookie", flash.clear);
  for (const c of identity?.setCookies ?? []) headers.append("Set-Cookie", c);
  return data(
    {
      locale,
      flash: flash.message,
      unread,
      user: identity ? { name: identity.user.name, email: identity.user.email } : null,
      active: identity?.active ?? null,
      memberships: identity?.memberships ?? [],
    },
    { headers },
  );
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<RootData>("root");
}

function Header() {
  const t = useT();
  const root = useRootData();
  const groups = navigationGroupsFor({ signedIn: Boolean(root?.user), membership: root?.active ?? null }).map((g) => ({
    group: g.group,
    entries: g.entries.map(({ to, label }) => ({
      to,
      label: to === "/notifications" && root?.unread ? `${t(label)} (${root.unread})` : t(label),
    })),
  }));
  return (
    <SiteHeader
      groups={groups}
      signedIn={Boolean(root?.user)}
      locale={root?.locale ?? "ja"}
      memberships={root?.memberships ?? []}
      activeMembershipId={root?.active?.membershipId ?? null}
    />
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRootData();
  const locale: Locale = root?.locale ?? "ja";
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <LocaleProvider locale={locale}>
          <Header />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
            {root?.flash ? <Notice kind="success">{root.flash}</Notice> : null}
            {children}
          </main>
          <footer className="flex flex-col gap-2 border-t border-solid-gray-200 px-4 py-6 text-center text-dns-14N-130 text-solid-gray-700">
            <p>{translate(locale, "app.footer")}</p>
            <p>
              <a href="/developers/api" className="text-blue-1000 underline">
                {translate(locale, "app.footer.api")}
              </a>
            </p>
          </footer>
        </LocaleProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const t = useT();
  let title = t("error.internal");
  let lead = t("error.internal.lead");
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = t("error.notFound");
      lead = t("error.notFound.lead");
    } else if (error.status === 403) {
      title = error.statusText === "csrf" ? t("error.csrf") : t("error.forbidden");
      lead = "";
    } else if (error.status === 401) {
      title = t("error.unauthorized");
      lead = "";
    } else if (error.status === 503) {
      title = t("error.unavailable");
      lead = t("error.unavailable.lead");
    } else if (error.status === 413) {
      title = t("error.payloadTooLarge");
      lead = t("error.payloadTooLarge.lead");
    } else if (error.status === 429) {
      title = t("error.rateLimited");
      lead = "";
    }
  }
  return (
    <div className="flex flex-col gap-4">
      <DocumentTitle page={title} />
      <h1 className="text-std-32B-150">{title}</h1>
      {lead ? <p className="text-std-16N-170">{lead}</p> : null}
      <p>
        <Link to="/" className="text-blue-1000 underline">
          {t("error.backHome")}
        </Link>
      </p>
    </div>
  );
}
