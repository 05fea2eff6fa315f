// The fixed policy-field taxonomy (DOMAIN.md). Codes are stable: exports,
// integrations and evaluations depend on them. Labels live in the catalogs.
export const policyFieldCodes = [
  "disaster",
  "safety",
  "health",
  "elderly",
  "childcare",
  "education",
  "environment",
  "tourism",
  "economy",
  "agriculture",
  "digital",
  "community",
  "culture",
  "mobility",
  "diversity",
  "finance",
] as const;
export type PolicyFieldCode = (typeof policyFieldCodes)[number];

export const policyFieldLabelKey = (code: PolicyFieldCode) => `field.${code}` as const;
