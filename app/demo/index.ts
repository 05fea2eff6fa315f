// The demo data set for the embedded start and `npm run db:seed`, kept out of
// the features' code: one module per feature, run here in dependency order,
// each seed feeding the next (identities → themes → proposals → agreements →
// meetings, results). The seeds write the features' rows directly (fixed histories no
// command could produce today), so only the composition root calls this and
// routes may not import it (eslint.config.js, docs/decisions/0025).
import type { Auth } from "~/lib/auth/auth.server";
import type { Db } from "~/lib/db/client.server";
import { demoMunicipalities, seedDemoIdentities } from "./identity";
import { seedDemoThemes } from "./themes";
import { seedDemoProposals } from "./proposals";
import { seedDemoAgreements } from "./agreements";
import { seedDemoMeetings } from "./meetings";
import { seedDemoResults } from "./results";
import { recomputeHealth } from "~/features/results/health/compute.internal.server";

/** Seeds the demo once: false when its organisations are already there. */
export async function seedDemoData(deps: { db: Db; auth: Auth; baseUrl: string }): Promise<boolean> {
  const identities = await seedDemoIdentities(deps.db, deps.auth);
  if (!identities) return false;
  const themeIds = await seedDemoThemes(deps.db, identities, demoMunicipalities);
  await seedDemoProposals(deps.db, identities, themeIds, demoMunicipalities);
  const agreements = await seedDemoAgreements(deps.db, identities, demoMunicipalities);
  await seedDemoMeetings(deps.db, identities, agreements.comprehensive);
  await seedDemoResults(deps.db, identities, agreements.comprehensive);
  // Scored now, not at the next morning's run: the desk's home opens with them.
  await recomputeHealth(deps.db);
  return true;
}
