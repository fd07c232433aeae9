/* dbopts.h: what the database commands (ingest, query, stats, export) share: opening, filters, event output. */
#ifndef TX_CLI_DBOPTS_H
#define TX_CLI_DBOPTS_H

#include "buffer.h"
#include "store.h"

/* The filter options, documented once for every command's usage. */
#define CLI_FILTER_USAGE                                                                   \
    "  --source PREFIX      source actor code starts with PREFIX (USA matches USAGOV)\n"   \
    "  --target PREFIX      target actor code starts with PREFIX\n"                        \
    "  --code PREFIX        CAMEO event code starts with PREFIX\n"                         \
    "  --root RR            CAMEO root (01..20)\n"                                         \
    "  --from YYYY-MM-DD    events on or after the day\n"                                  \
    "  --to YYYY-MM-DD      events on or before the day\n"                                 \
    "  --certainty LIST     mentions that count: asserted,reported,hypothetical,negated\n" \
    "                       or all (default asserted,reported)\n"                          \
    "  --text QUERY         events with a mention whose sentence matches the FTS5 query\n"

/* Opens the database or prints "tacitus: PATH: why"; NULL then. */
tx_store *cli_store_open(const char *path, tx_store_mode mode);

/* Reads a filter option at argv[*i] (its value at argv[*i + 1]) into *filter, advancing *i
 * past the value.  Returns 1 when the option was one, 0 when it is not a filter option, -1
 * (message printed, naming `command`) when its value is wrong or missing. */
int cli_filter_option(const char *command, int argc, char **argv, int *i, tx_store_filter *filter);

/* Prints why reading failed: "tacitus: COMMAND: PATH: why"; returns EXIT_INPUT or EXIT_USAGE. */
int cli_store_failed(const char *command, const char *path, tx_store *store, tx_status status);

/* An event as a JSON object with the fields of `tacitus code` event records plus
 * num_mentions, num_sources, num_articles; then a newline. */
void cli_event_jsonl(tx_buf *out, const tx_store_event *event);

/* CSV (RFC 4180) header and rows, and a readable table. */
void cli_event_csv_header(tx_buf *out);
void cli_event_csv(tx_buf *out, const tx_store_event *event);
void cli_event_table_header(tx_buf *out);
void cli_event_table(tx_buf *out, const tx_store_event *event);

/* "YYYY-MM-DD" of YYYYMMDD. */
void cli_format_date(int32_t date, char out[16]);

#endif
