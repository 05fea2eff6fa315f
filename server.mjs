// Production server: serves the built app (UI + JSON API) with Express.
// The port is bound first, so a second server on a taken port fails at once
// (before it touches any database); while the runtime starts (data-folder
// lock, database, migrations, demo data, job workers) requests get 503.
// RENKEI_PROCESSES=N (or "auto": one per core) runs N such processes on one
// port with Node's cluster, on PostgreSQL only (see the README).
import cluster from "node:cluster";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import compression from "compression";
import express from "express";

// React and React Router load their production builds only when NODE_ENV says
// so when they are first imported (below, not above): the development builds
// did half again as much work per page (issue 19). Set NODE_ENV=development to debug.
process.env.NODE_ENV ??= "production";

/** Start-up failures the operator can fix get their message without a stack trace. */
function fail(error) {
  console.error(error?.operatorMessage ? `[renkei] ${error.operatorMessage}` : error);
  process.exit(1);
}

function processCount(value) {
  if (value === undefined || value.trim() === "" || value === "1") return 1;
  if (value === "auto") return os.availableParallelism();
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1 && n <= 64) return n;
  fail({
    operatorMessage: `RENKEI_PROCESSES は 1〜64 の数か auto にしてください。\nRENKEI_PROCESSES must be a number from 1 to 64, or auto.`,
  });
}

const processes = processCount(process.env.RENKEI_PROCESSES);
if (processes > 1 && cluster.isPrimary) {
  if (!process.env.DATABASE_URL) {
    fail({
      operatorMessage:
        "組み込みデータベース（PGlite）は 1 プロセスでしか開けません。複数プロセスで動かすには DATABASE_URL で PostgreSQL を指定してください。\n" +
        "The embedded database (PGlite) opens in one process only: set DATABASE_URL to a PostgreSQL server to run several processes.",
    });
  }
  if (!process.env.RENKEI_SECRET) {
    fail({
      operatorMessage:
        "複数プロセスで動かすときは、すべてのプロセスで同じ RENKEI_SECRET（32文字以上）を設定してください。\n" +
        "Several processes must share one RENKEI_SECRET (32+ random characters): set it.",
    });
  }
  superviseWorkers(processes);
} else {
  await serve();
}

/**
 * The primary only watches: each worker is a whole server (its own pool, its
 * own job workers: pg-boss shares the work out safely). A worker that stops
 * while serving is replaced; one that fails while starting stops everything,
 * since the next would fail the same way (a taken port, a wrong URL).
 */
function superviseWorkers(count) {
  console.log(`[renkei] starting ${count} processes`);
  const ready = new Set();
  let stopping = false;
  const start = () => {
    const worker = cluster.fork();
    worker.on("message", (message) => {
      if (message === "renkei:ready") ready.add(worker.id);
    });
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      if (!ready.has(worker.id)) {
        console.error(`[renkei] a process failed while starting (exit ${code ?? signal}): stopping`);
        stopping = true;
        for (const other of Object.values(cluster.workers ?? {})) other?.kill("SIGTERM");
        process.exit(1);
      }
      console.error(`[renkei] process ${worker.process.pid} stopped (exit ${code ?? signal}): starting another`);
      ready.delete(worker.id);
      start();
    });
  };
  for (let i = 0; i < count; i++) start();
  const shutdown = (signal) => {
    stopping = true;
    console.log(`[renkei] ${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} processes`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
    let left = Object.keys(cluster.workers ?? {}).length;
    if (left === 0) process.exit(0);
    cluster.on("exit", () => {
      left -= 1;
      if (left === 0) process.exit(0);
    });
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

async function serve() {
  const { createRequestHandler } = await import("@react-router/express");

  const build = await import("./build/server/index.js");
  const started = Date.now();
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST || undefined; // all interfaces unless set

  function starting(_req, res) {
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5", "cache-control": "no-store" });
    res.end("Renkei を起動しています。しばらくお待ちください。 / Renkei is starting, please wait.\n");
  }

  let handle = starting;
  const server = createServer((req, res) => handle(req, res));
  const listen = () =>
    new Promise((resolve) => {
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
  // Alone, bind first (a taken port fails before the database is touched; 503 while starting).
  // A cluster worker shares the port with serving siblings: it joins only once ready, so no caller meets its 503.
  if (!cluster.isWorker) await listen();

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
  // Faster levels than the defaults (gzip 6, brotli 4): on the register's 64 KB page, gzip 3 takes 0.27 ms
  // instead of 0.64 ms for 10 % more bytes, brotli 3 0.24 ms instead of 0.54 ms for 8 % more (decision 0029).
  app.use(compression({ level: 3, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 3 } } }));
  // Static files get the same protective headers as pages (nosniff, HSTS …): app/server/security-headers.server.ts.
  const securityHeaders = build.entry.module.commonSecurityHeaders(runtime.config.baseUrl);
  const setHeaders = (res) => {
    for (const [name, value] of securityHeaders) res.setHeader(name, value);
  };
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y", setHeaders }));
  // Public files (favicon, robots.txt) have a name with an extension; a page's path skips the disk check (issue 19).
  const publicFiles = express.static("build/client", { maxAge: "1h", setHeaders });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));
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
  if (cluster.isWorker) await listen();
  console.log(`[renkei] listening on ${runtime.config.baseUrl} (database: ${runtime.database.kind}, ready in ${Date.now() - started} ms)`);
  process.send?.("renkei:ready");
}
