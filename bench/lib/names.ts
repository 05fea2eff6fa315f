// Word lists for realistic (fictional) Japanese names: people, companies,
// universities, NPOs and municipal departments. Each entry carries its
// reading so organisations get a plausible name_kana.

/** [kanji, hiragana, romaji] */
export type Reading = readonly [string, string, string];

// The most common surnames (roughly in order of frequency).
export const surnames: readonly Reading[] = [
  ["佐藤", "さとう", "sato"], ["鈴木", "すずき", "suzuki"], ["高橋", "たかはし", "takahashi"], ["田中", "たなか", "tanaka"],
  ["伊藤", "いとう", "ito"], ["渡辺", "わたなべ", "watanabe"], ["山本", "やまもと", "yamamoto"], ["中村", "なかむら", "nakamura"],
  ["小林", "こばやし", "kobayashi"], ["加藤", "かとう", "kato"], ["吉田", "よしだ", "yoshida"], ["山田", "やまだ", "yamada"],
  ["佐々木", "ささき", "sasaki"], ["山口", "やまぐち", "yamaguchi"], ["松本", "まつもと", "matsumoto"], ["井上", "いのうえ", "inoue"],
  ["木村", "きむら", "kimura"], ["林", "はやし", "hayashi"], ["斎藤", "さいとう", "saito"], ["清水", "しみず", "shimizu"],
  ["山崎", "やまざき", "yamazaki"], ["森", "もり", "mori"], ["池田", "いけだ", "ikeda"], ["橋本", "はしもと", "hashimoto"],
  ["阿部", "あべ", "abe"], ["石川", "いしかわ", "ishikawa"], ["山下", "やました", "yamashita"], ["中島", "なかじま", "nakajima"],
  ["石井", "いしい", "ishii"], ["小川", "おがわ", "ogawa"], ["前田", "まえだ", "maeda"], ["岡田", "おかだ", "okada"],
  ["長谷川", "はせがわ", "hasegawa"], ["藤田", "ふじた", "fujita"], ["後藤", "ごとう", "goto"], ["近藤", "こんどう", "kondo"],
  ["村上", "むらかみ", "murakami"], ["遠藤", "えんどう", "endo"], ["青木", "あおき", "aoki"], ["坂本", "さかもと", "sakamoto"],
  ["斉藤", "さいとう", "saito"], ["福田", "ふくだ", "fukuda"], ["太田", "おおた", "ota"], ["西村", "にしむら", "nishimura"],
  ["藤井", "ふじい", "fujii"], ["金子", "かねこ", "kaneko"], ["岡本", "おかもと", "okamoto"], ["藤原", "ふじわら", "fujiwara"],
  ["中野", "なかの", "nakano"], ["三浦", "みうら", "miura"], ["原田", "はらだ", "harada"], ["中川", "なかがわ", "nakagawa"],
  ["松田", "まつだ", "matsuda"], ["竹内", "たけうち", "takeuchi"], ["小野", "おの", "ono"], ["田村", "たむら", "tamura"],
  ["中山", "なかやま", "nakayama"], ["和田", "わだ", "wada"], ["石田", "いしだ", "ishida"], ["森田", "もりた", "morita"],
  ["上田", "うえだ", "ueda"], ["原", "はら", "hara"], ["内田", "うちだ", "uchida"], ["柴田", "しばた", "shibata"],
  ["酒井", "さかい", "sakai"], ["宮崎", "みやざき", "miyazaki"], ["横山", "よこやま", "yokoyama"], ["高木", "たかぎ", "takagi"],
  ["安藤", "あんどう", "ando"], ["宮本", "みやもと", "miyamoto"], ["大野", "おおの", "ono"], ["小島", "こじま", "kojima"],
  ["工藤", "くどう", "kudo"], ["谷口", "たにぐち", "taniguchi"], ["今井", "いまい", "imai"], ["高田", "たかだ", "takada"],
  ["丸山", "まるやま", "maruyama"], ["増田", "ますだ", "masuda"], ["杉山", "すぎやま", "sugiyama"], ["村田", "むらた", "murata"],
];

