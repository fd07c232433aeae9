/* gdelt.h: writes stored events as rows of the GDELT 2.0 Events table (61 TAB-separated columns). */
#ifndef TX_GDELT_H
#define TX_GDELT_H

#include "buffer.h"
#include "diag.h"
#include "store.h"

/* Columns of a GDELT 2.0 Events row. */
#define TX_GDELT_COLUMNS 61

/* The ISO 3166-1 alpha-3 codes an actor code may start with. */
typedef struct tx_gdelt_countries tx_gdelt_countries;

/* Reads the country codes of a *.actors.tsv file (docs/dictionary-format.md): the code of
 * every "country" line.  Returns the set (free it with tx_gdelt_countries_free), or NULL
 * with *status (may be NULL) set to TX_ERR_IO (errno tells why) or TX_ERR_NOMEM. */
tx_gdelt_countries *tx_gdelt_countries_load(const char *path, tx_status *status);

/* The same from codes given one per 3 bytes ("USACHNRUS"); for tests.  NULL when out of
 * memory. */
tx_gdelt_countries *tx_gdelt_countries_of(const char *codes);

void tx_gdelt_countries_free(tx_gdelt_countries *countries);

int tx_gdelt_is_country(const tx_gdelt_countries *countries, const char *code);

/* The parts of an actor code GDELT splits it into. */
typedef struct {
    char code[TX_CODE_MAX];   /* the code without the "---" of an unnamed actor */
    char country[4];          /* first 3 letters when they are a country in `countries` */
    char known_group[4];      /* the first 3-letter chunk that is neither country nor type */
    char types[3][4];         /* CAMEO type chunks (GOV, MIL, ...), in order */
} tx_gdelt_actor;

void tx_gdelt_split_actor(const char *code, const tx_gdelt_countries *countries,
                          tx_gdelt_actor *out);

/* Appends one row (no header exists in GDELT files) and its newline; see docs/store.md for
 * how each column is filled.  `countries` may be NULL (no country codes).  Returns 0 or -1
 * when out of memory. */
int tx_gdelt_row(tx_buf *out, const tx_store_event *event, const tx_gdelt_countries *countries);

#endif
