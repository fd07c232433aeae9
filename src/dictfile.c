/* dictfile.c: the shared line filter of the PETRARCH dictionary readers. */
#include "dictfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

tx_status tx_file_read(const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return TX_ERR_IO;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (n < cap - 1)
            break;
        char *bigger = realloc(buf, cap * 2);
        if (!bigger) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    int failed = ferror(f);
    int saved = errno;
    fclose(f);
    if (!buf)
        return TX_ERR_NOMEM;
    if (failed) {
        free(buf);
        errno = saved;
        return TX_ERR_IO;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return TX_OK;
}

tx_status tx_file_load(const char *path, tx_buffer_loader load, void *target,
                       tx_diag *diag)
{
    char *data;
    size_t len;
    tx_status st = tx_file_read(path, &data, &len);
    if (st != TX_OK)
        return st;
    st = load(target, path, data, len, diag);
    free(data);
    return st;
}

void tx_dictfile_init(tx_dictfile *file, const char *data, size_t len)
{
    memset(file, 0, sizeof(*file));
    file->data = data;
    file->len = len;
}

static int S_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* Removes <!-- --> comments from the line in place (into `out`), tracking multi-line state. */
static size_t S_strip_comments(tx_dictfile *file, const char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (file->in_comment) {
            const char *end = NULL;
            for (size_t j = i; j + 3 <= n; j++)
                if (memcmp(s + j, "-->", 3) == 0) {
                    end = s + j;
                    break;
                }
            if (!end)
                return o;
            i = (size_t)(end - s) + 3;
            file->in_comment = 0;
            continue;
        }
        if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
            file->in_comment = 1;
            i += 4;
            continue;
        }
        out[o++] = s[i++];
    }
    return o;
}

int tx_dictfile_next(tx_dictfile *file, const char **text, size_t *len, int keep_hash)
{
    static _Thread_local char line_buf[65536];
    while (file->pos < file->len) {
        const char *s = file->data + file->pos;
        const char *nl = memchr(s, '\n', file->len - file->pos);
        size_t n = nl ? (size_t)(nl - s) : file->len - file->pos;
        file->pos += n + (nl ? 1 : 0);
        file->line++;
        if (n >= sizeof(line_buf))
            n = sizeof(line_buf) - 1;  /* dictionary lines are short; a longer one is cut */
        size_t m = S_strip_comments(file, s, n, line_buf);
        size_t a = 0;
        while (a < m && S_space(line_buf[a]))
            a++;
        if (a < m && line_buf[a] == '#')
            continue;
        /* "<! ..." that is not a comment opener is a markup line (rule 1): skip it */
        if (m - a >= 2 && line_buf[a] == '<' && line_buf[a + 1] == '!')
            continue;
        if (!keep_hash) {
            char *hash = memchr(line_buf + a, '#', m - a);
            if (hash)
                m = (size_t)(hash - line_buf);
        }
        while (m > a && S_space(line_buf[m - 1]))
            m--;
        if (m == a)
            continue;
        *text = line_buf + a;
        *len = m - a;
        return 1;
    }
    return 0;
}

tx_status tx_dictfile_each(const char *data, size_t len, tx_line_handler line, void *ctx)
{
    tx_dictfile file;
    tx_dictfile_init(&file, data, len);
    const char *s;
    size_t n;
    tx_status st = TX_OK;
    while (st == TX_OK && tx_dictfile_next(&file, &s, &n, 0))
        st = line(ctx, s, n, file.line);
    return st;
}
