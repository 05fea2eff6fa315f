import { describe, expect, it } from "vitest";
import { readCookie, serializeCookie } from "./cookies";

const request = (cookie?: string) => new Request("http://localhost/", { headers: cookie === undefined ? {} : { cookie } });

describe("cookies", () => {
  it("reads one cookie among others, decoded", () => {
    expect(readCookie(request("a=1; renkei_org=m%201; lang=en"), "renkei_org")).toBe("m 1");
    expect(readCookie(request("a=1"), "lang")).toBeNull();
    expect(readCookie(request(), "lang")).toBeNull();
  });

  it("keeps a value that does not decode instead of throwing", () => {
    expect(readCookie(request("renkei_org=%E0%A4%A"), "renkei_org")).toBe("%E0%A4%A");
  });

  it("writes site-wide, Lax, HttpOnly cookies, Secure on https", () => {
    expect(serializeCookie("lang", "en", { maxAge: 60, secure: false })).toBe("lang=en; Max-Age=60; Path=/; HttpOnly; SameSite=Lax");
    expect(serializeCookie("lang", "", { maxAge: 0, httpOnly: false, secure: true })).toBe(
      "lang=; Max-Age=0; Path=/; Secure; SameSite=Lax",
    );
  });
});
