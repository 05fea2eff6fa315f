import { describe, expect, it } from "vitest";
import { isCrossSiteFormPost } from "./context.server";

const post = (headers: Record<string, string>, path = "/settings") =>
  new Request(`http://localhost:3000${path}`, { method: "POST", headers });

describe("CSRF origin check", () => {
  it("accepts same-origin form posts", () => {
    expect(isCrossSiteFormPost(post({ origin: "http://localhost:3000" }))).toBe(false);
    expect(isCrossSiteFormPost(post({ "sec-fetch-site": "same-origin" }))).toBe(false);
  });

  it("rejects posts from another origin or a cross-site context", () => {
    expect(isCrossSiteFormPost(post({ origin: "http://evil.example" }))).toBe(true);
    expect(isCrossSiteFormPost(post({ origin: "null" }))).toBe(true);
    expect(isCrossSiteFormPost(post({ "sec-fetch-site": "cross-site" }))).toBe(true);
  });

  it("leaves reads and the bearer-token API alone", () => {
    expect(isCrossSiteFormPost(new Request("http://localhost:3000/settings", { headers: { origin: "http://evil.example" } }))).toBe(false);
    expect(isCrossSiteFormPost(post({ origin: "http://evil.example" }, "/api/v1/tokens"))).toBe(false);
  });
});
