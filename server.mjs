// Production server: serves the built app (UI + JSON API) with Express.
// The runtime (database, migrations, demo data, job workers) starts before
// the port opens, so the first request never waits on a migration.
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@react-router/express";

const build = await import("./build/server/index.js");
const started = Date.now();
const runtime = await build.entry.module.startRuntime();

const app = express();
app.disable("x-powered-by");
// req.ip is the socket's address unless RENKEI_TRUSTED_PROXIES names the proxies in front.
app.set("trust proxy", runtime.config.trustProxy);
app.use(compression());
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
app.all("/{*splat}", createRequestHandler({ build, getLoadContext: (req, res) => build.entry.module.routerContextFor(req, res) }));

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => {
  console.log(`[renkei] listening on ${runtime.config.baseUrl} (database: ${runtime.database.kind}, ready in ${Date.now() - started} ms)`);
});

async function shutdown(signal) {
  console.log(`[renkei] ${signal}: shutting down`);
  server.close();
  await runtime.close().catch((error) => console.error(error));
  process.exit(0);
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
