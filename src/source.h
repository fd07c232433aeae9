/* source.h: a stream of bytes from a file, a gzip file or a stream the caller opened. */
#ifndef TX_SOURCE_H
#define TX_SOURCE_H

#include "common.h"

#include <stdio.h>

typedef struct tx_source tx_source;

/* Opens `path` for reading.  Data that starts with the gzip magic bytes, whatever the
 * file's name, is decompressed as it is read (several gzip members one after another are
 * one stream, as with gunzip).  Returns a source the caller closes with tx_source_close, or
 * NULL with *status (may be NULL) set to TX_ERR_IO (errno tells why) or TX_ERR_NOMEM. */
tx_source *tx_source_open(const char *path, tx_status *status);

/* The same over a stream the caller keeps (standard input): tx_source_close leaves it open.
 * Returns NULL only when out of memory. */
tx_source *tx_source_wrap(FILE *file);

/* Reads up to `cap` bytes into buf.  Returns how many: fewer than `cap` only near the end,
 * 0 at the end of the data or once something went wrong (tx_source_status tells which).
 * Bytes read before a failure were good; nothing after it is returned. */
size_t tx_source_read(tx_source *source, char *buf, size_t cap);

/* TX_OK; TX_ERR_SYNTAX when the compressed data is truncated or corrupt; TX_ERR_IO when
 * reading the file failed; TX_ERR_NOMEM.  Once set it stays. */
tx_status tx_source_status(const tx_source *source);

/* Why the status is not TX_OK, naming the byte of the file where it happened ("truncated
 * gzip data: the file ends at byte 4096"); "" while all is well.  Owned by the source. */
const char *tx_source_problem(const tx_source *source);

/* Is the data gzip-compressed? */
int tx_source_compressed(const tx_source *source);

/* How many bytes the data has, when known before reading it (a regular file that is not
 * compressed); else 0.  Lets a reader size its buffer once. */
size_t tx_source_size_hint(const tx_source *source);

/* Closes the file if tx_source_open opened it and frees the source.  NULL is allowed. */
void tx_source_close(tx_source *source);

#endif
