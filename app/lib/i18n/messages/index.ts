// The message catalog, split by feature or area. Each module owns the keys
// whose first segment is one of its `prefixes` (catalog.test.ts holds it to
// that), so `proposals.*` is found in proposals.ts and nowhere else. The split
// lives in lib, not in the features, because lib's validation and the features'
// schemas carry message keys and lib must not import features.
import * as common from "./common";
import * as validation from "./validation";
import * as auth from "./auth";
import * as identity from "./identity";
import * as directory from "./directory";
import * as themes from "./themes";
import * as proposals from "./proposals";
import * as agreements from "./agreements";
import * as meetings from "./meetings";
import * as results from "./results";
import * as audit from "./audit";
import * as notifications from "./notifications";
import * as files from "./files";
import * as apiDocs from "./api-docs";

export const messageModules = {
  common,
  validation,
  auth,
  identity,
  directory,
  themes,
  proposals,
  agreements,
  meetings,
  results,
  audit,
  notifications,
  files,
  apiDocs,
};

export const messages = {
  ...common.messages,
  ...validation.messages,
  ...auth.messages,
  ...identity.messages,
  ...directory.messages,
  ...themes.messages,
  ...proposals.messages,
  ...agreements.messages,
  ...meetings.messages,
  ...results.messages,
  ...audit.messages,
  ...notifications.messages,
  ...files.messages,
  ...apiDocs.messages,
};

export type MessageKey = keyof typeof messages;
