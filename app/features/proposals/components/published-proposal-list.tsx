// Proposals both sides agreed to publish, with their public summary.
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import type { PublishedProposal } from "../schema";

export function PublishedProposalList({ published }: { published: PublishedProposal[] }) {
  const t = useT();
  const format = useFormat();
  if (!(published.length > 0)) return null;
  return (
    <section className="mt-10 flex flex-col gap-4">
      <h2 className="text-std-24B-150">{t("proposals.published.title")}</h2>
      <ul className="flex flex-col gap-4">
        {published.map((p) => (
          <li key={p.id} className="rounded-8 border border-solid-gray-300 p-4">
            <h3 className="text-std-17B-170">{p.title}</h3>
            <p className="text-dns-14N-130 text-solid-gray-700">
              {p.proposerName}／{format.list(p.fields.map((f) => t.label("field", f)))}
            </p>
            <p className="mt-2 whitespace-pre-wrap">{p.publicSummary}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
