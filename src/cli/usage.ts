/** `--help` text of every command (Japanese, with examples). */
export type CommandName =
  'build' | 'extract' | 'validate' | 'plan' | 'form' | 'consolidate' | 'publish' | 'rollover' | 'demo';

const PLAN_SOURCES = `  体系の指定 (--plan / FILE):
    体系.xlsx      体系の表（基本項目・推進項目・取組項目・実践課【とりまとめ課】）のシートがあるブック
                   （build --master で作る 全体計画.xlsx もそのまま使えます）。「様式」シートがあれば、
                   取組項目シートの項目はその様式に従います（suishin form で確認できます）
    plan.json      { "grid": [[4列の表の行] …], "departments": [課 …] }（samples/r2/plan.json と同じ形）
    sample:r2      組み込みのサンプル（上富良野町 町政運営推進プラン 令和2年度）
    sample:kpi     組み込みの架空の町「こもれび町」の指標の様式のサンプル`;

/** What each command takes when --year is left out (as it does: build from the 体系, the others from the files). */
const YEAR_DEFAULTS = {
  build: 'サンプル・plan.json・体系シートの年度、\nなければ今日の年度',
  validate: 'ファイルごとに、書かれた年度。揃って\nいなければ、どのファイルが何年度かを示します',
  consolidate:
    'ファイルに書かれた年度。揃っていなければ\n体系の年度（その年度のファイルがなければ止まります）',
  extract: 'ファイルに書かれた年度。--year はシートに\n年度の記載がないときにだけ使います',
} as const;

/** The --year option, its description starting at `column` (display columns: a full-width character is 2). */
const year = (column: number, defaults: keyof typeof YEAR_DEFAULTS): string => {
  const option = '  --year <年度>'; // 15 display columns
  const [first, second] = YEAR_DEFAULTS[defaults].split('\n');
  return `${option}${' '.repeat(column - 15)}令和3年度 / R3 / 2021 のように指定（既定: ${first}
${' '.repeat(column)}${second}）`;
};

export const OVERVIEW = `suishin — 町政運営推進プランの取組項目シートを作成・検証・集約します

使い方: suishin <コマンド> [オプション]

コマンド:
  build        体系から各課の取組項目シート (<課>.xlsx) と全体計画のひな形を作る
  extract      取組項目シートの記入内容を読み取る（--json で機械可読な出力）
  validate     取組項目シートを検証し、エラー・警告をシートとセルの位置つきで示す
  plan         体系を階層の一覧で表示する
  form         体系のブックの「様式」シート（取組項目シートの項目）を読んで表示する
  consolidate  各課から戻ったブックを全体計画 (master.xlsx) に集約する
  publish      集約した全体計画から公開用の報告書 (HTML) とオープンデータ (CSV / Excel) を書き出す
  rollover     今年度の全体計画から翌年度の各課の取組項目シートを作る（前年度の記入を引き継ぐ）
  demo         組み込みサンプル (R2 / kpi) で作成 → 記入 → 検証 → 集約を一通り実行する

各コマンドの使い方: suishin <コマンド> --help

終了コード: 0 正常 / 1 入力にエラーあり（受け付けられないファイルを含む） / 2 使えない入力・指定の誤り`;

