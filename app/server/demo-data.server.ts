// Demo data for the embedded start and `npm run db:seed`. Each feature seeds
// its own part; later features add theirs here, in dependency order.
import type { Auth } from "~/lib/auth/auth.server";
import type { Db } from "~/lib/db/client.server";
import { seedDemoIdentities } from "~/features/identity/demo.server";

export async function seedDemoData(deps: { db: Db; auth: Auth; baseUrl: string }): Promise<boolean> {
  const identities = await seedDemoIdentities(deps.db, deps.auth);
  return identities !== null;
}
