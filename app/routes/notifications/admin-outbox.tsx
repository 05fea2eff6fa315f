import type { Route } from "./+types/admin-outbox";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { useFormat } from "~/ui/format";
import { guard, requirePageScope } from "~/server/context.server";
import { listOutbox } from "~/features/notifications/data.server";
import { canReadOutbox } from "~/features/notifications/policy";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, canReadOutbox);
  return { items: await guard(() => listOutbox(ctx)) };
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <PageHeader title={t("outbox.title")} crumbs={[{ label: t("outbox.title") }]} lead={t("outbox.lead")} />
      {loaderData.items.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {loaderData.items.map((m) => (
            <li key={m.id} className="rounded-8 border border-solid-gray-200 p-4">
              <details>
                <summary className="cursor-pointer text-std-16B-170">
                  {m.subject} — {m.toAddress}（{t(`outbox.status.${m.status}`)}・{format.dateTime(m.createdAt)}）
                </summary>
                <pre className="mt-2 whitespace-pre-wrap text-std-16N-170">{m.bodyText}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
