// Production server: serves the built app (UI + JSON API) with Express.
// The port is bound first, so a second server on a taken port fails at once
// (before it touches any database); while the runtime starts (data-folder
// lock, database, migrations, demo data, job workers) requests get 503.
import { createServer } from "node:http";
import compression from "compression";
import express from "express";

// React and React Router load their production builds only when NODE_ENV says
// so when they are first imported (below, not above): the development builds
// did half again as much work per page (issue 19). Set NODE_ENV=development to debug.
process.env.NODE_ENV ??= "production";
const { createRequestHandler } = await import("@react-router/express");

const build = await import("./build/server/index.js");
const started = Date.now();
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || undefined; // all interfaces unless set

/** Start-up failures the operator can fix get their message without a stack trace. */
function fail(error) {
  console.error(error?.operatorMessage ? `[renkei] ${error.operatorMessage}` : error);
  process.exit(1);
}

function starting(_req, res) {
  res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5", "cache-control": "no-store" });
  res.end("Renkei を起動しています。しばらくお待ちください。 / Renkei is starting, please wait.\n");
}

let handle = starting;
const server = createServer((req, res) => handle(req, res));
await new Promise((resolve) => {
  server.once("error", (error) => {
    if (error.code === "EADDRINUSE") {
      fail({
        operatorMessage:
          `ポート ${port} は別のプロセスが使用中です。PORT で別のポートを指定するか、そのプロセスを停止してください。\n` +
          `Port ${port} is already in use: stop the other process or set PORT.`,
      });
    }
    fail(error);
  });
  server.listen(port, host, resolve);
});

let runtime;
async function shutdown(signal) {
  console.log(`[renkei] ${signal}: shutting down`);
  server.close();
  await runtime?.close().catch((error) => console.error(error));
  process.exit(0); // runs the exit hooks, which release the data-folder lock
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));

runtime = await build.entry.module.startRuntime().catch(fail);

const app = express();
app.disable("x-powered-by");
// req.ip is the socket's address unless RENKEI_TRUSTED_PROXIES names the proxies in front.
app.set("trust proxy", runtime.config.trustProxy);
app.use(compression());
// Static files get the same protective headers as pages (nosniff, HSTS …): app/server/security-headers.server.ts.
const securityHeaders = build.entry.module.commonSecurityHeaders(runtime.config.baseUrl);
const setHeaders = (res) => {
  for (const [name, value] of securityHeaders) res.setHeader(name, value);
};
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y", setHeaders }));
app.use(express.static("build/client", { maxAge: "1h", setHeaders }));
app.all("/{*splat}", createRequestHandler({ build, getLoadContext: (req, res) => build.entry.module.routerContextFor(req, res) }));
// Express refuses a path with a malformed percent-escape before the app sees it:
// answer it as the app would (a problem document on /api), not with its English HTML.
app.use((error, req, res, next) => {
  const status = error?.status ?? error?.statusCode;
  if (res.headersSent || typeof status !== "number" || status < 400 || status >= 500) return next(error);
  const answer = build.entry.module.answerRefusedBeforeRouting(status, req.originalUrl, req.headers.cookie);
  res.status(answer.status).set(answer.headers).send(answer.body);
});
handle = app;
console.log(`[renkei] listening on ${runtime.config.baseUrl} (database: ${runtime.database.kind}, ready in ${Date.now() - started} ms)`);
