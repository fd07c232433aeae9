/* dictfile.h: reads dictionary files line by line with PETRARCH's comment rules. */
#ifndef TX_DICTFILE_H
#define TX_DICTFILE_H

#include "diag.h"

/* Reads a whole file into a NUL-terminated malloc'd buffer the caller frees.
 * Returns TX_OK, TX_ERR_IO (errno tells why) or TX_ERR_NOMEM. */
tx_status tx_file_read(const char *path, char **data, size_t *len);

/* Reads `path` whole and hands it to `load` (a reader's load_buffer, with the path as the
 * name in messages); frees it after.  Returns TX_ERR_IO, TX_ERR_NOMEM or what `load` does. */
typedef tx_status (*tx_buffer_loader)(void *target, const char *name, const char *data,
                                      size_t len, tx_diag *diag);
tx_status tx_file_load(const char *path, tx_buffer_loader load, void *target,
                       tx_diag *diag);

typedef struct {
    const char *data;     /* not owned */
    size_t len, pos;
    unsigned long line;   /* 1-based number of the line last returned */
    int in_comment;       /* inside a multi-line <!-- ... --> */
} tx_dictfile;

void tx_dictfile_init(tx_dictfile *file, const char *data, size_t len);

/* Returns the next content line in *text and *len (not NUL-terminated, trimmed of white space at
 * both ends), or 0 at the end.  Applies DICTIONARY_FORMATS.md §1 with standard comment
 * semantics: blank lines and lines starting with # are skipped; from the first # on a line
 * is cut unless `keep_hash`; <!-- ... --> comments are removed, also across lines. */
int tx_dictfile_next(tx_dictfile *file, const char **text, size_t *len, int keep_hash);

/* Calls `line` for each content line of data[0..len) (tx_dictfile_next rules, # comments
 * cut) with its 1-based number, until it returns something other than TX_OK. */
typedef tx_status (*tx_line_handler)(void *ctx, const char *text, size_t len,
                                     unsigned long number);
tx_status tx_dictfile_each(const char *data, size_t len, tx_line_handler line, void *ctx);

#endif
