import { describe, expect, it } from "vitest";
import { answerRefusedBeforeRouting } from "./before-routing.server";

describe("requests refused before routing", () => {
  it("answers the API with a Japanese problem document", () => {
    const answer = answerRefusedBeforeRouting(400, "/api/v1/proposals/%ED%A0%80", undefined);
    expect(answer.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(answer.body);
    expect(problem).toMatchObject({ status: 400, code: "http_400", title: "リクエストの形式が正しくありません。" });
    expect(problem.requestId).toBe(answer.headers["x-request-id"]);
  });

  it("answers pages with a short text in the reader's language", () => {
    expect(answerRefusedBeforeRouting(400, "/themes/%E0", undefined).body).toBe("リクエストの形式が正しくありません。\n");
    expect(answerRefusedBeforeRouting(400, "/themes/%E0", "lang=en").body).toBe("The request is malformed.\n");
  });
});
