// Who can act for an organisation in generated rows: the desk people of each
// public body and the members of each partner, by primary membership.
import { required, type GeneratorContext } from "./types";

export interface Staff {
  /** Public body (organisation index) → person indices of its desk (admins and staff). */
  desk: Map<number, number[]>;
  /** Partner (organisation index) → person indices of its members and coordinators. */
  members: Map<number, number[]>;
}

const cache = new WeakMap<object, Staff>();

export function staffOf(ctx: GeneratorContext): Staff {
  const people = required(ctx.people, "people");
  const cached = cache.get(people);
  if (cached) return cached;
  const staff: Staff = { desk: new Map(), members: new Map() };
  for (let person = 0; person < people.ids.length; person++) {
    const role = people.primaryRole[person];
    const org = people.primaryOrganization[person]!;
    const map =
      role === "desk_admin" || role === "desk_staff" ? staff.desk : role === "member" || role === "coordinator" ? staff.members : null;
    if (!map) continue;
    const list = map.get(org);
    if (list) list.push(person);
    else map.set(org, [person]);
  }
  cache.set(people, staff);
  return staff;
}
