// The top of a theme page: title and breadcrumbs, status and field badges,
// the desk's edit/publish/close actions, and the invitation to propose.
import { Form, Link } from "react-router";
import { useT } from "~/ui/i18n";
import { Button } from "~/ui/button";
import { Notice, PageHeader } from "~/ui/layout";
import type { ThemeDetail } from "../schema";

export function ThemeHeader({
  theme,
  mayPropose,
  signedIn,
}: {
  theme: ThemeDetail;
  /** The viewer may open a proposal on it. */ mayPropose: boolean;
  /** Anonymous visitors are shown the way in: sign in to propose. */
  signedIn: boolean;
}) {
  const t = useT();
  return (
    <>
      <PageHeader
        title={theme.title}
        crumbs={[
          { label: t("themes.title"), to: "/themes" },
          { label: theme.municipalityName, to: `/municipalities/${theme.localGovCode}/themes` },
          { label: theme.title },
        ]}
        lead={`${theme.municipalityName}${theme.departmentName ? `　${theme.departmentName}` : ""}`}
      />
      <p className="mb-6 flex flex-wrap gap-2 text-dns-14N-130">
        <span className="rounded-4 bg-blue-50 px-2 py-1 text-blue-1000" data-testid="theme-status">
          {t(`themes.status.${theme.status}`)}
        </span>
        {theme.fields.map((f) => (
          <span key={f} className="rounded-4 bg-solid-gray-50 px-2 py-1">
            {t.label("field", f)}
          </span>
        ))}
      </p>
      {theme.can.edit || theme.can.publish || theme.can.close ? (
        <div className="mb-8 flex flex-wrap gap-4">
          {theme.can.edit ? (
            <Link
              to={`/desk/themes/${theme.id}/edit`}
              className="inline-flex min-h-11 items-center rounded-8 border border-blue-900 px-4 text-std-16B-170 text-blue-900 underline"
            >
              {t("themes.edit")}
            </Link>
          ) : null}
          {theme.can.publish ? (
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <Button>{t("themes.publish")}</Button>
            </Form>
          ) : null}
          {theme.can.close ? (
            <Form method="post">
              <input type="hidden" name="intent" value="close" />
              <Button variant="secondary">{t("themes.close")}</Button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {theme.status === "published" && !signedIn ? (
        <Notice>
          <Link
            to={`/login?next=${encodeURIComponent(`/proposals/new?theme=${theme.id}`)}`}
            className="text-std-16B-170 text-blue-1000 underline"
          >
            {t("themes.signInToPropose")}
          </Link>
        </Notice>
      ) : null}
      {theme.status === "published" && mayPropose ? (
        <Notice>
          <Link to={`/proposals/new?theme=${theme.id}`} className="text-std-16B-170 text-blue-1000 underline">
            {t("themes.propose")}
          </Link>
        </Notice>
      ) : null}
    </>
  );
}
