/* source.c: reads a file or stream, inflating gzip data with zlib as it goes. */
#include "source.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

/* Compressed bytes are read in blocks of this size. */
enum { INPUT_SIZE = 64 * 1024 };

struct tx_source {
    FILE *file;
    int owns_file;             /* opened by tx_source_open: closed by tx_source_close */
    int gzip;                  /* the data is gzip: inflate it */
    int in_member;             /* gzip: inside a member, so the file may not end here */
    int ended;                 /* nothing more will be returned */
    tx_status status;
    size_t size_hint;
    unsigned long long file_bytes;  /* bytes read from the file so far */
    z_stream zlib;
    int zlib_ready;            /* inflateInit2 succeeded: inflateEnd is due */
    size_t plain_pos, plain_len;    /* plain data: bytes of `input` not yet returned */
    char problem[256];
    unsigned char input[INPUT_SIZE];
};

/* Records the first thing that went wrong; after it the source returns nothing more. */
static void S_problem(tx_source *source, tx_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void S_problem(tx_source *source, tx_status status, const char *fmt, ...)
{
    if (source->status == TX_OK) {
        source->status = status;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(source->problem, sizeof(source->problem), fmt, ap);
        va_end(ap);
    }
    source->ended = 1;
}

/* Reads the next block of the file into `input`.  Returns the bytes read; 0 at the end of
 * the file or when reading failed (the status then says so). */
static size_t S_read_block(tx_source *source)
{
    size_t n = fread(source->input, 1, sizeof(source->input), source->file);
    source->file_bytes += n;
    if (n == 0 && ferror(source->file))
        S_problem(source, TX_ERR_IO, "read error at byte %llu (%s)", source->file_bytes,
                  strerror(errno));
    return n;
}

/* Reads the first block and decides between plain and gzip data by its first two bytes. */
static void S_start(tx_source *source)
{
    off_t start = ftello(source->file);  /* a caller's stream need not be at its start */
    size_t n = S_read_block(source);
    source->gzip = n >= 2 && source->input[0] == 0x1F && source->input[1] == 0x8B;
    if (!source->gzip) {
        source->plain_len = n;
        struct stat st;
        int fd = fileno(source->file);
        if (source->status == TX_OK && start >= 0 && fd >= 0 && fstat(fd, &st) == 0 &&
            S_ISREG(st.st_mode) && st.st_size > start)
            source->size_hint = (size_t)(st.st_size - start);
        return;
    }
    /* 15 + 16: the largest window, gzip framing only (no zlib or raw deflate streams). */
    if (inflateInit2(&source->zlib, 15 + 16) != Z_OK) {
        S_problem(source, TX_ERR_NOMEM, "out of memory for gzip decompression");
        return;
    }
    source->zlib_ready = 1;
    source->in_member = 1;
    source->zlib.next_in = source->input;
    source->zlib.avail_in = (uInt)n;
}

static tx_source *S_new(FILE *file, int owns_file)
{
    tx_source *source = calloc(1, sizeof(*source));
    if (!source)
        return NULL;
    source->file = file;
    source->owns_file = owns_file;
    S_start(source);
    return source;
}

tx_source *tx_source_open(const char *path, tx_status *status)
{
    FILE *file = fopen(path, "rb");
    tx_source *source = file ? S_new(file, 1) : NULL;
    if (file && !source) {
        fclose(file);
        errno = ENOMEM;
    }
    if (status)
        *status = source ? TX_OK : file ? TX_ERR_NOMEM : TX_ERR_IO;
    return source;
}

tx_source *tx_source_wrap(FILE *file) { return S_new(file, 0); }

/* Where in the file the inflater is: the bytes read minus those not yet consumed. */
static unsigned long long S_consumed(const tx_source *source)
{
    return source->file_bytes - source->zlib.avail_in;
}

/* After a gzip member ends: another may follow.  Anything else after it is ignored, as
 * gunzip does with trailing zeros (tar padding). */
static void S_next_member(tx_source *source)
{
    source->in_member = 0;
    if (source->zlib.avail_in == 0) {
        source->zlib.avail_in = (uInt)S_read_block(source);
        source->zlib.next_in = source->input;
    }
    if (source->zlib.avail_in == 0 || source->zlib.next_in[0] != 0x1F) {
        source->ended = 1;
        return;
    }
    inflateReset(&source->zlib);
    source->in_member = 1;
}

static size_t S_inflate(tx_source *source, char *buf, size_t cap)
{
    z_stream *z = &source->zlib;
    z->next_out = (unsigned char *)buf;
    z->avail_out = (uInt)TX_MIN(cap, (size_t)UINT32_MAX);
    uInt wanted = z->avail_out;
    while (z->avail_out == wanted && !source->ended) {
        if (z->avail_in == 0) {
            z->avail_in = (uInt)S_read_block(source);
            z->next_in = source->input;
            if (z->avail_in == 0) {
                if (source->status == TX_OK)
                    S_problem(source, TX_ERR_SYNTAX,
                              "truncated gzip data: the file ends at byte %llu, inside the "
                              "compressed stream", source->file_bytes);
                break;
            }
        }
        int rc = inflate(z, Z_NO_FLUSH);
        if (rc == Z_STREAM_END)
            S_next_member(source);
        else if (rc == Z_MEM_ERROR)
            S_problem(source, TX_ERR_NOMEM, "out of memory for gzip decompression");
        else if (rc != Z_OK && !(rc == Z_BUF_ERROR && z->avail_in == 0))
            S_problem(source, TX_ERR_SYNTAX, "corrupt gzip data at byte %llu (%s)",
                      S_consumed(source), z->msg ? z->msg : "unexpected data");
    }
    return wanted - z->avail_out;
}

static size_t S_read_plain(tx_source *source, char *buf, size_t cap)
{
    if (source->plain_pos < source->plain_len) {
        size_t n = TX_MIN(cap, source->plain_len - source->plain_pos);
        memcpy(buf, source->input + source->plain_pos, n);
        source->plain_pos += n;
        return n;
    }
    size_t n = fread(buf, 1, cap, source->file);
    source->file_bytes += n;
    if (n == 0) {
        if (ferror(source->file))
            S_problem(source, TX_ERR_IO, "read error at byte %llu (%s)", source->file_bytes,
                      strerror(errno));
        source->ended = 1;
    }
    return n;
}

size_t tx_source_read(tx_source *source, char *buf, size_t cap)
{
    if (source->ended || cap == 0)
        return 0;
    return source->gzip ? S_inflate(source, buf, cap) : S_read_plain(source, buf, cap);
}

tx_status tx_source_status(const tx_source *source) { return source->status; }

const char *tx_source_problem(const tx_source *source) { return source->problem; }

int tx_source_compressed(const tx_source *source) { return source->gzip; }

size_t tx_source_size_hint(const tx_source *source) { return source->size_hint; }

void tx_source_close(tx_source *source)
{
    if (!source)
        return;
    if (source->zlib_ready)
        inflateEnd(&source->zlib);
    if (source->owns_file)
        fclose(source->file);
    free(source);
}
