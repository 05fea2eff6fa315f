// Page-level pieces: title block with breadcrumbs, notices and simple tables.
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useT } from "./i18n";

export interface Crumb {
  label: string;
  to?: string;
}

/**
 * The page's own <title> ("提案: 〇〇 | Renkei"; WCAG 2.4.2): React hoists it into
 * the document's head, on the server and on every client-side navigation.
 */
export function DocumentTitle({ page, section }: { page: string; section?: string }) {
  const t = useT();
  return <title>{section ? t("app.documentTitle.inSection", { section, page }) : t("app.documentTitle", { page })}</title>;
}

/** The page's heading and breadcrumbs; the title names the section when the page sits inside one (its first crumb). */
export function PageHeader({ title, crumbs = [], lead }: { title: string; crumbs?: Crumb[]; lead?: ReactNode }) {
  const t = useT();
  const section = crumbs.length > 1 ? crumbs[0]!.label : undefined;
  return (
    <div className="mb-8 flex flex-col gap-4">
      <DocumentTitle page={title} section={section} />
      <nav aria-label={t("nav.breadcrumbs")}>
        <ol className="flex flex-wrap gap-2 text-dns-14N-130 text-solid-gray-700">
          <li>
            <Link to="/" className="text-blue-1000 underline">
              {t("nav.home")}
            </Link>
          </li>
          {crumbs.map((c) => (
            <li key={c.label} className="before:mr-2 before:content-['›']">
              {c.to ? (
                <Link to={c.to} className="text-blue-1000 underline">
                  {c.label}
                </Link>
              ) : (
                <span aria-current="page">{c.label}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <h1 className="text-std-32B-150 text-solid-gray-900">{title}</h1>
      {lead ? <div className="text-std-16N-170 text-solid-gray-800">{lead}</div> : null}
    </div>
  );
}

export function Notice({ kind = "info", children }: { kind?: "info" | "success" | "error"; children: ReactNode }) {
  const color = kind === "error" ? "border-error-1" : kind === "success" ? "border-success-2" : "border-blue-900";
  return (
    <div
      role={kind === "error" ? "alert" : "status"}
      className={`mb-6 rounded-8 border-l-8 ${color} bg-solid-gray-50 p-4 text-std-16N-170`}
    >
      {children}
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-10 flex flex-col gap-4">
      <h2 className="text-std-24B-150 text-solid-gray-900">{title}</h2>
      {children}
    </section>
  );
}

/**
 * A table on a wide screen; on a phone (below 640 px) each row becomes a card
 * whose cells carry their column's name, so nothing scrolls sideways (issue 20).
 * A table still wider than its space scrolls inside a focusable region.
 */
export function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <div className="sm:overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="block w-full border-collapse text-left text-std-16N-170 sm:table">
        <caption className="sr-only">{caption}</caption>
        <thead className="sr-only sm:not-sr-only sm:table-header-group">
          <tr className="border-b-2 border-solid-gray-600">
            {head.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 text-std-16B-170">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="flex flex-col gap-3 sm:table-row-group">
          {rows.map((cells, i) => (
            <tr
              key={i}
              className="block rounded-8 border border-solid-gray-300 p-3 sm:table-row sm:rounded-none sm:border-0 sm:border-b sm:border-solid-gray-200 sm:p-0"
            >
              {cells.map((cell, j) => (
                <td key={j} className="flex flex-col py-1 sm:table-cell sm:px-3 sm:py-2 sm:align-top">
                  {j > 0 ? <span className="text-dns-14N-130 text-solid-gray-700 sm:hidden">{head[j]}</span> : null}
                  <div className="min-w-0 break-words">{cell}</div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Show more" for keyset-paginated lists: keeps the current filters, adds the cursor. */
export function MoreLink({ params, cursor }: { params: Record<string, string>; cursor: string | null }) {
  const t = useT();
  if (!cursor) return null;
  const next = new URLSearchParams({ ...params, cursor });
  return (
    <p className="mt-4">
      <Link to={`?${next.toString()}`} className="text-blue-1000 underline">
        {t("audit.more")}
      </Link>
    </p>
  );
}
