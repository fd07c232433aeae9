/* cli.h: what the subcommands of the tacitus command line share. */
#ifndef TX_CLI_H
#define TX_CLI_H

#include "dictset.h"

/* Exit statuses of the CLI contract (README). */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

int cmd_code(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_serve(int argc, char **argv);

/* Prints "tacitus: message" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Loads a file into the set or prints why not; returns 0 or -1. */
/* The data directory: see datadir.c for the search order. */
const char *cli_data_dir(void);

int cli_load(tx_dictset *set, tx_dict_kind kind, const char *path, tx_diag *diag);

#endif
