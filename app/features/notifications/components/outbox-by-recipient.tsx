// The outbox as the platform admin reads it: one section per recipient (newest
// first), each mail folded under its subject, so a burst to one person reads as
// one entry rather than a screenful.
import { useT } from "~/ui/i18n";
import { useFormat } from "~/ui/format";
import type { OutboxItem } from "../schema";

export function OutboxByRecipient({ items }: { items: OutboxItem[] }) {
  const t = useT();
  const format = useFormat();
  const byRecipient = new Map<string, OutboxItem[]>();
  for (const mail of items) byRecipient.set(mail.toAddress, [...(byRecipient.get(mail.toAddress) ?? []), mail]);
  return (
    <ul className="flex flex-col gap-4" data-testid="outbox">
      {[...byRecipient.entries()].map(([to, mails]) => (
        <li key={to} className="rounded-8 border border-solid-gray-200 p-4">
          <h2 className="text-std-17B-170">{t("outbox.recipient", { to, count: mails.length })}</h2>
          <ul className="mt-2 flex flex-col gap-2">
            {mails.map((m) => (
              <li key={m.id}>
                <details>
                  <summary className="cursor-pointer text-std-16N-170">
                    {m.subject}（{t(`outbox.status.${m.status}`)}・{format.dateTime(m.createdAt)}）
                  </summary>
                  <pre className="mt-2 whitespace-pre-wrap text-std-16N-170">{m.bodyText}</pre>
                </details>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
