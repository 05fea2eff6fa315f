// The pieces every role's home is made of: the counts of what needs attention
// (each a link to the list it counts) and short sections that end in a link
// to the whole list. The features fill them (features/<name>/components/*-at-home.tsx).
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useFormat } from "./format";
import { useT } from "./i18n";

export interface AttentionCount {
  label: string;
  count: number;
  to: string;
  /** "alert" when a non-zero count is overdue work. */
  tone?: "alert";
}

/** "What needs attention": big numbers that open the filtered list. */
export function AttentionCounts({ title, counts }: { title: string; counts: AttentionCount[] }) {
  const format = useFormat();
  if (counts.length === 0) return null;
  return (
    <section aria-labelledby="attention-heading" className="mb-10">
      <h2 id="attention-heading" className="mb-4 text-std-24B-150 text-solid-gray-900">
        {title}
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {counts.map((c) => (
          <li key={c.to + c.label}>
            <Link
              to={c.to}
              data-testid="attention-count"
              className={`flex h-full flex-col gap-1 rounded-8 border-2 p-3 text-blue-1000 hover:bg-blue-50 ${
                c.tone === "alert" && c.count > 0 ? "border-error-1" : "border-solid-gray-300"
              }`}
            >
              <span className={`text-std-32B-150 ${c.tone === "alert" && c.count > 0 ? "text-error-1" : "text-solid-gray-900"}`}>
                {format.number(c.count)}
              </span>
              <span className="text-dns-16N-130 underline">{c.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A home section: a heading, a few rows (or what to say when there are none), and the way to all of them. */
export function HomeSection({
  id,
  title,
  empty,
  more,
  children,
}: {
  id: string;
  title: string;
  /** Said instead of the rows when there are none. */
  empty: string;
  /** The whole list, with how many it holds. */
  more?: { to: string; total: number; shown: number };
  children: ReactNode[] | null;
}) {
  const t = useT();
  const format = useFormat();
  const rows = (children ?? []).filter(Boolean);
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="mb-10 flex scroll-mt-4 flex-col gap-3">
      <h2 id={`${id}-heading`} className="text-std-24B-150 text-solid-gray-900">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="text-std-16N-170 text-solid-gray-700">{empty}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-solid-gray-200 border-y border-solid-gray-200">{rows}</ul>
      )}
      {more && more.total > more.shown ? (
        <p>
          <Link to={more.to} className="text-blue-1000 underline">
            {t("home.more", { count: format.number(more.total) })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** One row of a home section: what it is (a link), then a line of detail. */
export function HomeRow({ to, title, detail, badge }: { to: string; title: string; detail?: ReactNode; badge?: ReactNode }) {
  return (
    <li className="flex flex-col gap-1 py-3">
      <span className="flex flex-wrap items-baseline gap-2">
        <Link to={to} className="text-std-16B-170 text-blue-1000 underline">
          {title}
        </Link>
        {badge}
      </span>
      {detail ? <span className="text-dns-16N-130 text-solid-gray-800">{detail}</span> : null}
    </li>
  );
}

/** A short tag beside a row's title ("回答待ち 12日"); "alert" for what is late. */
export function Tag({ children, tone }: { children: ReactNode; tone?: "alert" }) {
  return (
    <span
      className={`rounded-4 px-2 text-dns-14N-130 ${tone === "alert" ? "bg-error-1 text-white" : "border border-solid-gray-600 text-solid-gray-800"}`}
    >
      {children}
    </span>
  );
}
