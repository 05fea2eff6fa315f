// Validation messages: the keys lib/validation.ts and the features' schemas carry instead of
// sentences.
// Each message in Japanese (the source of truth) and, beside it, English.
import type { Messages } from "./message";

export const prefixes = ["validation"] as const;

export const messages = {
  "validation.required": { ja: "入力してください。", en: "Please fill in this field." },
  "validation.selectRequired": { ja: "選択してください。", en: "Please choose an option." },
  "validation.tooLong": { ja: "{max}文字以内で入力してください。", en: "Use at most {max} characters." },
  "validation.tooShort": { ja: "{min}文字以上で入力してください。", en: "Use at least {min} characters." },
  "validation.email": {
    ja: "メールアドレスの形式で入力してください（例: name@example.jp）。",
    en: "Enter an email address (e.g. name@example.jp).",
  },
  "validation.passwordTooShort": { ja: "パスワードは10文字以上で入力してください。", en: "Use at least 10 characters for the password." },
  "validation.passwordMismatch": { ja: "確認用のパスワードが一致しません。", en: "The passwords do not match." },
  "validation.corporateNumber.format": { ja: "法人番号は13桁の数字で入力してください。", en: "A corporate number has 13 digits." },
  "validation.corporateNumber.checkDigit": {
    ja: "法人番号が正しくありません（チェックディジットが一致しません）。番号をご確認ください。",
    en: "This corporate number is not valid (check digit mismatch).",
  },
  "validation.localGovCode.format": { ja: "団体コードは6桁の数字で入力してください。", en: "A local government code has 6 digits." },
  "validation.localGovCode.checkDigit": {
    ja: "団体コードが正しくありません（検査数字が一致しません）。",
    en: "This local government code is not valid (check digit mismatch).",
  },
  "validation.localGovCode.unknown": { ja: "この団体コードの自治体は見つかりません。", en: "No municipality has this code." },
  "validation.invalidChoice": { ja: "選択肢から選んでください。", en: "Choose one of the options." },
  "validation.invalid": { ja: "入力内容を確認してください。", en: "Please check this value." },
  "validation.invalidJson": { ja: "リクエスト本文が JSON として読めません。", en: "The request body is not valid JSON." },
  "validation.tooMany": { ja: "{max}個以内で選んでください。", en: "Choose at most {max}." },
  "validation.departmentRequired": { ja: "部署職員には部署を指定してください。", en: "Department staff need a department." },

  "validation.file.tooMany": { ja: "一度に添付できるファイルは{max}個までです。", en: "Attach at most {max} files at a time." },
  "validation.file.tooLarge": { ja: "「{name}」が大きすぎます（{max}MBまで）。", en: '"{name}" is too large (up to {max} MB).' },
  "validation.file.type": {
    ja: "「{name}」は添付できない種類のファイルです（PDF、Word・Excel・PowerPoint などの Office 文書、画像のみ）。",
    en: '"{name}" cannot be attached (PDF, Office documents and images only).',
  },
  "validation.date": { ja: "日付を「2026-04-01」の形式で入力してください。", en: "Enter a date as 2026-04-01." },
  "validation.deadlineBeforeStart": {
    ja: "締切は募集開始日より後の日付にしてください。",
    en: "The deadline must be after the start date.",
  },
  "validation.fieldsRequired": { ja: "分野を1つ以上選んでください。", en: "Choose at least one field." },

  "validation.file.multipart": { ja: "ファイルは multipart/form-data で送ってください。", en: "Send files as multipart/form-data." },
  "validation.phone": {
    ja: "電話番号は数字とハイフンで入力してください（例: 0761-00-0000）。",
    en: "Enter a phone number with digits and hyphens (e.g. 0761-00-0000).",
  },
  "validation.periodOrder": { ja: "終了日は開始日より後の日付にしてください。", en: "The end date must be after the start date." },
  "validation.groundsRequired": { ja: "受け付けられない理由を1つ以上選んでください。", en: "Choose at least one ground." },
  "validation.themeClosed": {
    ja: "このテーマは募集を終了しているか、公開されていません。",
    en: "This theme call is closed or not published.",
  },
  "validation.municipalityNotOnPlatform": {
    ja: "この団体コードの自治体は Renkei で提案を受け付けていません。",
    en: "The municipality with this code does not take proposals on Renkei.",
  },

  "validation.partnersRequired": { ja: "連携する相手を1つ以上選んでください。", en: "Choose at least one partner." },
  "validation.automaticRenewal": {
    ja: "自動更新の場合は、更新する年数と異議申出の期限を入力してください。",
    en: "For automatic renewal, enter the renewal years and the objection deadline.",
  },

  "validation.unknownCodes": {
    ja: "次の番号の組織は Renkei に登録されていません: {codes}",
    en: "No organisation on Renkei has these numbers: {codes}",
  },

  "validation.renewedEndsOn": {
    ja: "更新後の終了日は、今の終了日より後の日付にしてください。",
    en: "The new end date must be after the current end date.",
  },

  "validation.tabular.type": {
    ja: "Excel（.xlsx）か CSV のファイルを選んでください（古い .xls 形式は、Excel で .xlsx として保存し直してください）。",
    en: "Choose an Excel (.xlsx) or CSV file (save old .xls files as .xlsx first).",
  },
  "validation.tabular.empty": {
    ja: "見出しの行と、1行以上の協定の行があるファイルを選んでください。",
    en: "Choose a file with a heading row and at least one agreement row.",
  },
  "validation.tabular.unreadable": {
    ja: "ファイルを読み取れませんでした。壊れていないか、パスワードがかかっていないかをご確認ください。",
    en: "The file could not be read. Check that it is not damaged or password-protected.",
  },
  "validation.tabular.tooLarge": { ja: "ファイルが大きすぎます（{max}MBまで）。", en: "The file is too large (up to {max} MB)." },
  "validation.tabular.tooManyRows": {
    ja: "一度に取り込めるのは{max}行までです。ファイルを分けてください。",
    en: "Up to {max} rows can be imported at once. Split the file.",
  },
  "validation.import.date": {
    ja: "「{value}」を日付として読めません（2023/4/1、令和5年4月1日 などで書いてください）。",
    en: '"{value}" is not a date (write 2023/4/1, 令和5年4月1日 or similar).',
  },
  "validation.import.unknownValue": { ja: "「{value}」は使える値ではありません。", en: '"{value}" is not a value that can be used.' },
  "validation.import.inApproval": {
    ja: "決裁中の協定は取り込めません。画面から登録して決裁を記録してください。",
    en: "Agreements in approval cannot be imported. Enter them on screen and record the approvals.",
  },
  "validation.import.signedOnRequired": {
    ja: "締結済みの協定には締結日を入れてください。",
    en: "A signed agreement needs its signing date.",
  },
  "validation.import.unknownField": { ja: "「{value}」という分野はありません。", en: 'There is no field called "{value}".' },
  "validation.import.fieldsRequired": { ja: "分野を1つ以上入れてください。", en: "Give at least one field." },
  "validation.import.localGovCode": {
    ja: "団体コード「{value}」が正しくありません（6桁・検査数字つき）。",
    en: 'Local government code "{value}" is not valid (6 digits with check digit).',
  },
  "validation.import.unknownLocalGovCode": {
    ja: "団体コード「{value}」の自治体は全国地方公共団体コードにありません。",
    en: 'Local government code "{value}" is not in the national code list.',
  },
  "validation.import.ambiguousName": {
    ja: "「{value}」という名前の組織が複数あります。法人番号で指定してください。",
    en: 'Several organisations are called "{value}". Give its corporate number.',
  },
  "validation.import.unpairedCorporateNumber": {
    ja: "法人番号「{value}」の相手が Renkei に見つからず、連携の相手の名前とも対応づけられません。名前と同じ順に書いてください。",
    en: 'No partner on Renkei has corporate number "{value}", and it cannot be paired with a partner\'s name. Write them in the same order.',
  },
  "validation.import.duplicateTitle": {
    ja: "同じ名称の協定がすでに台帳にあります。",
    en: "An agreement with this title is already in the register.",
  },
  "validation.import.duplicateInFile": {
    ja: "同じ名称の協定が{row}行目にもあります。",
    en: "Row {row} has an agreement with the same title.",
  },
  "validation.import.columnTwice": { ja: "同じ列を2つの項目に使うことはできません。", en: "One column cannot be used for two items." },

  "validation.approvalChain.empty": { ja: "手続きを1つ以上入れてください。", en: "Give at least one step." },
  "validation.approvalChain.duplicate": { ja: "同じ名前の手続きが2つあります。", en: "Two steps have the same name." },
  "validation.approvalChain.allOptional": {
    ja: "必ず行う手続きを1つ以上入れてください。",
    en: "Give at least one step that is always taken.",
  },

  "validation.invalidCharacters": {
    ja: "使用できない文字（制御文字など）が含まれています。",
    en: "Contains characters that cannot be used (control characters and the like).",
  },
  "validation.notAnObject": {
    ja: "リクエスト本文は JSON のオブジェクト（{ … }）で送ってください。",
    en: "Send the request body as a JSON object ({ … }).",
  },
  "validation.multipart": {
    ja: "送信されたフォームのデータを読み取れません。もう一度送信してください。",
    en: "The submitted form data could not be read. Please submit it again.",
  },
  "validation.number": { ja: "数値で入力してください（例: 1200、12.5）。", en: "Enter a number (e.g. 1200 or 12.5)." },
  "validation.projectItems": {
    ja: "この事業で取り組む連携事項を1つ以上選んでください。",
    en: "Choose at least one cooperation item this project carries out.",
  },
  "validation.kpi.name": {
    ja: "何を測るかを具体的に書いてください（SMART の S: 具体的）。",
    en: "Say specifically what is measured (SMART: specific).",
  },
  "validation.kpi.definition": {
    ja: "数え方・測り方を書いてください。定義がないと年ごとに比べられません（S: 具体的）。",
    en: "Say how it is counted; without a definition years cannot be compared (specific).",
  },
  "validation.kpi.unit": {
    ja: "単位を入力してください（例: 人、件、%）。単位のない指標は測れません（M: 測定可能）。",
    en: "Enter a unit (e.g. people, cases, %); without one nothing can be measured (measurable).",
  },
  "validation.kpi.baselineValue": {
    ja: "いまの値を数値で入力してください。始めたばかりなら 0 です（A: 達成可能かを見る基準）。",
    en: "Enter today's value as a number, 0 for something new (the base to judge whether the target is achievable).",
  },
  "validation.kpi.baselineOn": { ja: "いまの値を測った日を入力してください。", en: "Enter the day the baseline was measured." },
  "validation.kpi.targetValue": {
    ja: "目標を数値で入力してください。「向上させる」だけでは達成したか判断できません（M: 測定可能）。",
    en: "Enter the target as a number; 'improve' alone cannot be judged (measurable).",
  },
  "validation.kpi.targetOn": {
    ja: "いつまでに達成するかを入力してください（T: 期限）。",
    en: "Enter the date by which the target is to be reached (time-bound).",
  },
  "validation.kpi.targetAfterBaseline": {
    ja: "達成期限は、いまの値を測った日より後にしてください。",
    en: "The target date must be after the baseline date.",
  },
  "validation.kpi.targetAbove": {
    ja: "増やしたい指標です。目標値はいまの値より大きくしてください。",
    en: "This KPI should rise: make the target higher than the baseline.",
  },
  "validation.kpi.targetBelow": {
    ja: "減らしたい指標です。目標値はいまの値より小さくしてください。",
    en: "This KPI should fall: make the target lower than the baseline.",
  },
  "validation.kpi.dataSource": {
    ja: "数値をどこから得るかを書いてください（例: 参加者名簿、アプリの集計）（M: 測定可能）。",
    en: "Say where the figures come from (e.g. attendance lists, app statistics) (measurable).",
  },
  "validation.kpi.ownerName": {
    ja: "測って報告する担当（課・担当者）を書いてください。",
    en: "Name who measures and reports it (a unit or a person).",
  },
  "validation.kpi.frequencyLocked": {
    ja: "数値を入力済みの指標は測定の頻度を変えられません。別の指標として登録してください。",
    en: "A KPI with figures keeps its frequency; add a new KPI instead.",
  },
  "validation.cadence": {
    ja: "推進会議は1〜24か月、実務者会議は1〜12か月の間隔で入力してください。",
    en: "Steering meetings every 1–24 months, working meetings every 1–12 months.",
  },
  "validation.kpi.period": {
    ja: "この指標の測定期間から選んでください（月次は月の初日、四半期は4・7・10・1月の初日、年度は4月1日）。",
    en: "Choose one of this KPI's periods (monthly: the 1st; quarterly: 1 April, July, October or January; yearly: 1 April).",
  },
  "validation.tooManyRows": {
    ja: "一度に送れる行は{max}行までです。",
    en: "A form can send at most {max} rows at a time.",
  },
} satisfies Messages;
