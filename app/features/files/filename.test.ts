import { describe, expect, it } from "vitest";
import { attachmentDisposition, nameForType, safeFilename } from "./filename";

describe("file names (issue 17, item 13)", () => {
  it("drops bidirectional controls, so a name cannot pose as another type", () => {
    // Shown by a browser as "invoiceexe.pdf"; it is an .exe name.
    expect(safeFilename("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    for (const c of [
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u202E",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
      "\u200E",
      "\u200F",
      "\u061C",
    ]) {
      expect(safeFilename(`a${c}b.pdf`)).toBe("ab.pdf");
    }
  });

  it("replaces control characters, separators and path parts, and keeps Japanese", () => {
    expect(safeFilename("..\\..\\etc/報告\u0000書\u0085\u2028.pdf")).toBe("報告_書__.pdf");
    expect(safeFilename('a"b<c>.pdf')).toBe("a_b_c_.pdf");
    expect(safeFilename("\u202E")).toBe("file");
  });

  it("names a file by its detected type", () => {
    expect(nameForType("evil.html", "application/pdf")).toBe("evil.pdf");
    expect(nameForType("evil", "application/pdf")).toBe("evil.pdf");
    expect(nameForType("写真.JPEG", "image/jpeg")).toBe("写真.JPEG");
    expect(nameForType("photo.png", "image/jpeg")).toBe("photo.jpg");
    expect(nameForType("古い台帳.xls", "application/x-cfb")).toBe("古い台帳.xls");
    expect(nameForType("report.pdf.svg", "application/pdf")).toBe("report.pdf.pdf");
    expect(nameForType("協定書.docx", "application/octet-stream")).toBe("協定書.docx");
  });

  it("is always an attachment with the UTF-8 name", () => {
    expect(attachmentDisposition("資料 1.pdf")).toBe(`attachment; filename*=UTF-8''${encodeURIComponent("資料 1.pdf")}`);
  });
});
