// Demo data for the embedded start and `npm run db:seed`. Each feature seeds
// its own part; later features add theirs here, in dependency order.
import type { Auth } from "~/lib/auth/auth.server";
import type { Db } from "~/lib/db/client.server";
import { demoMunicipalities, seedDemoIdentities } from "~/features/identity/demo.server";
import { seedDemoThemes } from "~/features/themes/demo.server";

export async function seedDemoData(deps: { db: Db; auth: Auth; baseUrl: string }): Promise<boolean> {
  const identities = await seedDemoIdentities(deps.db, deps.auth);
  if (!identities) return false;
  await seedDemoThemes(deps.db, identities, demoMunicipalities);
  return true;
}
