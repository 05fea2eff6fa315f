// Demo data for the embedded start and `npm run db:seed`. Each feature seeds
// its own part; later features add theirs here, in dependency order.
import type { Auth } from "~/lib/auth/auth.server";
import type { Db } from "~/lib/db/client.server";
import { demoMunicipalities, seedDemoIdentities } from "~/features/identity/demo.server";
import { seedDemoThemes } from "~/features/themes/demo.server";
import { seedDemoProposals } from "~/features/proposals/demo.server";
import { seedDemoAgreements } from "~/features/agreements/demo.server";
import { seedDemoMeetings } from "~/features/meetings/demo.server";

export async function seedDemoData(deps: { db: Db; auth: Auth; baseUrl: string }): Promise<boolean> {
  const identities = await seedDemoIdentities(deps.db, deps.auth);
  if (!identities) return false;
  const themeIds = await seedDemoThemes(deps.db, identities, demoMunicipalities);
  await seedDemoProposals(deps.db, identities, themeIds, demoMunicipalities);
  const agreements = await seedDemoAgreements(deps.db, identities, demoMunicipalities);
  await seedDemoMeetings(deps.db, identities, agreements.comprehensive);
  return true;
}
