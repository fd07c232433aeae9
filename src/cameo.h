/* cameo.h: the CAMEO event code table: names, Goldstein weights, roots and quad classes. */
#ifndef TX_CAMEO_H
#define TX_CAMEO_H

#include "diag.h"

typedef struct tx_cameo tx_cameo;

/* Longest code the table holds ("0232"), not counting the NUL. */
#define TX_CAMEO_CODE_MAX 4

typedef struct {
    char code[TX_CAMEO_CODE_MAX + 1];  /* "0232": 2 to 4 digits */
    char root[3];                      /* "02": the first two digits */
    int quad_class;                    /* 1..4, see tx_cameo_quad_class */
    double goldstein;                  /* -10 (conflict) .. +10 (cooperation) */
    const char *name;                  /* short label; owned by the table */
} tx_cameo_code;

/* Reads a code table in the format documented at the top of data/cameo.tsv: lines of
 * "code<TAB>goldstein<TAB>name", # comments and blank lines ignored.  Each malformed or
 * duplicate line is reported to `diag` (may be NULL: stderr) as "path:line: expected ..." and
 * skipped.  Returns a table the caller frees with tx_cameo_free and sets *status to TX_OK
 * (even with reported problems: diag->count tells), or returns NULL with *status set to
 * TX_ERR_IO (errno tells why), TX_ERR_NOMEM, or TX_ERR_SYNTAX when not a single line was
 * usable.  `status` may be NULL. */
tx_cameo *tx_cameo_load(const char *path, tx_diag *diag, tx_status *status);

/* The same from memory; `name` stands for the file in diagnostics.  `data` need not be
 * NUL-terminated and is not kept. */
tx_cameo *tx_cameo_load_buffer(const char *name, const char *data, size_t len, tx_diag *diag,
                               tx_status *status);

void tx_cameo_free(tx_cameo *cameo);

size_t tx_cameo_count(const tx_cameo *cameo);

/* The i-th code in strcmp order ("01" < "010" < "011" < ... < "02" < "020"), for listing the
 * table; NULL when i is out of range.  Owned by the table. */
const tx_cameo_code *tx_cameo_at(const tx_cameo *cameo, size_t i);

/* The entry of `code` (exact match, "0232"), or NULL when the table has no such code.
 * Owned by the table; valid until tx_cameo_free. */
const tx_cameo_code *tx_cameo_find(const tx_cameo *cameo, const char *code);

/* GDELT's quad class of any code string, table or not (validation dictionaries use codes such
 * as "174K"): 1 verbal cooperation (roots 01-05), 2 material cooperation (06-09), 3 verbal
 * conflict (10-14), 4 material conflict (15-20); 0 when the code does not start with two
 * digits forming a root 01-20 ("901", "---", "", NULL). */
int tx_cameo_quad_class(const char *code);

/* Writes the root of any code string to root[] ("0232" → "02", "174K" → "17"), or "" when
 * the code has no root by the rule of tx_cameo_quad_class. */
void tx_cameo_root(const char *code, char root[3]);

#endif
