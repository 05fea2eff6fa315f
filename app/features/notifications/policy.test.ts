import { describe, expect, it } from "vitest";
import { roles } from "~/lib/roles";
import { canReadOutbox } from "./policy";

describe("notifications policy", () => {
  it.each(roles.map((role) => ({ role, reads: role === "platform_admin" })))("$role reads the mail outbox: $reads", ({ role, reads }) => {
    expect(canReadOutbox({ role })).toBe(reads);
  });
});
