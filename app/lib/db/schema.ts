// The one Drizzle schema: each feature owns its tables; this file only gathers
// them for the client and drizzle-kit. Nothing else should import tables
// across features (the lint rule enforces it).
export * from "../../features/directory/tables";
export * from "../../features/identity/tables";
export * from "../../features/audit/tables";
export * from "../../features/notifications/tables";
export * from "../../features/files/tables";
export * from "../../features/themes/tables";
export * from "../../features/proposals/tables";
export * from "../../features/agreements/tables";
export * from "../../features/meetings/tables";
export * from "../../features/results/tables";
