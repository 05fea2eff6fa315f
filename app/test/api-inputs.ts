// Valid inputs for API tests: a theme call, a complete proposal, a meeting,
// and a PDF to attach (multipart "files", or as a command takes it).
import { readFileSync } from "node:fs";

const pdf = readFileSync(new URL("./fixtures/sample.pdf", import.meta.url));

export const validTheme = {
  title: "郊外の移動手段を確保したい",
  background: "路線バスの減便で買い物や通院が難しくなっています。",
  goal: "予約制の乗合交通を試行したい。",
  fields: ["mobility"],
  deadline: "2099-03-31",
};

/** Complete enough to submit (every 三方よし benefit written); add themeId or municipalityCode. */
export const validProposal = {
  title: "予約制乗合タクシーの実証提案",
  summary: "郊外3地区で予約制の乗合タクシーを走らせる。",
  plan: "半年間の実証で利用データを取り、本格運行を判断する。",
  benefitCitizens: "買い物と通院の足が確保される。",
  benefitPartner: "配車システムの地方での実績になる。",
  benefitMunicipality: "路線バス減便区間の移動手段を補える。",
  fields: ["mobility"],
  method: "project",
  contactName: "提案 花子",
  contactEmail: "hanako@example.jp",
};

export const validMeeting = {
  kind: "steering",
  title: "第1回推進会議",
  startsAt: "2099-05-10T14:00",
  endsAt: "2099-05-10T16:00",
  place: "X市役所 3階会議室",
};

/** A SMART KPI whose first period (April 2026) can always be entered. */
export const validKpi = {
  name: "デマンド交通の利用者数",
  definition: "実証運行の月間延べ利用者数",
  unit: "人",
  baselineValue: 0,
  baselineOn: "2026-04-01",
  targetValue: 1200,
  targetOn: "2027-03-31",
  direction: "increase",
  frequency: "monthly",
  dataSource: "運行事業者の乗降データ",
  ownerName: "X市 交通政策課",
};

/** A multipart body with one PDF in "files". */
export function pdfForm(): FormData {
  const form = new FormData();
  form.append("files", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), "資料.pdf");
  return form;
}

/** The same PDF as a command takes it (createTheme, createProposal … and the factories). */
export const pdfFile = () => ({ filename: "資料.pdf", bytes: new Uint8Array(pdf) });
