// Server rendering with streaming; bots get the fully rendered page.
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { ServerRouter, type EntryContext } from "react-router";
import { HtmlBatchStream } from "~/server/html-batch-stream.server";
import { commonSecurityHeaders, createNonce, setDocumentHeaders } from "~/server/security-headers.server";

export const streamTimeout = 5_000;

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, routerContext: EntryContext) {
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const readyOption = isbot(request.headers.get("user-agent") ?? "") || routerContext.isSpaMode ? "onAllReady" : "onShellReady";
    // One nonce per page: React Router and React put it on their inline scripts,
    // the Content-Security-Policy allows only scripts that carry it.
    const nonce = createNonce();
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />, {
      nonce,
      [readyOption]() {
        shellRendered = true;
        const body = new HtmlBatchStream();
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        setDocumentHeaders(responseHeaders, nonce, { development: import.meta.env.DEV });
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, streamTimeout + 1000);
  });
}

/** One-line logs, and a 503 page instead of a 500, when the database is away. */
export { handleServerError as handleError } from "~/server/outage.server";

/** Lets server.mjs start the runtime (migrations, demo data, jobs) before listening. */
export { getRuntime as startRuntime } from "~/server/runtime.server";
/** Lets server.mjs put the same protective headers on static assets. */
export { commonSecurityHeaders };
/** Lets server.mjs hand each request's client address to the routes. */
export { routerContextFor } from "~/server/context.server";
/** Lets server.mjs answer requests its router refuses (a malformed percent-escape) as the app would. */
export { answerRefusedBeforeRouting } from "~/server/before-routing.server";
