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
app.use(compression());
// Static files get the same protective headers as pages (nosniff, HSTS …): app/server/security-headers.server.ts.
const securityHeaders = build.entry.module.commonSecurityHeaders(runtime.config.baseUrl);
const setHeaders = (res) => {
  for (const [name, value] of securityHeaders) res.setHeader(name, value);
};
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y", setHeaders }));
app.use(express.static("build/client", { maxAge: "1h", setHeaders }));
app.all("/{*splat}", createRequestHandler({ build }));

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
