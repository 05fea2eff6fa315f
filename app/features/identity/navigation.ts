// The header's navigation and the home page's shortcuts for the active
// membership. Pure: each entry shows when the policy of the feature it leads
// to says so, the same predicate the page's gate asks (docs/decisions/0018).
import type { MessageKey } from "~/lib/i18n";
import { canEditAgreementTemplate, takesPartInAgreements } from "~/features/agreements/policy";
import { canReadAudit } from "~/features/audit/policy";
import { canReadOutbox } from "~/features/notifications/policy";
import { canOpenRoleMatrixSettings, canPropose, proposalAudience, takesPartInProposals } from "~/features/proposals/policy";
import { canCreateTheme } from "~/features/themes/policy";
import { canListMembers, canManageOrganizations } from "./policy";
import type { MembershipView } from "./schema";

export type Membership = Pick<MembershipView, "role" | "organizationKind">;

export interface NavEntry {
  to: string;
  label: MessageKey;
}

interface Visitor {
  signedIn: boolean;
  /** The active membership; null when anonymous or in no organisation. */
  membership: Membership | null;
}

type Shows = (visitor: Visitor) => boolean;
const always: Shows = () => true;
const signedIn: Shows = (v) => v.signedIn;
const inAnOrganization: Shows = (v) => v.membership !== null;
const when =
  (allowed: (m: Membership) => boolean): Shows =>
  (v) =>
    v.membership !== null && allowed(v.membership);

const navigation: (NavEntry & { shows: Shows })[] = [
  { to: "/", label: "nav.home", shows: always },
  { to: "/themes", label: "nav.themes", shows: always },
  { to: "/desk/themes", label: "nav.deskThemes", shows: when(canCreateTheme) },
  { to: "/proposals", label: "nav.proposals", shows: when(takesPartInProposals) },
  { to: "/agreements", label: "nav.agreements", shows: when(takesPartInAgreements) },
  { to: "/desk/agreement-template", label: "nav.agreementTemplate", shows: when(canEditAgreementTemplate) },
  { to: "/desk/role-matrix", label: "nav.roleMatrix", shows: when(canOpenRoleMatrixSettings) },
  { to: "/municipalities", label: "nav.municipalities", shows: always },
  { to: "/org", label: "nav.organization", shows: inAnOrganization },
  { to: "/org/members", label: "nav.members", shows: when(canListMembers) },
  { to: "/notifications", label: "nav.notifications", shows: signedIn },
  { to: "/audit", label: "nav.audit", shows: when(canReadAudit) },
  { to: "/admin/organizations", label: "nav.organizations", shows: when(canManageOrganizations) },
  { to: "/admin/outbox", label: "nav.outbox", shows: when(canReadOutbox) },
  { to: "/follows", label: "nav.follows", shows: inAnOrganization },
  { to: "/settings", label: "nav.settings", shows: signedIn },
];

/** The header's links, in order. */
export function navigationFor(visitor: Visitor): NavEntry[] {
  return navigation.filter((entry) => entry.shows(visitor)).map(({ to, label }) => ({ to, label }));
}

const shortcuts: (NavEntry & { shows: (m: Membership) => boolean })[] = [
  { to: "/proposals", label: "home.quick.inbox", shows: (m) => proposalAudience(m) === "desk" },
  { to: "/desk/themes", label: "home.quick.deskThemes", shows: canCreateTheme },
  { to: "/proposals", label: "home.quick.shared", shows: (m) => proposalAudience(m) === "department" },
  { to: "/proposals/new", label: "home.quick.newProposal", shows: canPropose },
  { to: "/proposals", label: "home.quick.myProposals", shows: (m) => proposalAudience(m) === "proposer" },
  { to: "/themes", label: "home.quick.themes", shows: () => true },
  { to: "/org", label: "home.quick.org", shows: () => true },
  { to: "/org/members", label: "home.quick.members", shows: canListMembers },
  { to: "/audit", label: "home.quick.audit", shows: canReadAudit },
  { to: "/admin/organizations", label: "home.quick.organizations", shows: canManageOrganizations },
  { to: "/admin/outbox", label: "home.quick.outbox", shows: canReadOutbox },
  { to: "/municipalities", label: "home.quick.directory", shows: () => true },
  { to: "/settings", label: "home.quick.settings", shows: () => true },
];

/** The home page's shortcuts for the active membership; later features add theirs here. */
export function shortcutsFor(membership: Membership): NavEntry[] {
  return shortcuts.filter((entry) => entry.shows(membership)).map(({ to, label }) => ({ to, label }));
}
