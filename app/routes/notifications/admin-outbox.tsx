import type { Route } from "./+types/admin-outbox";
import { useT } from "~/ui/i18n";
import { PageHeader } from "~/ui/layout";
import { guard, requirePageScope } from "~/server/context.server";
import { listOutbox } from "~/features/notifications/data.server";
import { canReadOutbox } from "~/features/notifications/policy";
import { OutboxByRecipient } from "~/features/notifications/components/outbox-by-recipient";

export async function loader(args: Route.LoaderArgs) {
  const { ctx } = await requirePageScope(args, canReadOutbox);
  return { items: await guard(() => listOutbox(ctx)) };
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <PageHeader title={t("outbox.title")} crumbs={[{ label: t("outbox.title") }]} lead={t("outbox.lead")} />
      {loaderData.items.length === 0 ? <p>{t("outbox.empty")}</p> : <OutboxByRecipient items={loaderData.items} />}
    </>
  );
}