export const givenNames: readonly Reading[] = [
  ["太郎", "たろう", "taro"], ["健", "けん", "ken"], ["翔", "しょう", "sho"], ["大輔", "だいすけ", "daisuke"],
  ["誠", "まこと", "makoto"], ["拓也", "たくや", "takuya"], ["直樹", "なおき", "naoki"], ["浩", "ひろし", "hiroshi"],
  ["隆", "たかし", "takashi"], ["健太", "けんた", "kenta"], ["翔太", "しょうた", "shota"], ["蓮", "れん", "ren"],
  ["大翔", "ひろと", "hiroto"], ["悠真", "ゆうま", "yuma"], ["陽翔", "はると", "haruto"], ["湊", "みなと", "minato"],
  ["和也", "かずや", "kazuya"], ["哲也", "てつや", "tetsuya"], ["修", "おさむ", "osamu"], ["優", "ゆう", "yu"],
  ["一郎", "いちろう", "ichiro"], ["健一", "けんいち", "kenichi"], ["剛", "つよし", "tsuyoshi"], ["亮", "りょう", "ryo"],
  ["花子", "はなこ", "hanako"], ["彩", "あや", "aya"], ["陽子", "ようこ", "yoko"], ["恵子", "けいこ", "keiko"],
  ["美咲", "みさき", "misaki"], ["愛", "あい", "ai"], ["由美", "ゆみ", "yumi"], ["直子", "なおこ", "naoko"],
  ["智子", "ともこ", "tomoko"], ["裕子", "ゆうこ", "yuko"], ["真由美", "まゆみ", "mayumi"], ["結衣", "ゆい", "yui"],
  ["葵", "あおい", "aoi"], ["陽菜", "ひな", "hina"], ["さくら", "さくら", "sakura"], ["芽依", "めい", "mei"],
  ["千尋", "ちひろ", "chihiro"], ["麻衣", "まい", "mai"], ["明美", "あけみ", "akemi"], ["香織", "かおり", "kaori"],
  ["舞", "まい", "mai"], ["奈々", "なな", "nana"], ["美穂", "みほ", "miho"], ["久美子", "くみこ", "kumiko"],
];

/** Brand-like first parts of partner names. */
export const brandWords: readonly Reading[] = [
  ["北陸", "ほくりく", "hokuriku"], ["瀬戸内", "せとうち", "setouchi"], ["東海", "とうかい", "tokai"], ["みらい", "みらい", "mirai"],
  ["ひかり", "ひかり", "hikari"], ["あおば", "あおば", "aoba"], ["さくら", "さくら", "sakura"], ["大和", "やまと", "yamato"],
  ["日本", "にほん", "nihon"], ["中央", "ちゅうおう", "chuo"], ["湘南", "しょうなん", "shonan"], ["阿蘇", "あそ", "aso"],
  ["みなと", "みなと", "minato"], ["若葉", "わかば", "wakaba"], ["富士", "ふじ", "fuji"], ["東北", "とうほく", "tohoku"],
  ["九州", "きゅうしゅう", "kyushu"], ["北斗", "ほくと", "hokuto"], ["光陽", "こうよう", "koyo"], ["三和", "さんわ", "sanwa"],
  ["太陽", "たいよう", "taiyo"], ["青空", "あおぞら", "aozora"], ["さつき", "さつき", "satsuki"], ["山陰", "さんいん", "sanin"],
  ["四国", "しこく", "shikoku"], ["信州", "しんしゅう", "shinshu"], ["あさひ", "あさひ", "asahi"], ["つばさ", "つばさ", "tsubasa"],
  ["かがやき", "かがやき", "kagayaki"], ["ゆい", "ゆい", "yui"], ["緑風", "りょくふう", "ryokufu"], ["白鷺", "しらさぎ", "shirasagi"],
];

export const middleWords: readonly Reading[] = [
  ["", "", ""], ["", "", ""], ["", "", ""], ["テクノ", "てくの", "techno"], ["ネクスト", "ねくすと", "next"], ["グリーン", "ぐりーん", "green"],
  ["ライフ", "らいふ", "life"], ["ローカル", "ろーかる", "local"], ["スマート", "すまーと", "smart"], ["総合", "そうごう", "sogo"],
  ["地域", "ちいき", "chiiki"], ["ソーシャル", "そーしゃる", "social"], ["ユニバーサル", "ゆにばーさる", "universal"], ["フューチャー", "ふゅーちゃー", "future"],
];

