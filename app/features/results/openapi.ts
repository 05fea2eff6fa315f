// Projects, yearly plans, KPIs and their figures in the OpenAPI document.
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import { idPath, operation } from "~/lib/openapi/operation";
import { locationHeader, patchOf } from "~/lib/openapi/shared";
import {
  agreementHealthView,
  agreementProjects,
  cadenceInput,
  kpiDetail,
  kpiInput,
  measurementInput,
  planInput,
  projectDetail,
  projectInput,
} from "./schema";

const project = (description: string) => ({ description, schema: projectDetail });
const kpi = (description: string) => ({ description, schema: kpiDetail });
const planPath = z.object({
  id: z.uuid(),
  fiscalYear: z
    .string()
    .regex(/^\d{4}$/)
    .meta({ description: "The fiscal year (April–March) by the calendar year it starts in: 2026 is 令和8年度." }),
});

export const resultPaths: ZodOpenApiPathsObject = {
  "/api/v1/agreements/{id}/projects": {
    get: operation({
      tag: "results",
      summary: "Projects of an agreement",
      description: "協定の連携事項と、それぞれの連携事業（事業のない事項は未着手）。当事者の組織の人だけが読めます。",
      access: "token",
      path: idPath,
      responses: { 200: { description: "Items with their projects.", schema: agreementProjects } },
    }),
    post: operation({
      tag: "results",
      summary: "Start a project",
      description: "締結後の協定に連携事業を登録します（所管のデスク、または担当する連携事項についてその部署）。",
      access: "token",
      path: idPath,
      body: projectInput,
      responses: { 201: { ...project("The project."), headers: locationHeader } },
    }),
  },
  "/api/v1/agreements/{id}/health": {
    get: operation({
      tag: "results",
      summary: "Agreement health",
      description:
        "協定の健康度（0〜100、形骸化の検知）と、項目ごとの値・配点・失った点・助言（日本語）。毎朝と変更のたびに計算し直します。締結前・終了後は score が null です。",
      access: "token",
      path: idPath,
      responses: { 200: { description: "The score with its factors, costliest first.", schema: agreementHealthView } },
    }),
  },
  "/api/v1/agreements/{id}/health/cadence": {
    put: operation({
      tag: "results",
      summary: "Set the meeting cadence",
      description: "推進会議・実務者会議を何か月ごとに開くか（所管のデスク）。健康度はこの間隔で会議の空白を測ります。",
      access: "token",
      path: idPath,
      body: cadenceInput,
      responses: { 200: { description: "The health as it will be scored.", schema: agreementHealthView } },
    }),
  },
  "/api/v1/projects/{id}": {
    get: operation({
      tag: "results",
      summary: "One project",
      description: "連携事業（連携事項、年度計画、KPI つき）。",
      access: "token",
      path: idPath,
      responses: { 200: project("The project.") },
    }),
    patch: operation({
      tag: "results",
      summary: "Edit a project",
      description: "事業の内容・状態を更新します（所管のデスクまたは主担当の部署）。",
      access: "token",
      path: idPath,
      body: patchOf(projectInput),
      responses: { 200: project("The project as it is now.") },
    }),
  },
  "/api/v1/projects/{id}/plans/{fiscalYear}": {
    put: operation({
      tag: "results",
      summary: "Write a year's plan",
      description: "年度計画（目標、活動、各者が持ち寄るもの、マイルストーン）を丸ごと保存します。",
      access: "token",
      path: planPath,
      body: planInput,
      responses: { 200: project("The project with the plan.") },
    }),
  },
  "/api/v1/projects/{id}/kpis": {
    post: operation({
      tag: "results",
      summary: "Add a KPI",
      description: "SMART な KPI を追加します。数値・単位・期限のない指標は、欄ごとの理由とともに 422 で断ります。",
      access: "token",
      path: idPath,
      body: kpiInput,
      responses: { 201: { ...kpi("The KPI."), headers: locationHeader } },
    }),
  },
  "/api/v1/kpis/{id}": {
    get: operation({
      tag: "results",
      summary: "One KPI",
      description: "KPI の定義・目標・実績（古い期間から）。",
      access: "token",
      path: idPath,
      responses: { 200: kpi("The KPI.") },
    }),
    patch: operation({
      tag: "results",
      summary: "Edit a KPI",
      description: "KPI を更新します。実績のある KPI の測定頻度は変えられません。",
      access: "token",
      path: idPath,
      body: patchOf(kpiInput),
      responses: { 200: kpi("The KPI as it is now.") },
    }),
  },
  "/api/v1/kpis/{id}/measurements": {
    post: operation({
      tag: "results",
      summary: "Enter a figure",
      description:
        "ある期間（月・四半期・年度の初日）の実績を入力します。同じ期間をもう一度送ると置き換えます。事業を担う部署・デスクと連携先が入力できます。",
      access: "token",
      path: idPath,
      body: measurementInput,
      responses: { 201: kpi("The KPI with the figure.") },
    }),
  },
};
