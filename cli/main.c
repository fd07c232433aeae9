/* main.c: the tacitus command line; each subcommand lives in its own cli/cmd_*.c. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: tacitus COMMAND [options] [FILE...]\n"
    "\n"
    "commands:\n"
    "  code       code articles (text, HTML or JSON Lines) into CAMEO events, as JSON Lines\n"
    "  validate   run PETRARCH validation records against their dictionaries\n"
    "  extract    extract the articles of HTML pages as JSON Lines\n"
    "  ingest     code articles into a SQLite event database\n"
    "  query      list the events of a database\n"
    "  stats      count a database's events by period, dyad, actor or code\n"
    "  export     write a database's events as GDELT TSV, JSON Lines or CSV\n"
    "  serve      serve a database over HTTP with a web dashboard\n"
    "\n"
    "Run 'tacitus COMMAND --help' for the options of a command.\n";

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("tacitus: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_load(tx_dictset *set, tx_dict_kind kind, const char *path, tx_diag *diag)
{
    tx_status status = tx_dictset_load(set, kind, path, diag);
    if (status == TX_OK)
        return 0;
    if (status == TX_ERR_IO)
        cli_error("%s: %s", path, strerror(errno));
    else
        cli_error("%s: %s", path, tx_status_name(status));
    return -1;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    static const struct {
        const char *name;
        int (*run)(int, char **);
    } commands[] = {
        {"code", cmd_code},     {"validate", cmd_validate}, {"extract", cmd_extract},
        {"ingest", cmd_ingest}, {"query", cmd_query},       {"stats", cmd_stats},
        {"export", cmd_export}, {"serve", cmd_serve},
    };
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    cli_error("unknown command '%s'", argv[1]);
    fputs(usage, stderr);
    return EXIT_USAGE;
}