export const industryWords: readonly Reading[] = [
  ["建設", "けんせつ", "kensetsu"], ["電機", "でんき", "denki"], ["食品", "しょくひん", "shokuhin"], ["物流", "ぶつりゅう", "butsuryu"],
  ["製作所", "せいさくしょ", "seisakusho"], ["商事", "しょうじ", "shoji"], ["不動産", "ふどうさん", "fudosan"], ["交通", "こうつう", "kotsu"],
  ["情報システム", "じょうほうしすてむ", "joho"], ["ネットワーク", "ねっとわーく", "network"], ["エナジー", "えなじー", "energy"], ["薬品", "やくひん", "yakuhin"],
  ["ホールディングス", "ほーるでぃんぐす", "hd"], ["テクノロジー", "てくのろじー", "tech"], ["モビリティ", "もびりてぃ", "mobility"], ["フードラボ", "ふーどらぼ", "foodlab"],
  ["通信", "つうしん", "tsushin"], ["保険", "ほけん", "hoken"], ["印刷", "いんさつ", "insatsu"], ["工業", "こうぎょう", "kogyo"],
  ["農園", "のうえん", "noen"], ["観光", "かんこう", "kanko"], ["ケアサービス", "けあさーびす", "care"], ["環境開発", "かんきょうかいはつ", "kankyo"],
  ["デザイン", "でざいん", "design"], ["コンサルティング", "こんさるてぃんぐ", "consulting"], ["ヘルスケア", "へるすけあ", "healthcare"], ["ドローン", "どろーん", "drone"],
];

export const companyForms = [
  { prefix: "株式会社", suffix: "", weight: 45 },
  { prefix: "", suffix: "株式会社", weight: 35 },
  { prefix: "合同会社", suffix: "", weight: 8 },
  { prefix: "有限会社", suffix: "", weight: 12 },
] as const;

export const npoThemes: readonly Reading[] = [
  ["まちづくりネット", "まちづくりねっと", "machi"], ["子育て応援団", "こそだておうえんだん", "kosodate"], ["環境保全の会", "かんきょうほぜんのかい", "kankyo"],
  ["防災サポートセンター", "ぼうさいさぽーとせんたー", "bosai"], ["食のたすけあい", "しょくのたすけあい", "shoku"], ["地域福祉の会", "ちいきふくしのかい", "fukushi"],
  ["ICTボランティア", "あいしーてぃーぼらんてぃあ", "ict"], ["里山再生プロジェクト", "さとやまさいせいぷろじぇくと", "satoyama"], ["スポーツクラブ", "すぽーつくらぶ", "sports"],
  ["多文化共生センター", "たぶんかきょうせいせんたー", "tabunka"], ["文化振興協会", "ぶんかしんこうきょうかい", "bunka"], ["移動支援ネットワーク", "いどうしえんねっとわーく", "ido"],
];

export const universityKinds: readonly Reading[] = [
  ["大学", "だいがく", "univ"], ["工科大学", "こうかだいがく", "tech"], ["医療大学", "いりょうだいがく", "med"], ["学院大学", "がくいんだいがく", "gakuin"],
  ["短期大学", "たんきだいがく", "junior"], ["福祉大学", "ふくしだいがく", "welfare"], ["国際大学", "こくさいだいがく", "intl"], ["看護大学", "かんごだいがく", "nursing"],
];

/** Departments of a municipality (課・室・センター). */
export const departmentNames: readonly string[] = [
  "企画課", "財政課", "総務課", "危機管理課", "防災安全課", "市民協働課", "デジタル推進課", "産業振興課", "観光交流課", "農林水産課",
  "商工労働課", "子育て支援課", "こども家庭センター", "健康推進課", "高齢福祉課", "障がい福祉課", "環境対策課", "ごみ減量推進課",
  "都市計画課", "交通政策課", "道路課", "上下水道課", "教育総務課", "学校教育課", "生涯学習課", "文化スポーツ課", "広報課", "税務課",
];

export const policyFieldDescriptions: Readonly<Record<string, string>> = {
  company: "地域の課題に取り組む事業を展開しています。",
  university: "地域をフィールドにした研究と学生の地域実習に取り組んでいます。",
  financial_institution: "地域企業の創業と事業承継を支援しています。",
  npo: "市民と行政をつなぐ活動を続けています。",
  chamber_of_commerce: "地域の商工業者の経営を支援しています。",
  intermediary: "自治体と企業の連携を仲介し、研修会や事例共有を行っています。",
  other: "公民連携を支える活動をしています。",
  municipality: "公民連携デスクを置き、企業・大学等からの提案を一つの窓口で受け付けています。",
  prefecture: "県内市町村の公民連携を支援しています。",
  department: "",
};
