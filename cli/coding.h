/* coding.h: the options `tacitus code` and `tacitus ingest` share: input format, dates, dictionaries. */
#ifndef TX_CLI_CODING_H
#define TX_CLI_CODING_H

#include "analysis.h"
#include "article.h"
#include "dictset.h"

#include <stdio.h>

enum { CLI_MAX_FILES = 64 };

typedef struct {
    const char *actors[CLI_MAX_FILES];
    int n_actors;
    const char *agents, *verbs, *discards, *date, *id, *input;
    int strict, keep_noise, unnamed;
} cli_coding;

/* Prints a command's usage: its head, the lines of these options, its own options. */
void cli_coding_usage(FILE *out, const char *head, const char *tail);

/* If argv[*i] is one of these options, takes it and its value (advancing *i) and returns 1;
 * returns 0 for any other argument. */
int cli_coding_take(cli_coding *coding, int argc, char **argv, int *i);

/* Checks the values taken; prints "tacitus: COMMAND: why" and returns -1 when one is bad. */
int cli_coding_check(const cli_coding *coding, const char *command);

/* Loads tacitus's own dictionaries, or the PETRARCH files named; -1 after a message. */
int cli_coding_load(const cli_coding *coding, const char *command, tx_dictset *set,
                    tx_diag *diag);

/* The input format of `path`: --input when given, else by name (article.h). */
tx_input_mode cli_coding_mode(const cli_coding *coding, const char *path);

/* The analyzer options these options ask for. */
void cli_coding_analysis(const cli_coding *coding, tx_analyzer_options *options);

/* An article's date as YYYYMMDD: its own, else --date, else today (UTC). */
int32_t cli_coding_date(const cli_coding *coding, const tx_article *article);

/* Seconds on a monotonic clock, for timings. */
double cli_seconds(void);

#endif
