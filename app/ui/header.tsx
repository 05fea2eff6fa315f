// The site header. On a wide screen: the name, the organisation switcher,
// language and sign-out on one line; below, the day's work and where to look
// things up as links, and the settings in a "管理・設定" menu. On a phone
// (below 768 px) everything folds into one "メニュー": the header stays two
// lines tall instead of filling the screen (issue 20). The menus are
// <details>, so they open without JavaScript; with it, following a link or
// clicking elsewhere closes them.
import { useEffect, type ReactNode } from "react";
import { Form, Link, NavLink } from "react-router";
import type { MessageKey } from "~/lib/i18n";
import { Button } from "./button";
import { useT } from "./i18n";

export interface HeaderGroup {
  group: "work" | "find" | "manage";
  entries: { to: string; label: string }[];
}

export interface HeaderProps {
  groups: HeaderGroup[];
  signedIn: boolean;
  locale: "ja" | "en";
  memberships: { membershipId: string; organizationName: string; role: string }[];
  activeMembershipId: string | null;
}

const groupLabel: Record<HeaderGroup["group"], MessageKey> = {
  work: "nav.group.work",
  find: "nav.group.find",
  manage: "nav.group.manage",
};

/** Closes an open header menu when the person clicks or tabs outside it, or presses Escape. */
function useMenusCloseOutside() {
  useEffect(() => {
    const closeOthers = (target: EventTarget | null) => {
      for (const menu of document.querySelectorAll<HTMLDetailsElement>("details[data-menu][open]")) {
        if (!(target instanceof Node) || !menu.contains(target)) menu.open = false;
      }
    };
    const onPointer = (e: Event) => closeOthers(e.target);
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      const open = document.querySelector<HTMLDetailsElement>("details[data-menu][open]");
      if (!open) return;
      open.open = false;
      open.querySelector("summary")?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("focusin", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("focusin", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, []);
}

/** Following a link inside a menu closes it (client-side navigation keeps the header). */
const closeMenu = (e: React.MouseEvent<HTMLElement>) => {
  const menu = e.currentTarget.closest("details");
  if (menu) menu.open = false;
};

function NavItem({ to, label, tone }: { to: string; label: string; tone: "bar" | "menu" }) {
  return (
    <NavLink
      to={to}
      end
      onClick={closeMenu}
      className={({ isActive }) =>
        tone === "bar"
          ? `block px-3 py-2 text-std-16N-170 text-white underline-offset-4 hover:underline ${isActive ? "font-bold underline" : ""}`
          : `block px-4 py-3 text-std-16N-170 text-blue-1000 underline hover:bg-blue-50 ${isActive ? "font-bold" : ""}`
      }
    >
      {label}
    </NavLink>
  );
}

function OrganizationSwitcher({ memberships, activeMembershipId }: Pick<HeaderProps, "memberships" | "activeMembershipId">) {
  const id = "org-switcher";
  const t = useT();
  return (
    <Form method="post" action="/org/switch" className="flex flex-wrap items-center gap-x-2 gap-y-1 md:flex-nowrap">
      <label htmlFor={id} className="w-full text-dns-14N-130 md:w-auto md:shrink-0">
        {t("nav.orgSwitcher")}
      </label>
      <select
        id={id}
        name="membershipId"
        defaultValue={activeMembershipId ?? undefined}
        className="min-h-9 min-w-0 flex-1 rounded-8 border border-solid-gray-600 px-2 py-1 text-dns-16N-130 md:max-w-xs md:flex-none"
      >
        {memberships.map((m) => (
          <option key={m.membershipId} value={m.membershipId}>
            {m.organizationName}（{t(`role.${m.role}` as MessageKey)}）
          </option>
        ))}
      </select>
      <Button variant="secondary" className="min-h-9 px-3 py-1">
        {t("nav.orgSwitcher.submit")}
      </Button>
    </Form>
  );
}

function AccountActions({ signedIn, locale }: Pick<HeaderProps, "signedIn" | "locale">) {
  const t = useT();
  const other = locale === "en" ? "ja" : "en";
  return (
    <>
      <Form method="post" action="/locale">
        <input type="hidden" name="locale" value={other} />
        <Button variant="tertiary" lang={other}>
          {t("app.language.switch")}
        </Button>
      </Form>
      {signedIn ? (
        <Form method="post" action="/logout">
          <Button variant="secondary" className="min-h-9 px-3 py-1">
            {t("nav.logout")}
          </Button>
        </Form>
      ) : (
        <Link to="/login" className="text-std-16B-170 text-blue-1000 underline">
          {t("nav.login")}
        </Link>
      )}
    </>
  );
}

function MenuSummary({ children, tone }: { children: ReactNode; tone: "bar" | "top" }) {
  return (
    <summary
      className={
        tone === "bar"
          ? "flex cursor-pointer list-none items-center gap-1 px-3 py-2 text-std-16N-170 text-white underline-offset-4 hover:underline [&::-webkit-details-marker]:hidden"
          : "flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-8 border border-blue-900 px-3 text-std-16B-170 text-blue-900 [&::-webkit-details-marker]:hidden"
      }
    >
      {children}
      <span aria-hidden="true">▾</span>
    </summary>
  );
}

export function SiteHeader({ groups, signedIn, locale, memberships, activeMembershipId }: HeaderProps) {
  const t = useT();
  useMenusCloseOutside();
  const inline = groups.filter((g) => g.group !== "manage").flatMap((g) => g.entries);
  const manage = groups.find((g) => g.group === "manage");
  // Only someone in two or more organisations has anything to switch.
  const switcher = signedIn && memberships.length > 1;
  return (
    <header className="border-b border-solid-gray-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("app.skipToContent")}
      </a>
      <div className="relative mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <Link to="/" className="order-1 flex min-w-0 items-baseline gap-2 text-solid-gray-900 no-underline">
          <span className="text-std-24B-150">{t("app.name")}</span>
          <span className="hidden text-dns-14N-130 text-solid-gray-700 sm:inline">{t("app.tagline")}</span>
        </Link>
        {/* One switcher for every width: on a phone it takes the header's second line. */}
        {switcher ? (
          <div className="order-3 w-full md:order-2 md:ml-auto md:w-auto">
            <OrganizationSwitcher memberships={memberships} activeMembershipId={activeMembershipId} />
          </div>
        ) : null}
        <div className="order-3 hidden items-center gap-3 md:flex">
          <AccountActions signedIn={signedIn} locale={locale} />
        </div>
        {/* The phone's one menu: the sections with their headings, then language and sign-out. */}
        <details data-menu className="order-2 md:hidden">
          <MenuSummary tone="top">{t("nav.menu")}</MenuSummary>
          <div className="absolute left-0 right-0 top-full z-20 max-h-[80vh] overflow-y-auto border-y border-solid-gray-300 bg-white shadow-lg">
            <nav aria-label={t("nav.main")}>
              {groups.map((g) => (
                <section key={g.group} aria-labelledby={`menu-${g.group}`} className="border-b border-solid-gray-200 py-2">
                  <h2 id={`menu-${g.group}`} className="px-4 pt-2 text-dns-14N-130 font-bold text-solid-gray-700">
                    {t(groupLabel[g.group])}
                  </h2>
                  <ul>
                    {g.entries.map((e) => (
                      <li key={e.to}>
                        <NavItem to={e.to} label={e.label} tone="menu" />
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </nav>
            <div className="flex items-center gap-3 p-4">
              <AccountActions signedIn={signedIn} locale={locale} />
            </div>
          </div>
        </details>
      </div>
      <nav aria-label={t("nav.main")} className="hidden bg-blue-1000 md:block">
        <ul className="mx-auto flex max-w-6xl flex-wrap items-center gap-1 px-4">
          {inline.map((e) => (
            <li key={e.to}>
              <NavItem to={e.to} label={e.label} tone="bar" />
            </li>
          ))}
          {manage ? (
            <li className="relative ml-auto">
              <details data-menu>
                <MenuSummary tone="bar">{t(groupLabel.manage)}</MenuSummary>
                <ul className="absolute right-0 z-20 mt-1 min-w-56 rounded-8 border border-solid-gray-300 bg-white py-1 shadow-lg">
                  {manage.entries.map((e) => (
                    <li key={e.to}>
                      <NavItem to={e.to} label={e.label} tone="menu" />
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ) : null}
        </ul>
      </nav>
    </header>
  );
}
