// Plain constants shared by tables.ts (read by drizzle-kit, so no path
// aliases) and schema.ts (shipped to the browser, so no database code).
export const themeStatuses = ["draft", "published", "closed"] as const;
export type ThemeStatus = (typeof themeStatuses)[number];
export const followKinds = ["field", "municipality"] as const;
