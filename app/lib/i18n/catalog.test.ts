import { describe, expect, it } from "vitest";
import { messageModules, messages } from "./messages";
import { isMessageKey, translate, translateLabel, translator } from "./index";
import { policyFieldCodes } from "../policy-fields";
import { organizationKinds, roles } from "../roles";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const modules = Object.entries(messageModules);

describe("message catalogs", () => {
  it("give every key a Japanese and an English text with the same placeholders", () => {
    for (const [key, message] of Object.entries(messages)) {
      expect(message.ja, key).not.toBe("");
      expect(message.en, key).not.toBe("");
      expect(placeholders(message.en), key).toEqual(placeholders(message.ja));
    }
  });

  it("keep each key in the module that owns its prefix, and each prefix in one module", () => {
    const owner = new Map<string, string>();
    for (const [name, module] of modules) {
      for (const prefix of module.prefixes) {
        expect(owner.get(prefix), `${prefix} is claimed by ${owner.get(prefix)} and ${name}`).toBeUndefined();
        owner.set(prefix, name);
      }
    }
    for (const [name, module] of modules) {
      for (const key of Object.keys(module.messages)) expect(owner.get(key.split(".")[0]!), key).toBe(name);
    }
  });

  it("define each key once", () => {
    const total = modules.reduce((sum, [, module]) => sum + Object.keys(module.messages).length, 0);
    expect(Object.keys(messages)).toHaveLength(total);
  });

  it("label every role, organisation kind and policy field", () => {
    for (const role of roles) expect(isMessageKey(`role.${role}`), role).toBe(true);
    for (const kind of organizationKinds) expect(isMessageKey(`orgKind.${kind}`), kind).toBe(true);
    for (const code of policyFieldCodes) expect(isMessageKey(`field.${code}`), code).toBe(true);
  });

  it("fills parameters and leaves unknown ones visible", () => {
    expect(translate("ja", "invite.sent", { email: "a@b.jp" })).toBe("a@b.jp に招待を送りました。");
    expect(translate("en", "validation.tooLong", {})).toContain("{max}");
  });

  it("labels a code stored as text, and shows one the catalog lacks as itself", () => {
    expect(translateLabel("ja", "field", "disaster")).toBe(translate("ja", "field.disaster"));
    expect(translator("en").label("proposals.status", "accepted")).toBe(translate("en", "proposals.status.accepted"));
    expect(translateLabel("ja", "audit.action", "someday.new")).toBe("someday.new");
  });
});
