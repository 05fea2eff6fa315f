// Versions of the agreement document, made in the database from what is
// already there (INSERT … SELECT): the version the desk sent for approval,
// the signed one, and an amendment for one in twenty agreements in force,
// each with the snapshot the app records (content, parties in order, items,
// the standard template wording).
import { amendableStatuses, defaultAgreementTemplate } from "~/features/agreements/documents/document";
import { translate } from "~/lib/i18n";
import { policyFieldCodes } from "~/lib/policy-fields";
import { arrayLiteral, countRows, withIndexesDeferred } from "../lib/bulk";
import { hashInt, uuidFromMd5 } from "../lib/set-based";
import type { GeneratorStep } from "./types";

const REASONS = { internal_approval: "決裁に回した時点の内容", signed: "締結時の内容", amendment: "連携事項の追加に伴う変更" } as const;

const fieldLabels = Object.fromEntries(policyFieldCodes.map((code) => [code, translate("ja", `field.${code}`)]));

// $1 field labels (jsonb), $2 template (jsonb), $3 now, $4 amendable statuses.
const INSERT_VERSIONS = `
insert into agreement_document_versions (id, agreement_id, version, reason, snapshot, created_by, created_by_name, created_at)
with party_json as (
  select ap.agreement_id,
         jsonb_agg(jsonb_build_object('name', o.name, 'kind', o.kind, 'signatoryTitle', ap.signatory_title, 'signatoryName', ap.signatory_name) order by ap.position) as parties
    from agreement_parties ap join organizations o on o.id = ap.organization_id
   group by ap.agreement_id
), item_json as (
  select i.agreement_id,
         jsonb_agg(jsonb_build_object('title', i.title, 'description', i.description, 'field', i.field, 'fieldLabel', $1::jsonb ->> i.field,
                                      'departmentName', d.name, 'partnerOwner', i.partner_owner) order by i.position) as items
    from agreement_items i left join organizations d on d.id = i.department_id
   group by i.agreement_id
), made as (
  select e.agreement_id, e.to_status as kind, e.actor_user_id, e.actor_name, e.created_at
    from agreement_events e where e.to_status in ('internal_approval', 'signed')
  union all
  select e.agreement_id, 'amendment', e.actor_user_id, e.actor_name,
         e.created_at + ($3::timestamptz - e.created_at) * (0.3 + 0.6 * ${hashInt("md5(e.agreement_id::text || ':amend')", 8)}::float8 / 268435456)
    from agreement_events e join agreements a on a.id = e.agreement_id
   where e.to_status = 'signed' and a.status = any($4::text[]) and ${hashInt("md5(e.agreement_id::text || ':amend')", 1)} % 20 = 0
)
select ${uuidFromMd5("md5(v.agreement_id::text || ':v' || v.kind)")}, v.agreement_id,
       row_number() over (partition by v.agreement_id order by v.created_at),
       case v.kind when 'internal_approval' then '${REASONS.internal_approval}' when 'signed' then '${REASONS.signed}' else '${REASONS.amendment}' end,
       jsonb_build_object(
         'format', 1, 'title', a.title, 'purpose', a.purpose, 'roles', a.roles, 'consultationBody', a.consultation_body,
         'costSharing', a.cost_sharing, 'confidentiality', a.confidentiality, 'startsOn', a.starts_on, 'endsOn', a.ends_on,
         'renewalRule', a.renewal_rule, 'renewalYears', a.renewal_years, 'objectionDeadline', a.objection_deadline,
         'signedOn', case when v.kind = 'internal_approval' then null else a.signed_on end,
         'parties', coalesce(p.parties, '[]'::jsonb), 'items', coalesce(i.items, '[]'::jsonb), 'template', $2::jsonb),
       v.actor_user_id, v.actor_name, v.created_at
  from made v
  join agreements a on a.id = v.agreement_id
  left join party_json p on p.agreement_id = v.agreement_id
  left join item_json i on i.agreement_id = v.agreement_id`;

const documentVersionsStep: GeneratorStep = {
  name: "agreements: document versions (set-based)",
  async run(ctx) {
    const { database, now } = ctx;
    await withIndexesDeferred(database, ["agreement_document_versions"], () =>
      database.executeSql(INSERT_VERSIONS, [
        JSON.stringify(fieldLabels),
        JSON.stringify(defaultAgreementTemplate),
        now.toISOString(),
        arrayLiteral([...amendableStatuses]),
      ]),
    );
    return { agreement_document_versions: await countRows(database, "agreement_document_versions") };
  },
};

export const agreementDocumentSteps: GeneratorStep[] = [documentVersionsStep];
