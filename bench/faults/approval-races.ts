// Approval races measured against the command layer (issue 17, item 4), on
// PGlite and on PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) answers:
//
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/faults/approval-races.ts [rounds]
//
// Each round is a fresh agreement in approval and two desk members acting on
// it at once. A round is correct when exactly one of two competing calls wins
// (the other gets 409), the audit log has one entry per winning call, and the
// agreement is never signed with a step that is not approved.
import { testDrivers } from "~/test/database";
import { startTestApp } from "~/test/harness";
import {
  oneWinnerOneConflict,
  raceDesk,
  signedWithUnapprovedStep,
  signWhileLastStepDecided,
  signWhileReturning,
  twoDecidersOneStep,
  twoSigners,
  type RaceDesk,
  type RoundResult,
} from "~/test/approval-races";

const rounds = Number(process.argv[2] ?? 10);

const scenarios: { name: string; run: (desk: RaceDesk) => Promise<RoundResult>; exclusive: boolean }[] = [
  { name: "two approvers decide one step (approve vs return)", run: twoDecidersOneStep, exclusive: true },
  { name: "sign while the last (approved) step is returned", run: signWhileReturning, exclusive: true },
  { name: "sign while the last pending step is approved", run: (d) => signWhileLastStepDecided(d, "approved"), exclusive: false },
  { name: "sign while the last pending step is returned", run: (d) => signWhileLastStepDecided(d, "returned"), exclusive: false },
  { name: "two people sign at once", run: twoSigners, exclusive: true },
];

for (const kind of await testDrivers()) {
  const app = await startTestApp(kind);
  const desk = await raceDesk(app.runtime);
  console.log(`\n## ${kind}, ${rounds} rounds each`);
  for (const scenario of scenarios) {
    let correct = 0;
    let signedBadly = 0;
    let auditMismatch = 0;
    const outcomes = new Map<string, number>();
    for (let i = 0; i < rounds; i++) {
      const r = await scenario.run(desk);
      const wins = r.outcomes.filter((o) => o === "ok").length;
      const key = r.outcomes.join("+");
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      if (signedWithUnapprovedStep(r)) signedBadly++;
      if (r.auditEntries !== wins) auditMismatch++;
      if ((!scenario.exclusive || oneWinnerOneConflict(r)) && !signedWithUnapprovedStep(r) && r.auditEntries === wins) correct++;
    }
    const seen = [...outcomes].map(([k, n]) => `${k} ×${n}`).join(", ");
    console.log(
      `- ${scenario.name}: ${correct}/${rounds} correct; outcomes ${seen}; signed with a non-approved step ${signedBadly}; audit ≠ winners ${auditMismatch}`,
    );
  }
  await app.close();
}
