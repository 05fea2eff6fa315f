import { describe, expect, it } from "vitest";
import { formatters } from "./format";
import { translate } from "./index";

const ja = formatters("ja");
const en = formatters("en");

describe("formatters", () => {
  it("write Japanese as the pages always have: slashes for moments, 和暦 for dates, 、 between items", () => {
    expect(ja.dateTime("2026-11-23T00:05:00Z")).toBe("2026/11/23 09:05");
    expect(ja.time("2026-11-23T00:05:33Z", "second")).toBe("9:05:33");
    expect(ja.meeting("2027-05-10T05:00:00Z", "2027-05-10T07:00:00Z")).toBe("令和9年5月10日（月）14:00〜16:00");
    expect(ja.meeting("2027-05-10T05:00:00Z", "2027-05-11T07:00:00Z")).toBe("令和9年5月10日（月）14:00〜令和9年5月11日（火）16:00");
    expect(ja.date("2019-05-01")).toBe("令和元年5月1日");
    expect(ja.officialDate("2026-11-23")).toBe("令和8年11月23日（2026-11-23）");
    expect(ja.dateRange("2026-04-01", null)).toBe("令和8年4月1日〜");
    expect(ja.list(["防災", "観光", "子育て"])).toBe("防災、観光、子育て");
    expect(ja.number(1741)).toBe("1,741");
  });

  it("write English with month names, in Japan time", () => {
    expect(en.dateTime("2026-11-23T00:05:00Z")).toBe("23 Nov 2026, 09:05");
    expect(en.date("2026-11-23T20:00:00Z")).toBe("24 November 2026");
    expect(en.meeting("2027-05-10T05:00:00Z", "2027-05-10T07:00:00Z")).toBe("Mon, 10 May 2027, 14:00–16:00");
    expect(en.officialDate("2026-11-23")).toBe("23 November 2026");
    expect(en.dateRange("2026-04-01", "2027-03-31")).toBe("1 April 2026 – 31 March 2027");
    expect(en.list(["Tourism", "Childcare"])).toBe("Tourism and Childcare");
    expect(en.list([])).toBe("");
  });

  it("fill date parameters in the message's locale, so a notification reads right for each recipient", () => {
    const params = { title: "協定", days: 30, date: { date: "2027-03-31" } };
    expect(translate("ja", "notify.agreementEnding.body", params)).toContain("令和9年3月31日");
    expect(translate("en", "notify.agreementEnding.body", params)).toContain("31 March 2027");
    expect(
      translate("en", "notify.themePublished.body", {
        title: "t",
        municipality: "m",
        deadline: { key: "themes.deadline", params: { date: { date: "2027-03-31" } } },
      }),
    ).toContain("31 March 2027");
  });
});
