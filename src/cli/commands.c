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
	 "        allocations payroll payments calendar\n"
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
	 "  Recorded in the ledger against the current version of the line; a dispute waits\n"
	 "  for the cases module.\n"},
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

	/* deposits and the emergency wage fund (SPEC §7–8) */

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

	{"help", cmd_help, "show help for a command", "wageguard help [COMMAND]\n"},
};
const int cli_ncommands = (int)(sizeof cli_commands / sizeof cli_commands[0]);
