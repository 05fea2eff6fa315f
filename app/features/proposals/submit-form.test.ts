import { describe, expect, it } from "vitest";
import { validatePayload } from "~/lib/form-payload";
import { proposalSubmitFormInput } from "./schema";

const complete = {
  title: "歩いて楽しい商店街",
  summary: "概要",
  plan: "計画",
  benefitCitizens: "市民",
  benefitPartner: "自社",
  benefitMunicipality: "自治体",
  fields: ["community"],
  method: "undecided",
  contactName: "山田",
  contactEmail: "yamada@example.jp",
};

describe("the proposal form's check before submitting", () => {
  it("asks for the municipality of a new free proposal", () => {
    const shown = () => true;
    expect(validatePayload(proposalSubmitFormInput, complete, "ja", shown)).toEqual({
      error: { municipalityCode: ["入力してください。"] },
    });
    expect(validatePayload(proposalSubmitFormInput, { ...complete, municipalityCode: "272094" }, "ja", shown)).toHaveProperty("value");
  });

  it("leaves the target alone when the form does not show it (a theme proposal, a saved draft)", () => {
    const shown = (name: string) => name !== "municipalityCode";
    expect(validatePayload(proposalSubmitFormInput, complete, "ja", shown)).toHaveProperty("value");
  });
});
