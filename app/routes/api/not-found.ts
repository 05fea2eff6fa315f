import type { Route } from "./+types/not-found";
import { notFound } from "~/lib/errors";
import { api } from "~/server/context.server";

const missing = (args: Route.LoaderArgs | Route.ActionArgs) => api(args, async () => Promise.reject(notFound()));
export const loader = missing;
export const action = missing;
