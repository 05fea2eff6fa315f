import { describe, expect, it } from "vitest";
import { safeRedirectPath, sameOriginReferer } from "./safe-redirect";

const here = "http://localhost:3000/login";

describe("safeRedirectPath", () => {
  it.each([
    ["/%09/evil.example", "a tab after decoding once more is still a path here", "/%09/evil.example"],
    ["/proposals/1?tab=files#messages", "an ordinary path with query and fragment", "/proposals/1?tab=files#messages"],
    ["/themes?q=交通", "non-Latin-1 is percent-encoded for the Location header", "/themes?q=%E4%BA%A4%E9%80%9A"],
    ["/themes/交通", "non-ASCII path", "/themes/%E4%BA%A4%E9%80%9A"],
    ["/%2F%2Fevil", "encoded slashes stay encoded (a path on our site)", "/%2F%2Fevil"],
  ])("keeps %j (%s)", (target, _why, expected) => {
    expect(safeRedirectPath(target, here)).toBe(expected);
  });

  it.each([
    ["/\t/evil.example", "a tab: browsers drop it and see //evil.example"],
    ["/\t/evil", "same, shorter"],
    ["/\n/evil", "a newline"],
    ["/\r\n/evil", "CR LF (header splitting)"],
    ["/\u0000/evil", "NUL"],
    ["/\\evil.example", "a backslash is a slash to browsers"],
    ["\\\\evil.example", "two backslashes"],
    ["//evil.example", "a network-path reference"],
    ["///evil.example", "three slashes"],
    ["/.//evil.example", "a dot segment that leaves //evil.example"],
    ["/%2e%2e//evil.example", "an encoded dot segment"],
    ["/a/../..//evil.example", "climbing above the root"],
    ["https://evil.example", "an absolute URL elsewhere"],
    ["http://localhost:3000/ok", "even our own absolute URL: only paths are accepted"],
    ["javascript:alert(1)", "a script URL"],
    ["%2F%2Fevil", "not a path"],
    ["evil.example", "a relative reference"],
    ["", "empty"],
    [`/${"a".repeat(3000)}`, "too long"],
    [null, "missing"],
    [["/a"], "not a string"],
  ] as [unknown, string][])("refuses %j (%s)", (target) => {
    expect(safeRedirectPath(target, here)).toBe("/");
  });

  it("answers the given fallback", () => {
    expect(safeRedirectPath("//evil.example", here, "/home")).toBe("/home");
  });

  it("never answers anything but one ASCII path", () => {
    for (const target of ["/themes?q=交通", "/a b", "/ü#ö", "/\u3000/x", "/\u202e/x"]) {
      const path = safeRedirectPath(target, here);
      expect(path).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
      expect(() => new Headers({ location: path })).not.toThrow();
    }
  });
});

describe("sameOriginReferer", () => {
  const post = (referer?: string) =>
    new Request("http://localhost:3000/locale", { method: "POST", headers: referer === undefined ? {} : { referer } });

  it.each([
    ["http://localhost:3000/themes?q=1", "/themes?q=1"],
    ["http://localhost:3000/themes?q=%E4%BA%A4%E9%80%9A#top", "/themes?q=%E4%BA%A4%E9%80%9A"],
    ["http://localhost:3000//evil.example/x", "/"],
    ["http://localhost:3000/.//evil.example/x", "/"],
    ["https://evil.example/x", "/"],
    ["http://localhost:3001/x", "/"],
    ["not a url", "/"],
    ["", "/"],
  ])("%j → %j", (referer, expected) => {
    expect(sameOriginReferer(post(referer))).toBe(expected);
  });

  it("falls back without a Referer", () => {
    expect(sameOriginReferer(post())).toBe("/");
  });
});
