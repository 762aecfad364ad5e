/* commands.c — the subcommands of `wageguard`: one row each, with the one-line summary
 * `wageguard help` lists and the usage `wageguard help COMMAND` prints. Each new system adds
 * its rows under its own comment. */
#include "cli/cli.h"
#include "util/banned.h"

const struct cli_command cli_commands[] = {
	{"init", cmd_init, "create or upgrade a database",
	 "wageguard init [--db PATH]\n"
	 "  Creates the database if needed and applies every pending numbered migration.\n"},
	{"import", cmd_import, "import a CSV file of one kind",
	 "wageguard import [--amend] KIND FILE\n"
	 "  KIND: enterprises projects subcontracts accounts workers employments attendance\n"
	 "        allocations payroll payments calendar project_events\n"
	 "  Atomic (all rows or none) and idempotent. Every bad field is reported on stderr as\n"
	 "  FILE:LINE: column 'NAME': message, and nothing is stored.\n"
	 "  --amend  allow rows whose key exists with other values; the old values stay in the\n"
	 "           ledger history.\n"},
	{"show", cmd_show, "show a project or a worker",
	 "wageguard show project CODE [--json]\n"
	 "wageguard show worker ID_NUMBER [--json] [--reveal]\n"
	 "  Personal data is masked unless --reveal is given.\n"},
	{"ledger", cmd_ledger, "verify, inspect and check the wage ledger",
	 "wageguard ledger verify [--deep] [--checkpoint FILE [--public-key HEX]]\n"
	 "  Checks the whole hash chain, every record and every worker's confirmation against\n"
	 "  its latest entry; names the first broken entry. --deep also recomputes the derived\n"
	 "  aggregates (attendance days per worker-month) from the raw records. --checkpoint:\n"
	 "  the ledger must still hold the entry a signed checkpoint names, unchanged (a removed\n"
	 "  tail is caught); signed by this ledger's key, or the one given. Exit status 1 when\n"
	 "  anything is broken.\n"
	 "wageguard ledger checkpoint [-o FILE]\n"
	 "  Signs the ledger's head (entry, hash, time) with the ledger key (Ed25519), made on\n"
	 "  first use: $WAGEGUARD_LEDGER_KEY, else DB.ledger-key beside a SQLite database, else\n"
	 "  ~/.config/wageguard/ledger-HOST-DB.key. Keep checkpoints somewhere else.\n"
	 "wageguard ledger log [--kind KIND] [--limit N] [--from SEQ]\n"
	 "wageguard ledger history KIND KEY...\n"
	 "  All versions of one record, newest first (e.g. history payroll P001 2026-05 ID).\n"
	 "wageguard ledger check CODE\n"
	 "  Checks a payslip's receipt code: the line is in the ledger and its entry intact.\n"},
	{"payslip", cmd_payslip, "a worker's payslip with its receipt code",
	 "wageguard payslip ID_NUMBER PERIOD [--project CODE] [--json] [--reveal]\n"
	 "  The payroll line, payments and the worker's answer, with a receipt code anyone\n"
	 "  can check with `wageguard ledger check CODE`. Personal data masked unless --reveal.\n"},
	{"payroll", cmd_payroll, "a worker confirms or disputes a payroll line",
	 "wageguard payroll confirm ID_NUMBER PERIOD --project CODE\n"
	 "wageguard payroll dispute ID_NUMBER PERIOD --project CODE --reason TEXT [--amount YUAN]\n"
	 "  Recorded in the ledger against the current version of the line; a dispute opens a\n"
	 "  case, or joins the worker's open case against the same employer and project.\n"},
	{"scan", cmd_scan, "evaluate the early-warning rules",
	 "wageguard scan [--as-of YYYY-MM-DD] [--rebuild] [--format json|table] [--no-record]\n"
	 "  Evaluates every rule of SPEC §5 as of the date (default today, Asia/Shanghai) and\n"
	 "  prints one JSON object per warning, sorted by rule, project, employer, worker and\n"
	 "  period. The warnings are recorded: new ones opened, changed ones updated, those no\n"
	 "  longer firing resolved; a warning turning red opens an inspection task.\n"
	 "  --rebuild    recompute attendance days from the raw records, not the aggregate\n"
	 "  --no-record  print only\n"},
	{"warnings", cmd_warnings, "list recorded warnings",
	 "wageguard warnings [--open] [--project CODE] [--level yellow|orange|red]\n"
	 "                   [--rule RULE] [--json]\n"},
	{"config", cmd_config, "show or change thresholds",
	 "wageguard config get [KEY]\n"
	 "wageguard config set KEY VALUE\n"
	 "  Keys: warn.ladder.orange, warn.ladder.red, warn.criminal.worker,\n"
	 "  warn.criminal.periods, warn.criminal.total, warn.criminal.workers,\n"
	 "  warn.low_balance.days, warn.complaints.orange, warn.complaints.red,\n"
	 "  warn.complaints.window; notice.* (hotline, pay_day, arbitration, legal_aid,\n"
	 "  regulator.<industry> …), region.<code>.minimum_wage and region.<code>.<name>,\n"
	 "  project.<CODE>.office|office_phone|wage_officer|wage_officer_phone|pay_day|regulator\n"
	 "  (docs/notices.md). `config get` lists every key with its value or default.\n"},
	{"gen", cmd_gen, "generate a synthetic data set",
	 "wageguard gen [--scale S] [--seed N] [--start YYYY-MM] [--months M] DIR\n"
	 "  Writes deterministic CSV files of every import kind into DIR, about 100*S projects "
	 "and\n"
	 "  10,000*S workers, with violations of every early-warning rule injected at known rates\n"
	 "  (listed in DIR/manifest.json).\n"},
	{"demo", cmd_demo, "build the demo data set and serve it",
	 "wageguard demo [--listen ADDR:PORT] [--scale S] [--dir DIR] [--load-only]\n"
	 "  Generates the realistic demo data set (default scale 0.2: about 20 projects and\n"
	 "  2,000 workers, six months) into DIR (default out/demo-data), imports every file\n"
	 "  into the database (which must be empty), runs the early-warning scan, verifies the\n"
	 "  ledger, creates one user per role with a new random password, prints the URL and\n"
	 "  the logins, and serves the API and web UI (default 127.0.0.1:8080) until Ctrl-C.\n"
	 "  --load-only  stop after importing the files.\n"},
	{"notice", cmd_notice, "publicity notice or rights notice board of a project",
	 "wageguard notice publicity PROJECT PERIOD [--format html|pdf] [-o FILE] [--date D]\n"
	 "wageguard notice board PROJECT [--format html|pdf] [-o FILE] [--date D]\n"
	 "  The wage publicity notice of a project and period (names, masked ID numbers, days,\n"
	 "  net, paid, pay date) or the rights notice board (Decree 724 Art 34), as a\n"
	 "  self-contained HTML page or an A4 PDF. --date: the date of publication (default\n"
	 "  today). The format is --format's, else -o FILE's extension (.html, .htm, .pdf);\n"
	 "  any other file name needs --format. See docs/notices.md.\n"},
	{"export", cmd_export, "export the wage ledger or a payroll (CSV, XLSX, SIF)",
	 "wageguard export ledger [--project CODE] [--period YYYY-MM] [--format csv|xlsx] [-o "
	 "FILE]\n"
	 "wageguard export payroll PROJECT PERIOD [--format csv|xlsx|sif] [-o FILE]\n"
	 "                 [--employer USCC] [--created 'YYYY-MM-DD HH:MM']\n"
	 "  ledger: one row per pay cycle with full personal data (operator use).\n"
	 "  payroll: the import columns of `import payroll`, or a UAE WPS SIF file of one\n"
	 "  employer's lines (--employer when the period has several).\n"},
	{"import-sif", cmd_import_sif, "import a payroll file in the UAE WPS SIF format",
	 "wageguard import-sif [--amend] --project CODE FILE\n"
	 "  Reads EDR records and the SCR control record, checks the control totals, and\n"
	 "  imports the lines as payroll of the project through the CSV importer: atomic,\n"
	 "  idempotent, problems reported as FILE:LINE: field 'NAME': message.\n"},
	{"user", cmd_user, "manage users of the web UI and API",
	 "wageguard user add NAME --role ROLE [--scope SCOPE] [--display TEXT]\n"
	 "                   (--password PW | --password-file FILE|-)\n"
	 "wageguard user list\n"
	 "wageguard user disable|enable NAME\n"
	 "wageguard user token NAME [--name TEXT]\n"
	 "  Roles and scopes: admin; regulator (region code prefix, e.g. 3301); enterprise\n"
	 "  (USCC); bank (bank code); worker (resident ID number). `token` prints an API token\n"
	 "  for a bank or enterprise feed (shown once).\n"},
	{"serve", cmd_serve, "serve the JSON API and the web UI",
	 "wageguard serve [--listen ADDR:PORT] [--web DIR | --no-web] [--threads N]\n"
	 "                [--public-url URL] [--secure-cookie yes|no]\n"
	 "                [--per-address-connections N] [--login-queue N]\n"
	 "  Default 127.0.0.1:8080. The web UI comes from --web DIR, else $WAGEGUARD_WEB, else\n"
	 "  PREFIX/share/wageguard/web beside the binary (make install) or web/dist of the\n"
	 "  source tree it was built in; without one the server says so and serves the API.\n"
	 "  Applies pending migrations at start. Stops gracefully on SIGTERM/SIGINT.\n"
	 "  --public-url (or $WAGEGUARD_PUBLIC_URL): the address users reach, e.g. behind a TLS\n"
	 "  proxy; an https URL makes the session cookie Secure unless --secure-cookie no.\n"
	 "  --per-address-connections: connections one client address may hold (default 64,\n"
	 "  0: no limit); --login-queue: logins waiting for a password check before the\n"
	 "  server answers 503 (default 64). See docs/api.md, Limits.\n"},
	/* relief (SPEC §11) */
	{"case", cmd_case, "complaint cases on the statutory clock",
	 "wageguard case open --channel hotline|walkin|web|platform|dispute|tipoff --employer "
	 "USCC\n"
	 "                [--project CODE] [--region CODE] [--employer-name TEXT]\n"
	 "                --worker ID:AMOUNT[:NAME] [--worker ...] --received YYYY-MM-DD\n"
	 "                [--description TEXT] [--reporter NAME] [--reporter-phone P] "
	 "[--anonymous]\n"
	 "                [--json]\n"
	 "  Prints the case number (with --json the case). A complaint of a worker already on\n"
	 "  an open case against the same employer and project joins that case.\n"
	 "wageguard case show NUMBER [--json] [--as-of D] [--reveal]\n"
	 "wageguard case accept NUMBER --on D\n"
	 "wageguard case reject NUMBER --on D --reason TEXT\n"
	 "wageguard case extend NUMBER --reason TEXT [--on D]\n"
	 "wageguard case order NUMBER --deadline D [--on D]\n"
	 "wageguard case ignored NUMBER --on D\n"
	 "wageguard case pay NUMBER --worker ID:AMOUNT --on D [--txn ID]\n"
	 "wageguard case close NUMBER --outcome paid|mediation|decision|arbitration|police|\n"
	 "                     no_violation --on D [--amount YUAN]\n"
	 "wageguard case absconded NUMBER --on D\n"
	 "wageguard case liability NUMBER [--json] [--as-of D]\n"
	 "wageguard case liability NUMBER --issue --deadline D [--on D]\n"
	 "  Issues the split's orders: a numbered order (连带清偿) to each party owing something,\n"
	 "  with the rule and records behind its amount.\n"
	 "  Who owes what (Decree 724 Arts 29-31, 36): employer, general contractor (pays a\n"
	 "  subcontractor's arrears first and recovers them), construction unit (advances up to\n"
	 "  the unsettled contract value after a NO_LABOR_COST warning).\n"
	 "wageguard case list [--open] [--overdue] [--priority] [--as-of D] [--employer USCC]\n"
	 "                    [--project CODE] [--status S] [--channel C] [--json]\n"
	 "wageguard case adopt\n"
	 "wageguard case accountability [--from D] [--to D] [--depth 2|4|6] [--region-prefix P]\n"
	 "                              [--json]\n"
	 "  Per region (depth digits of the code) for cases received from D (default 1 January)\n"
	 "  to D (default today): on-time acceptance and conclusion rates, recovered over\n"
	 "  claimed, open red warnings; ranked, regions below relief.accountability.* flagged.\n"
	 "wageguard case dossier NUMBER [--format json|html|pdf] [-o FILE]\n"
	 "  The criminal referral dossier (the employer absconded, or the order was found\n"
	 "  ignored with CRIMINAL_THRESHOLD met): payroll, payments, attendance, documents and\n"
	 "  their service, each record with its ledger receipt code.\n"
	 "wageguard case import FILE\n"
	 "  Leads of the national arrears-lead platform as CSV (docs/formats.md): one row per\n"
	 "  worker, the rows of one lead_id one case; atomic, each lead once.\n"
	 "  Accept or reject within 5 working days of receipt; conclude within 60 working days\n"
	 "  of acceptance; one extension (with a reason) to the 30th working day after the\n"
	 "  original deadline. Working days come from the imported calendar (holidays,\n"
	 "  make-up workdays, the festival row). `ignored` finds an order to pay not met after\n"
	 "  its deadline: the surcharge is added (relief.surcharge_percent, 50-100, default 50),\n"
	 "  the deposit activates and listing is proposed. Waiting complaints and payroll\n"
	 "  disputes become cases whenever a case command runs (`adopt` does only that).\n"
	 "  See docs/relief.md.\n"},

	{"document", cmd_document, "numbered documents: show, record service, list",
	 "wageguard document show NUMBER [--format html|pdf|json] [-o FILE] [--reveal]\n"
	 "wageguard document serve NUMBER --method personal|post|left|public|electronic\n"
	 "                         --to RECIPIENT [--on D] [--note TEXT]\n"
	 "wageguard document list [--kind order|decision|referral_arbitration|referral_police]\n"
	 "  An order to pay (限期改正指令书), decision (处理决定书) or referral letter as a "
	 "Chinese\n"
	 "  HTML page or A4 PDF, with its service records (送达回证). ID numbers are masked\n"
	 "  unless --reveal. See docs/relief.md.\n"},
	/* deposits and the emergency wage fund (SPEC §7–8) */
	{"deposit", cmd_deposit, "wage guarantee deposits: quote, lodge, activate, return",
	 "wageguard deposit quote PROJECT [--as-of D] [--json]\n"
	 "  The deposit SPEC §7 requires of the project's contractor as of D, with every factor\n"
	 "  that made it: rate and cap of the region, listing, arrears in 1, 2 and 3 years with\n"
	 "  the warnings and cases behind them, violations, history, contract size.\n"
	 "wageguard deposit lodge PROJECT --form cash|bank_guarantee|insurance|guarantor\n"
	 "          --number N --issuer NAME --amount YUAN [--lodged D] [--expires D]\n"
	 "          [--replaces ID] [--json]\n"
	 "  cash: N is the deposit account, NAME the bank; the other forms need --expires.\n"
	 "wageguard deposit list [--project CODE] [--as-of D] [--open] [--json]\n"
	 "wageguard deposit activate PROJECT --order REF [--case NUMBER] --worker ID:YUAN...\n"
	 "          [--as-of D] [--json]\n"
	 "  The payment notice: the deposit pays the named workers to their registered cards;\n"
	 "  the contractor must replenish within deposit.replenish_days working days.\n"
	 "wageguard deposit replenish PROJECT YUAN [--deposit ID] [--as-of D]\n"
	 "wageguard deposit return PROJECT [--promise TEXT] [--as-of D] [--json]\n"
	 "  First publishes the 30-day return notice (completed, no open arrears or cases, the\n"
	 "  written no-arrears promise); after the notice has run, returns the deposits with\n"
	 "  their interest. Refused otherwise, naming each condition that fails.\n"
	 "wageguard deposit notice PROJECT [--format html|pdf] [-o FILE]\n"
	 "  The public return notice (Chinese) as a self-contained HTML page or an A4 PDF.\n"
	 "  Configuration (wageguard config set): deposit.rate, deposit.cap,\n"
	 "  deposit.industries, deposit.interest, deposit.replenish_days, deposit.missing_days,\n"
	 "  deposit.expiring_days, deposit.notice_days; per region deposit.<code>.<name>.\n"},
	{"project", cmd_project, "a project's life cycle: started, suspended, completed, settled",
	 "wageguard project event CODE started|suspended|resumed|completed|settled DATE\n"
	 "                        [--note TEXT]\n"
	 "wageguard project events CODE [--as-of D] [--json]\n"
	 "  Dated life-cycle events (also `wageguard import project_events FILE`, columns\n"
	 "  project_code,event,date[,note]); ledgered; an event must fit the ones before it.\n"},

	{"fund", cmd_fund, "the emergency wage fund: top-ups, advances, recovery, statements",
	 "wageguard fund topup REGION YUAN --source budget|recovery|other [--as-of D]\n"
	 "wageguard fund apply CASE --worker ID --amount YUAN [--purpose living|travel]\n"
	 "                     [--by NAME] [--as-of D] [--json]\n"
	 "  A worker of an open case (or its handler for him) applies; each worker's advances\n"
	 "  on a case stay within the cap (fund.cap, else a month of the region's minimum wage,\n"
	 "  else 2000.00). Prints the application's number.\n"
	 "wageguard fund approve|pay APP [--by NAME] [--as-of D]\n"
	 "wageguard fund reject APP --reason TEXT [--by NAME] [--as-of D]\n"
	 "  Approval reserves the money: the fund never goes below zero, also when approvals\n"
	 "  run at once. Payment is the advance, a receivable from the employer.\n"
	 "wageguard fund recover CASE [YUAN] [--as-of D]\n"
	 "wageguard fund writeoff CASE [YUAN] --reason TEXT [--as-of D]\n"
	 "  Without YUAN: all that is outstanding on the case. A case that closes paid, by\n"
	 "  mediation or by decision recovers its advances by itself.\n"
	 "wageguard fund applications [REGION] [--status S] [--case N] [--json]\n"
	 "wageguard fund statement REGION | --case N | --employer USCC [REGION] [--as-of D]\n"
	 "                         [--json] [--format csv|xlsx|pdf|html] [-o FILE]\n"
	 "  balance = top-ups - advanced + recovered; outstanding = advanced - recovered -\n"
	 "  written off. A file format lists every movement.\n"},
	/* credit (SPEC §9) */
	{"credit", cmd_credit, "credit files, grades, who is due for inspection",
	 "wageguard credit show USCC [--as-of D] [--json]\n"
	 "  The enterprise's credit file as of the day (default today): every event with its\n"
	 "  source and each clean 12 months, the score (from 100) and grade (A >= 90, B 75-89,\n"
	 "  C 60-74, D < 60 or listed).\n"
	 "wageguard credit grades [--as-of D] [--region CODE] [--json]\n"
	 "  Every enterprise's score and grade, and how many have each grade.\n"
	 "wageguard credit due [--as-of D] [--region CODE] [--all] [--json]\n"
	 "  Classified supervision: enterprises due for a routine inspection (interval by\n"
	 "  grade: A 12 months, B 6, C 3, D 1; never inspected: due now). --all: everyone.\n"
	 "wageguard credit sync\n"
	 "  Derives the red-month events from the recorded warnings (each recorded scan does).\n"
	 "wageguard credit rebuild [--check]\n"
	 "  Recomputes every maintained credit file from its events alone; --check only\n"
	 "  compares, exit status 1 when any differs.\n"
	 "wageguard credit config [KEY [VALUE]]\n"
	 "  Points, periods and grade thresholds (credit.*), with their defaults.\n"
	 "wageguard credit report USCC [--as-of D] [--format html|pdf] [-o FILE]\n"
	 "  The enterprise credit report (信用报告, Chinese): score and grade, the grade's\n"
	 "  history, every event with its source, listings. Format from --format or -o's\n"
	 "  extension (.pdf), else HTML.\n"
	 "wageguard credit list ...   the same as wageguard list ...\n"},
	{"list", cmd_list, "the dishonest-employer list (Order 45)",
	 "wageguard list propose USCC --grounds criminal_threshold|mass_incident --deadline D\n"
	 "          [--on D] [--amount YUAN] [--workers N] [--reason TEXT] [--legal-rep NAME]\n"
	 "          [--responsible NAME]... [--source REF] [--json]\n"
	 "  Proposes listing an enterprise that did not pay by the regulator's deadline.\n"
	 "wageguard list notify ID [--on D] [--json]\n"
	 "  Prior notice (告知): the enterprise may state its case (陈述申辩) within the\n"
	 "  configured working days (default 5).\n"
	 "wageguard list statement ID --text TEXT [--on D]\n"
	 "wageguard list decide ID --list|--reject [--on D] [--note TEXT]\n"
	 "  After the statement period (or once the statement is in): listed for 3 years.\n"
	 "wageguard list remove ID --paid-on D --commitment TEXT [--on D]\n"
	 "wageguard list remove ID --revoke --reason TEXT [--on D]\n"
	 "  Early removal on request 6 months after paying in full, with a written commitment;\n"
	 "  or the decision revoked.\n"
	 "wageguard list show [USCC | --id ID | --all] [--as-of D] [--json]\n"
	 "  The list in force on the day (default), or every procedure of one enterprise.\n"},

	/* supervision (SPEC §10) */
	{"inspector", cmd_inspector, "the inspectors' roster and declared conflicts",
	 "wageguard inspector list [--region R] [--json]\n"
	 "wageguard inspector conflict INSPECTOR USCC --reason TEXT [--date D] [--json]\n"
	 "wageguard inspector withdraw ID [--date D]\n"
	 "  The roster: enabled regulator users whose scope lies in region R. A declared\n"
	 "  conflict of interest keeps the inspector out of any draw or inspection of USCC.\n"},
	{"inspection", cmd_inspection, "inspections, their findings and tasks",
	 "wageguard inspection add --kind routine|complaint|warning|special [--target USCC]\n"
	 "          [--project CODE] [--case NUMBER] [--task ID] [--campaign ID]\n"
	 "          --inspector NAME[,NAME...] (--date D | --planned D)\n"
	 "          [--finding ITEM=yes|no|na[:NOTE]]... [--note TEXT] [--json]\n"
	 "wageguard inspection record ID --date D [--finding ...] [--note TEXT]\n"
	 "wageguard inspection list [--region R] [--target USCC] [--status planned|done]\n"
	 "          [--kind K] [--inspector NAME] [--campaign ID] [--json]\n"
	 "wageguard inspection show ID [--json]\n"
	 "wageguard inspection tasks [--region R] [--all] [--json]\n"
	 "wageguard inspection compliance [--by project|region] [--region R] [--json]\n"
	 "  At least two inspectors, none with a declared conflict. ITEM: real_name,\n"
	 "  wage_account, bank_card_pay, payroll_kept, notice_board, deposit. A complaint\n"
	 "  inspection names its case, a warning inspection the task a red warning opened.\n"},
	{"rectify", cmd_rectify, "rectification orders and their escalation",
	 "wageguard rectify issue INSPECTION --items TEXT (--deadline D | --days N)\n"
	 "          [--amount YUAN] [--workers N] [--mass-incident] [--date D] [--json]\n"
	 "wageguard rectify comply NUMBER --evidence TEXT [--date D]\n"
	 "wageguard rectify list [--region R] [--target USCC] [--overdue] [--as-of D] [--json]\n"
	 "wageguard rectify show NUMBER [--json]\n"
	 "wageguard rectify escalate [--as-of D] [--json]\n"
	 "  --days N: the N-th working day after the day of issue (SPEC §3 calendar). An\n"
	 "  order past its deadline raises RECTIFY_OVERDUE in the scan and is escalated once\n"
	 "  (credit, deposit; a list proposal when the arrears reach the criminal threshold or\n"
	 "  caused a mass incident); `scan` escalates as it records.\n"},
	{"draw", cmd_draw, "random draw of inspection targets and inspectors (wg-draw-1)",
	 "wageguard draw run [--campaign ID] --region R --seed S --targets N\n"
	 "          [--per-target K] [--roster NAME,NAME...] [--date D] -o FILE [--json]\n"
	 "wageguard draw verify FILE [--json]\n"
	 "wageguard draw list [--region R] [--json]\n"
	 "wageguard draw show ID\n"
	 "  run: records the seed, then draws N enterprises of region R weighted by credit\n"
	 "  grade (A 1, B 2, C 4, D 8) and K inspectors each (default 2) from the roster (the\n"
	 "  region's regulators unless given) less declared conflicts; writes the published\n"
	 "  document and plans one inspection per target. verify: recomputes a document and\n"
	 "  exits 0 when it matches byte for byte, else 1 naming the first difference.\n"},
	{"campaign", cmd_campaign, "campaigns, screening registers, progress and reports",
	 "wageguard campaign start (--winter | --name NAME) --region R [--regions R1,R2]\n"
	 "          [--industries I1,I2] [--from D] [--to D] [--date D] [--json]\n"
	 "wageguard campaign list [--region R] [--json]\n"
	 "wageguard campaign show ID [--date D] [--json]\n"
	 "wageguard campaign targets ID [--date D] [--json]\n"
	 "wageguard campaign register ID [--region R] [--state open|cleared] [--json]\n"
	 "wageguard campaign enter ID (--target USCC | --project CODE) --source screening|tip\n"
	 "          [--cause C] [--amount YUAN] [--workers N] [--responsible TEXT] [--date D]\n"
	 "wageguard campaign screen ENTRY [--cause C] [--responsible TEXT] [--amount YUAN]\n"
	 "          [--workers N]\n"
	 "wageguard campaign clear ENTRY (--payments TXN[,TXN...] | --case NUMBER) [--date D]\n"
	 "wageguard campaign report ID -o FILE.xlsx [--date D]\n"
	 "wageguard campaign typical ID --title TEXT --summary TEXT [--case NUMBER] [--date D]\n"
	 "  start: --winter ends the day before the next Spring Festival (calendar row\n"
	 "  `festival`) and starts on 15 November before it (or today); the target list\n"
	 "  (open warnings, open cases, C/D grades, projects due for settlement) becomes the\n"
	 "  screening register. Industries: housing municipal transport water railway other\n"
	 "  manufacturing catering services small_business individual (default all). Causes:\n"
	 "  owner_late government_project cash_flow subcontracting quantity_dispute other.\n"
	 "  An entry is cleared and closed only with evidence: successful payments of its\n"
	 "  project, or a concluded case against its enterprise.\n"},

	{"help", cmd_help, "show help for a command", "wageguard help [COMMAND]\n"},
};
const int cli_ncommands = (int)(sizeof cli_commands / sizeof cli_commands[0]);