export const USAGE: Readonly<Record<CommandName, string>> = {
  build: `使い方: suishin build --plan <体系> --out <フォルダー> [オプション]

体系から、各課が記入する取組項目シートのブック <課>.xlsx を作ります（目次と、その課の取組項目ごとに1シート）。

オプション:
  --plan <体系>       体系（下記）。必須
  --out <フォルダー>  出力先（なければ作ります）。必須
  --department <課>   この課のブックだけ作る（複数回指定できます）
  --master            総務課用の全体計画のひな形 全体計画.xlsx（体系シート＋空の全体計画シート）も作る
  --overwrite         出力先に同じ名前のファイルがあれば上書きする（既定: 何も書かずに止まります）
  --title <名称>      計画の名称（既定: 体系シートの表題にある名称、なければ 町政運営推進プラン）
${year(22, 'build')}
  -h, --help          この説明を表示

${PLAN_SOURCES}

例:
  suishin build --plan sample:r2 --out out/r2 --master
  suishin build --plan 体系.xlsx --out 配布 --year 令和3年度 --department 総務課 --department 町民生活課

体系にエラーがあると、その位置（ファイル・シート・セル）を示して終了コード 2 で終わります。`,

  extract: `使い方: suishin extract <ファイル…> [--json] [--plan <体系>] [--year <年度>]

取組項目シートの記入内容を読み取ります。各値は読み取ったシートとセルを持ちます。
フォルダーを指定すると、その中（サブフォルダーも）の .xlsx / .xlsm をすべて読みます（.xls・.xlsb・.ods・PDF・
Word の文書は何のファイルかを示して受け付けず、メモなどほかのファイルは名前を示して読みません）。

オプション:
  --json           JSON で出力: { "entries": [...], "sheets": [...], "findings": [...] }
  --plan <体系>    取組項目の表記をコードに対応づける体系（既定: ブック内の体系シート。
                   なければシートの管理情報（非表示の列）だけで判定）
${year(19, 'extract')}
  -h, --help       この説明を表示

${PLAN_SOURCES}

例:
  suishin extract 総務課.xlsx
  suishin extract 提出/*.xlsx --json --plan 全体計画.xlsx > entries.json`,

  validate: `使い方: suishin validate <ファイル…> [--plan <体系>] [--stage 段階] [--json] [--year <年度>]

取組項目シートを検証し、エラー・警告・情報をファイル・シート・セルごとに示します。
フォルダーを指定すると、その中（サブフォルダーも）の .xlsx / .xlsm をすべて検証します（.xls や PDF などは何のファイルかを示し、
メモなどほかのファイルは名前を示して読みません）。

オプション:
  --stage <段階>   plan（計画）/ first-half（前期）/ year-end（年度末、既定）
                   段階ごとに必須の欄が変わります（年度末: すべての欄）
  --plan <体系>    実践課の割当も確認します（既定: ブック内の体系シート）
  --json           JSON で出力
${year(19, 'validate')}
  -h, --help       この説明を表示

${PLAN_SOURCES}

終了コード: 0 エラーなし / 1 エラーあり / 2 開けないファイルあり（ほかのファイルは検証します）

例:
  suishin validate 総務課.xlsx --stage first-half
  suishin validate 提出 --plan 全体計画.xlsx --json`,

  plan: `使い方: suishin plan <体系> [--json]

体系を 基本項目 > 推進項目 > 取組項目（①）> 取組項目（(1)）の階層で表示します。
各取組項目のコード（I-1-1-1）と実践課、全体の件数も示します。

オプション:
  --json       JSON で出力: { "source", "fiscalYear", "counts", "plan", "findings" }
  -h, --help   この説明を表示

${PLAN_SOURCES}

終了コード: 0 問題なし（警告のみを含む） / 1 体系にエラーあり / 2 読み込めない

例:
  suishin plan sample:r2
  suishin plan 全体計画.xlsx --json`,

  form: `使い方: suishin form <体系のブック> [--json]

体系のブックの「様式」シートを読み、取組項目シートの項目（見出し・項目・キー・種類・必須の時期・年度欄・
集計・選択肢・計算式・判定）を表にして示します。様式の誤りはシートとセルの位置つきで示します。
「様式」シートがなければ、組み込みの R2 の様式を示します（build・validate・consolidate もそれを使います）。

オプション:
  --json       JSON で出力: { "source", "sheet", "builtIn", "form", "findings" }
  -h, --help   この説明を表示

終了コード: 0 問題なし（警告のみを含む） / 1 様式にエラーあり / 2 読み込めない

例:
  suishin form 全体計画.xlsx
  suishin form 体系.xlsx --json`,

  consolidate: `使い方: suishin consolidate --plan <体系> <ファイル…> --out <master.xlsx> [オプション]

各課から戻ったブックを読み、全体計画・提出状況・達成状況・集約ログのシートを master.xlsx に書きます。
--out のブックがあれば開いて更新します（体系シートと、全体計画の「備考」に書いた内容は残ります）。
なければ全体計画のひな形から作ります。同じ取組項目のシートが複数のファイルにあれば新しいファイルを採用し、
どのシートも集約ログに記録します。フォルダーを指定すると、その中（サブフォルダーも）の .xlsx / .xlsm をすべて読みます
（.xls・.xlsb・.ods・PDF・Word の文書は受付不可として何のファイルかと出し直し方を示し、メモなどほかのファイルは名前を示して読みません）。
--year を省略すると、ファイルに書かれた年度で集約します。ファイルの年度が揃っていなければ、既定の年度が
その中にあるときはその年度で集約し、なければファイルごとの年度を示して止まります。集約する年度と違う年度の
シートは「年度違い」として集約せず、内容を集約ログに残します。

オプション:
  --plan <体系>       体系（--out のブックに体系シートがあれば省略できます）
  --out <ファイル>    集約先のブック。必須
  --report <ファイル> 集約レポート (JSON) の出力先
  --stage <段階>      plan / first-half / year-end（既定）
  --title <名称>      計画の名称（既定: 体系シートの表題にある名称、なければ 町政運営推進プラン）
${year(22, 'consolidate')}
  --watch             集約したあとファイルを見張り、変わるたびに集約し直す（Ctrl+C で終了）
  --history <masters> 過去の年度に集約した全体計画のブック（続けて複数、または年度ごとに繰り返して指定）。
                      「推移」シートに年度別・推進項目別の集計と取組項目ごとの推移を書き、前年度の文のままの欄を指摘します
  -h, --help          この説明を表示

${PLAN_SOURCES}

終了コード: 0 集約した（指摘があっても） / 1 受け付けられないファイルがあった / 2 使えるファイルがない、年度を決められない

例:
  suishin consolidate --plan 全体計画.xlsx 提出/*.xlsx --out 全体計画.xlsx --report report.json
  suishin consolidate --plan sample:r2 提出 --out master.xlsx
  suishin consolidate --plan 全体計画.xlsx 提出 --out 全体計画.xlsx --watch
  suishin consolidate 提出 --out 全体計画R3.xlsx --history 全体計画R1.xlsx 全体計画R2.xlsx`,

  publish: `使い方: suishin publish <master.xlsx> --out <フォルダー> [--stage 段階]

集約した全体計画のブックから、町のウェブサイトに載せる公開用のファイルを書き出します:
  report.html     報告書。体系の順に基本項目・推進項目の見出し、取組項目ごとの表、達成状況の表とグラフ、
                  目次つき。外部のファイルを読まない1ファイルで、A4 に印刷できます
  opendata.csv    オープンデータ。1行目が見出し、1行に1件（年度・基本項目・推進項目・取組項目コード・
                  取組項目・実践課・番号・様式の項目・提出状況）。UTF-8（BOM 付き）
  opendata.xlsx   同じ内容の Excel の表（1シート）
様式の「公表」が × の項目は、どのファイルにも書き出しません（「公表」の列がなければすべて公表）。
書き出す取組項目は、検証と同じ規則で確かめます。エラー（選択肢にない値、必須の欄が未記入 …）があれば、
件数と最初の数件（取組項目コード・課・欄・セル）を標準エラー出力に示し、終了コード 1 で終わります。
ファイルはそれでも書き出し、エラーのある値も全体計画に書かれたとおりに入ります（選択肢にない値もその文字のまま。
達成状況では未記入として数えます）。公開する前に全体計画か各課のシートを直してください。

オプション:
  --out <フォルダー>  出力先。必須
  --stage <段階>      確かめる段階: plan（計画）/ first-half（前期）/ year-end（年度末、既定）
  -h, --help          この説明を表示

終了コード: 0 書き出した（エラーなし） / 1 書き出したが、全体計画にエラーがある（公開前に直す） /
            2 読み込めない（全体計画・体系のシートがない、様式にエラーがある）・指定の誤り

例:
  suishin publish 全体計画.xlsx --out 公開
  suishin publish out/demo/master.xlsx --out out/demo/公開`,

  rollover: `使い方: suishin rollover <master.xlsx> --year <翌年度> --out <フォルダー> [オプション]

今年度の集約した全体計画のブックから、翌年度の各課の取組項目シート <課>.xlsx を作ります:
  - 様式の「引継ぎ」が ○ の項目（R2: 目指す姿・目標・取組内容）は、今年度の文を下書きとして記入します
  - ○ と「参考」の項目（R2: 進捗状況・目標の達成・評価・検証）は、G 列「前年度（令和N年度）」に今年度の値を
    表示します（書き換えできません。集約や検証で今年度の記入として読むことはありません）
  - 翌年度の体系の取組項目は、今年度の取組項目とコードと名称で対応づけ、対応表 mapping.json に書きます。
    対応のない取組項目と、引き継げない記入（取組項目が廃止、実践課から外れた）は一覧に表示します
  - 翌年度の全体計画のひな形 全体計画.xlsx も書き出します

オプション:
  --year <年度>         翌年度（令和3年度 / R3 / 2021）。必須
  --out <フォルダー>    出力先（なければ作ります）。必須
  --plan <体系>         翌年度の体系のブック（既定: 全体計画のブックの体系と様式）
  --mapping <JSON>      編集した対応表（mapping.json の items の next を書き換えたもの）
  --department <課>     この課のブックだけ作る（複数回指定できます）
  --print-reference     前年度の列も印刷する（既定: 様式の A〜D 列だけ）
  --overwrite           出力先に同じ名前のファイルがあれば上書きする（既定: 何も書かずに止まります。
                        集約した全体計画.xlsx や記入済みのブックを守るため）
  --title <名前>        ブックの表題に使う計画の名前
  -h, --help            この説明を表示

終了コード: 0 作成した / 2 読み込めない（全体計画・体系のシートがない、様式にエラー、対応表の誤り）・指定の誤り

例:
  suishin rollover 全体計画R2.xlsx --year 令和3年度 --out R3配布
  suishin rollover 全体計画R2.xlsx --year R3 --plan 体系R3.xlsx --out R3配布
  suishin rollover 全体計画R2.xlsx --year R3 --plan 体系R3.xlsx --mapping R3配布/mapping.json --out R3配布 --overwrite`,

  demo: `使い方: suishin demo [--sample r2|kpi] [--out <フォルダー>]

組み込みサンプルで、1年のサイクルを通して実行します:
  1. 各課の取組項目シートと全体計画のひな形を作る         → <フォルダー>/配布/<課>.xlsx, master.xlsx
  2. 各課のシートにサンプルの記入内容を入力                → <フォルダー>/提出/<課>.xlsx
  3. 年度末の段階で各課のブックを検証
  4. 全体計画に集約                                        → master.xlsx, report.json
r2 では続けて翌年度（令和3年度、記入内容は R2 からデモ用に作ったもの）を実行します:
  5. R2 の全体計画から翌年度の各課のブックを作る（引継ぎ・前年度の欄・対応表）
                                                           → <フォルダー>/令和3年度/配布/<課>.xlsx, mapping.json
  6. 記入  7. 検証（前年度と同じ文・前期＝後期を指摘）
  8. R2 の全体計画を --history にして集約（推移シート）  → <フォルダー>/令和3年度/master.xlsx, report.json

サンプル:
  r2   上富良野町 町政運営推進プラン 令和2年度（既定。R2 の様式: 目指す姿・目標・取組内容・進捗状況・目標の達成）
  kpi  架空の町「こもれび町」行政改革推進計画 令和6年度（デモ用・架空。指標の様式: 成果指標・基準値・目標値・
       実績値・達成率・判定 S/A/B/C・評価。全体計画のひな形に様式シートが入ります）

オプション:
  --sample <名前>     サンプル（r2 / kpi、既定: r2）
  --out <フォルダー>  出力先（既定: out/demo）
  -h, --help          この説明を表示

例:
  suishin demo
  suishin demo --sample kpi --out out/demo-kpi
  npm run demo
  npm run demo:kpi`,
};

export const helpHint = (command?: CommandName): string =>
  `「suishin ${command ? `${command} ` : ''}--help」で使い方を表示します。`;

/** `--help`: the command's usage on stdout; exit 0. */
export function showUsage(
  io: { readonly stdout: { write(text: string): unknown } },
  command: CommandName,
): 0 {
  io.stdout.write(`${USAGE[command]}\n`);
  return 0;
}
