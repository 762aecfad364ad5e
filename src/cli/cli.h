/* cli.h — the subcommands of the wageguard binary: one file each under src/cli/, one
 * signature, one row in the table in commands.c (git's builtin/ and commands[]). */
#ifndef WG_CLI_H
#define WG_CLI_H
#include <stdbool.h>
#include <stddef.h>

/* Options every subcommand shares, parsed by main before dispatch. */
struct cli_global {
	const char *db; /* --db, else $WAGEGUARD_DB, else "./wageguard.db" */
};

/* A subcommand: argv[0] is the subcommand's name, options follow. Returns the process exit
 * status: 0 success, 1 the work failed (bad input, conflicts), 2 usage error. */
typedef int cli_fn(int argc, char **argv, const struct cli_global *g);

struct cli_command {
	const char *name;
	cli_fn *fn;
	const char *summary; /* one line for `wageguard help` */
	const char *usage;   /* full text for `wageguard help NAME` */
};

/* The command table (commands.c) and its length. */
extern const struct cli_command cli_commands[];
extern const int cli_ncommands;
extern const char cli_main_usage[]; /* "usage: wageguard [--db …] COMMAND [ARGS]\n" */

cli_fn cmd_init, cmd_import, cmd_show, cmd_ledger, cmd_help, cmd_gen, cmd_demo, cmd_scan,
	cmd_warnings, cmd_config, cmd_payslip, cmd_payroll, cmd_user, cmd_serve;
/* notices and exports */
cli_fn cmd_notice, cmd_export, cmd_import_sif;
/* credit and the dishonest-employer list (SPEC §9) */
cli_fn cmd_credit, cmd_list;
/* relief (SPEC §11) */
cli_fn cmd_case, cmd_document;
struct doc;
/* Writes a relief document as fmt ("html", "pdf" or "json") to dest (NULL or "-": standard
 * output) through cli_out. 0, or 1 after printing why (cli/document.c). */
int relief_write_doc(const struct doc *d, const char *fmt, const char *dest);
/* deposits and the fund (SPEC §7–8) */
cli_fn cmd_deposit, cmd_project, cmd_fund;
/* supervision (SPEC §10) */
cli_fn cmd_inspector, cmd_inspection, cmd_rectify, cmd_draw, cmd_campaign;

/* Prints "wageguard NAME: usage: ..." for cmd to stderr and returns 2. */
int cli_usage(const char *name);

struct store;
struct msg;
/* An import_report_fn (domain/import.h) printing each problem on stderr in the CLI's
 * language as FILE:LINE: column 'NAME': message; ctx non-NULL says "field" instead (SIF). */
void cli_print_problem(void *ctx, const char *file, long line, const char *col,
		       const struct msg *m);

/* Opens the database of g, printing why on stderr when it fails. Returns the store or NULL. */
struct store *cli_open_store(const struct cli_global *g);

/* The directory of the built web UI to serve: given (--web DIR) when not NULL, else
 * $WAGEGUARD_WEB when set, else the first holding index.html of PREFIX/share/wageguard/web
 * beside the binary (PREFIX/bin, where `make install` puts both) and web/dist of the source
 * tree the binary was built in (build/wageguard). Fills dir (n bytes) with it and returns
 * true when it holds index.html; otherwise fills looked (lookedsz bytes) with the places it
 * looked at, comma-separated, and returns false. */
bool cli_web_dir(const char *given, char *dir, size_t n, char *looked, size_t lookedsz);

/* Where a command's file output goes: FILE, written through a temporary file beside it
 * that is renamed into place only when complete, or standard output (dest NULL or "-"),
 * through a temporary file copied out at the end. Writers open `path` themselves. */
struct cli_out {
	const char *dest; /* NULL: standard output */
	char path[4096];  /* the temporary file to write */
};
/* Creates the temporary file. binary: refuse a terminal as standard output. Returns 0, or
 * 1 after printing why (prefix names the command). */
int cli_out_open(struct cli_out *o, const char *dest, bool binary, const char *prefix);
/* Moves the finished file into place (or copies it to standard output). 0 or 1 (printed). */
int cli_out_commit(struct cli_out *o, const char *prefix);
/* Removes the temporary file after a failure. */
void cli_out_abort(struct cli_out *o);
#endif
