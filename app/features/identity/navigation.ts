// The header's navigation and the home page's shortcuts for the active
// membership. Pure: each entry shows when the policy of the feature it leads
// to says so, the same predicate the page's gate asks (docs/decisions/0018).
import type { MessageKey } from "~/lib/i18n";
import { canEditAgreementTemplate, looksUpThePublicRegister, takesPartInAgreements } from "~/features/agreements/policy";
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

/**
 * The sections of the header a desk officer recognises: the day's work, where
 * to look things up, and the settings and administration (issue 20).
 */
export const navigationGroups = ["work", "find", "manage"] as const;
export type NavigationGroup = (typeof navigationGroups)[number];

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

const navigation: (NavEntry & { group: NavigationGroup; shows: Shows })[] = [
  { to: "/", label: "nav.home", group: "work", shows: always },
  { to: "/proposals", label: "nav.proposals", group: "work", shows: when(takesPartInProposals) },
  { to: "/agreements", label: "nav.agreements", group: "work", shows: when(takesPartInAgreements) },
  { to: "/desk/themes", label: "nav.deskThemes", group: "work", shows: when(canCreateTheme) },
  { to: "/notifications", label: "nav.notifications", group: "work", shows: signedIn },
  { to: "/themes", label: "nav.themes", group: "find", shows: always },
  { to: "/municipalities", label: "nav.municipalities", group: "find", shows: always },
  {
    to: "/agreements/public",
    label: "nav.publicAgreements",
    group: "find",
    shows: (v) => !v.membership || looksUpThePublicRegister(v.membership),
  },
  { to: "/follows", label: "nav.follows", group: "find", shows: inAnOrganization },
  { to: "/desk/agreement-template", label: "nav.agreementTemplate", group: "manage", shows: when(canEditAgreementTemplate) },
  { to: "/desk/role-matrix", label: "nav.roleMatrix", group: "manage", shows: when(canOpenRoleMatrixSettings) },
  { to: "/org", label: "nav.organization", group: "manage", shows: inAnOrganization },
  { to: "/org/members", label: "nav.members", group: "manage", shows: when(canListMembers) },
  { to: "/audit", label: "nav.audit", group: "manage", shows: when(canReadAudit) },
  { to: "/admin/organizations", label: "nav.organizations", group: "manage", shows: when(canManageOrganizations) },
  { to: "/admin/outbox", label: "nav.outbox", group: "manage", shows: when(canReadOutbox) },
  { to: "/settings", label: "nav.settings", group: "manage", shows: signedIn },
];

/** The header's links, in order, each with its section. */
export function navigationFor(visitor: Visitor): (NavEntry & { group: NavigationGroup })[] {
  return navigation.filter((entry) => entry.shows(visitor)).map(({ to, label, group }) => ({ to, label, group }));
}

/** The header's sections that have links for this visitor, in order. */
export function navigationGroupsFor(visitor: Visitor): { group: NavigationGroup; entries: NavEntry[] }[] {
  const entries = navigationFor(visitor);
  return navigationGroups
    .map((group) => ({ group, entries: entries.filter((e) => e.group === group).map(({ to, label }) => ({ to, label })) }))
    .filter((g) => g.entries.length > 0);
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
