// Every page each role opens, at a desk's 1280 px and a phone's 375 px: axe
// finds no WCAG 2.2 AA violation and nothing scrolls sideways (issue 20). The
// record pages (a proposal, an agreement, a meeting, a theme, a project, a KPI, a health page)
// are the first each role's lists lead to; a record's list may be a record
// found before it (its index), as a project is found on its agreement's page.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible, login, newPage } from "./support";
import { useJourney } from "./journey";

const journey = useJourney();

/** The first link of a list page whose path starts with `prefix` (a record the role may open). */
async function firstRecord(page: Page, list: string, prefix: RegExp): Promise<string | null> {
  await page.goto(list);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.find((h) => prefix.test(h)) ?? null;
}

const ACTIVE = "/agreements?status=active";
const project = /^\/projects\/[0-9a-f-]{36}$/;
const kpi = /^\/kpis\/[0-9a-f-]{36}$/;
const health = /^\/agreements\/[0-9a-f-]{36}\/health$/;

const roles: { who: string; email: string | null; pages: string[]; records?: [list: string | number, prefix: RegExp][] }[] = [
  {
    who: "a visitor",
    email: null,
    pages: [
      "/",
      "/themes",
      "/municipalities",
      "/municipalities/172031/themes",
      "/agreements/public",
      "/login",
      "/signup",
      "/forgot-password",
    ],
    records: [["/themes", /^\/themes\/[0-9a-f-]{36}$/]],
  },
  {
    who: "the desk",
    email: "desk@demo.renkei.example",
    pages: [
      "/",
      "/proposals",
      "/proposals?show=all",
      "/agreements",
      "/agreements/new",
      "/agreements/import",
      "/desk/themes",
      "/desk/themes/new",
      "/notifications",
      "/follows",
      "/calendar",
      "/desk/agreement-template",
      "/desk/approval-chain",
      "/desk/role-matrix",
      "/org",
      "/org/members",
      "/audit",
      "/settings",
    ],
    records: [
      ["/proposals?show=all", /^\/proposals\/[0-9a-f-]{36}$/],
      ["/agreements", /^\/agreements\/[0-9a-f-]{36}$/],
      ["/", /^\/meetings\/[0-9a-f-]{36}$/],
      ["/org/members", /^\/org\/members\/[0-9a-f-]{36}$/],
      [ACTIVE, /^\/agreements\/[0-9a-f-]{36}$/],
      [4, project],
      [4, /^\/agreements\/[0-9a-f-]{36}\/projects\/new$/],
      [5, kpi],
      [5, /^\/projects\/[0-9a-f-]{36}\/kpis\/new$/],
      [4, health],
    ],
  },
  {
    who: "a department",
    email: "dept@demo.renkei.example",
    pages: ["/", "/proposals", "/agreements", "/desk/themes", "/notifications", "/org", "/settings"],
    records: [
      ["/proposals", /^\/proposals\/[0-9a-f-]{36}$/],
      [ACTIVE, /^\/agreements\/[0-9a-f-]{36}$/],
      [1, project],
      [2, kpi],
    ],
  },
  {
    who: "a company",
    email: "company@demo.renkei.example",
    pages: [
      "/",
      "/proposals",
      "/proposals/new",
      "/proposals/new?municipality=172031",
      "/agreements",
      "/agreements/public",
      "/org",
      "/org/members",
      "/settings",
    ],
    records: [
      ["/proposals", /^\/proposals\/[0-9a-f-]{36}$/],
      ["/agreements", /^\/agreements\/[0-9a-f-]{36}$/],
      [ACTIVE, /^\/agreements\/[0-9a-f-]{36}$/],
      [2, project],
      [3, kpi],
      [2, health],
    ],
  },
  {
    who: "a coordinator",
    email: "coordinator@demo.renkei.example",
    pages: ["/", "/proposals", "/agreements", "/org"],
  },
  {
    who: "the platform admin",
    email: "admin@demo.renkei.example",
    pages: ["/", "/admin/organizations", "/admin/organizations/new", "/admin/outbox", "/audit", "/org", "/settings"],
    records: [["/admin/organizations", /^\/admin\/organizations\/[0-9a-f-]{36}\/edit$/]],
  },
];

describe("every page, as each role, at 1280 and 375 px", () => {
  for (const width of [1280, 375]) {
    it.each(roles)(
      `is accessible and fits for $who at ${width} px`,
      async ({ email, pages, records }) => {
        const { context, page } = await newPage(journey.browser, journey.server.baseUrl);
        await page.setViewportSize({ width, height: 800 });
        if (email) await login(page, email);
        const visits = [...pages];
        const found: string[] = [];
        for (const [list, prefix] of records ?? []) {
          const record = await firstRecord(page, typeof list === "number" ? found[list]! : list, prefix);
          expect(record, `a record linked from ${list}`).not.toBeNull();
          found.push(record!);
          visits.push(record!);
        }
        const problems: string[] = [];
        for (const path of visits) {
          const res = await page.goto(path);
          if (!res || res.status() >= 400) problems.push(`${path}: ${res?.status()}`);
          if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth))
            problems.push(`${path}: scrolls sideways`);
          try {
            await expectAccessible(page);
          } catch (error) {
            problems.push(`${path}: ${(error as Error).message.slice(0, 600)}`);
          }
        }
        expect(problems).toEqual([]);
        await context.close();
      },
      300_000,
    );
  }
});
