import { describe, expect, it } from "vitest";
import { ja } from "./ja";
import { en } from "./en";
import { translate } from "./index";
import { policyFieldCodes } from "../policy-fields";
import { organizationKinds, roles } from "../roles";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  it("use the same placeholders in Japanese and English", () => {
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(ja[key]));
    }
  });

  it("label every role, organisation kind and policy field", () => {
    for (const role of roles) expect(translate("ja", `role.${role}`)).not.toBe(`role.${role}`);
    for (const kind of organizationKinds) expect(translate("ja", `orgKind.${kind}`)).not.toBe(`orgKind.${kind}`);
    for (const code of policyFieldCodes) expect(translate("ja", `field.${code}`)).not.toBe(`field.${code}`);
  });

  it("fills parameters and leaves unknown ones visible", () => {
    expect(translate("ja", "invite.sent", { email: "a@b.jp" })).toBe("a@b.jp に招待を送りました。");
    expect(translate("en", "validation.tooLong", {})).toContain("{max}");
  });
});
