/* cameo.c: loads the CAMEO code table and answers code look-ups in constant time. */
#include "cameo.h"

#include "arena.h"
#include "dictfile.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Every code of 2 to 4 digits has its own slot, so a look-up is a parse and an index rather
 * than a search: 100 two-digit + 1000 three-digit + 10000 four-digit codes. */
enum { SLOT_COUNT = 100 + 1000 + 10000 };

struct tx_cameo {
    tx_cameo_code *codes;  /* owned; sorted by code once loaded */
    size_t count, cap;
    uint16_t *slots;       /* owned; SLOT_COUNT entries of index + 1, 0 for "no such code" */
    tx_arena names;        /* the names */
};

static int S_digit(char c) { return c >= '0' && c <= '9'; }

/* The slot of a code of 2 to 4 digits, or -1 for anything else. */
static int S_slot(const char *code, size_t n)
{
    if (n < 2 || n > TX_CAMEO_CODE_MAX)
        return -1;
    int value = 0;
    for (size_t i = 0; i < n; i++) {
        if (!S_digit(code[i]))
            return -1;
        value = value * 10 + (code[i] - '0');
    }
    static const int base[] = {0, 0, 0, 100, 1100};
    return base[n] + value;
}

/* The root 1..20 of a code, or 0 when its first two characters are not such a root. */
static int S_root_number(const char *code)
{
    if (!code || !S_digit(code[0]) || !S_digit(code[1]))
        return 0;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    return root >= 1 && root <= 20 ? root : 0;
}

int tx_cameo_quad_class(const char *code)
{
    int root = S_root_number(code);
    if (root == 0)
        return 0;
    return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

void tx_cameo_root(const char *code, char root[3])
{
    if (S_root_number(code)) {
        root[0] = code[0];
        root[1] = code[1];
        root[2] = '\0';
    } else {
        root[0] = '\0';
    }
}

void tx_cameo_free(tx_cameo *cameo)
{
    if (!cameo)
        return;
    free(cameo->codes);
    free(cameo->slots);
    tx_arena_free(&cameo->names);
    free(cameo);
}

size_t tx_cameo_count(const tx_cameo *cameo) { return cameo ? cameo->count : 0; }

const tx_cameo_code *tx_cameo_at(const tx_cameo *cameo, size_t i)
{
    return cameo && i < cameo->count ? &cameo->codes[i] : NULL;
}

const tx_cameo_code *tx_cameo_find(const tx_cameo *cameo, const char *code)
{
    if (!cameo || !code)
        return NULL;
    int slot = S_slot(code, strnlen(code, TX_CAMEO_CODE_MAX + 1));
    if (slot < 0 || cameo->slots[slot] == 0)
        return NULL;
    return &cameo->codes[cameo->slots[slot] - 1];
}

static void S_trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\r'))
        (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\r'))
        (*n)--;
}

/* Splits a line at tabs into exactly three trimmed fields; returns 0 on any other count. */
static int S_split3(const char *line, size_t len, const char *field[3], size_t size[3])
{
    size_t count = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && line[i] != '\t')
            continue;
        if (count == 3)
            return 0;
        field[count] = line + start;
        size[count] = i - start;
        S_trim(&field[count], &size[count]);
        count++;
        start = i + 1;
    }
    return count == 3;
}

/* Parses a Goldstein weight: a whole decimal field within -10..10. */
static int S_parse_goldstein(const char *s, size_t n, double *out)
{
    char text[32];
    if (n == 0 || n >= sizeof(text))
        return 0;
    memcpy(text, s, n);
    text[n] = '\0';
    char *end;
    errno = 0;
    double value = strtod(text, &end);
    if (errno || end != text + n || !isfinite(value) || value < -10.0 || value > 10.0)
        return 0;
    *out = value;
    return 1;
}

static int S_grow(tx_cameo *cameo)
{
    if (cameo->count < cameo->cap)
        return 0;
    size_t cap = cameo->cap ? cameo->cap * 2 : 512;
    tx_cameo_code *codes = realloc(cameo->codes, cap * sizeof(*codes));
    if (!codes)
        return -1;
    cameo->codes = codes;
    cameo->cap = cap;
    return 0;
}

/* Adds one content line.  Returns 0 (added or reported) or -1 when out of memory. */
static int S_add_line(tx_cameo *cameo, const char *name, unsigned long line_no, const char *line,
                      size_t len, tx_diag *diag)
{
    const char *field[3];
    size_t size[3];
    if (!S_split3(line, len, field, size)) {
        tx_diag_report(diag, name, line_no,
                       "expected three tab-separated fields: code, Goldstein weight, name");
        return 0;
    }
    int slot = S_slot(field[0], size[0]);
    if (slot < 0 || !S_root_number(field[0])) {
        tx_diag_report(diag, name, line_no,
                       "expected a code of 2 to 4 digits starting with a root 01-20, got \"%.*s\"",
                       (int)TX_MIN(size[0], 40), field[0]);
        return 0;
    }
    double goldstein;
    if (!S_parse_goldstein(field[1], size[1], &goldstein)) {
        tx_diag_report(diag, name, line_no,
                       "expected a Goldstein weight from -10 to 10, got \"%.*s\"",
                       (int)TX_MIN(size[1], 40), field[1]);
        return 0;
    }
    if (size[2] == 0) {
        tx_diag_report(diag, name, line_no, "expected a name after the Goldstein weight");
        return 0;
    }
    if (cameo->slots[slot]) {
        tx_diag_report(diag, name, line_no, "expected each code once; %.*s is already defined",
                       (int)size[0], field[0]);
        return 0;
    }
    if (S_grow(cameo) < 0)
        return -1;
    tx_cameo_code *entry = &cameo->codes[cameo->count];
    memset(entry, 0, sizeof(*entry));
    memcpy(entry->code, field[0], size[0]);
    tx_cameo_root(entry->code, entry->root);
    entry->quad_class = tx_cameo_quad_class(entry->code);
    entry->goldstein = goldstein;
    entry->name = tx_arena_strndup(&cameo->names, field[2], size[2]);
    if (!entry->name)
        return -1;
    cameo->count++;
    cameo->slots[slot] = (uint16_t)cameo->count;
    return 0;
}

static int S_compare_codes(const void *a, const void *b)
{
    return strcmp(((const tx_cameo_code *)a)->code, ((const tx_cameo_code *)b)->code);
}

/* Sorting moves the entries, so the slots are rebuilt afterwards. */
static void S_sort(tx_cameo *cameo)
{
    if (cameo->count > 1)
        qsort(cameo->codes, cameo->count, sizeof(*cameo->codes), S_compare_codes);
    for (size_t i = 0; i < cameo->count; i++) {
        const char *code = cameo->codes[i].code;
        cameo->slots[S_slot(code, strlen(code))] = (uint16_t)(i + 1);
    }
}

static tx_cameo *S_fail(tx_cameo *cameo, tx_status *status, tx_status why)
{
    tx_cameo_free(cameo);
    if (status)
        *status = why;
    return NULL;
}

tx_cameo *tx_cameo_load_buffer(const char *name, const char *data, size_t len, tx_diag *diag,
                               tx_status *status)
{
    tx_cameo *cameo = calloc(1, sizeof(*cameo));
    if (!cameo)
        return S_fail(NULL, status, TX_ERR_NOMEM);
    cameo->slots = calloc(SLOT_COUNT, sizeof(*cameo->slots));
    if (!cameo->slots)
        return S_fail(cameo, status, TX_ERR_NOMEM);
    tx_dictfile file;
    tx_dictfile_init(&file, data, len);
    const char *line;
    size_t line_len;
    /* keep_hash: only whole-line comments exist in this format, so a # in a name survives. */
    while (tx_dictfile_next(&file, &line, &line_len, 1))
        if (S_add_line(cameo, name, file.line, line, line_len, diag) < 0)
            return S_fail(cameo, status, TX_ERR_NOMEM);
    if (cameo->count == 0) {
        tx_diag_report(diag, name, file.line, "expected at least one CAMEO code");
        return S_fail(cameo, status, TX_ERR_SYNTAX);
    }
    S_sort(cameo);
    if (status)
        *status = TX_OK;
    return cameo;
}

tx_cameo *tx_cameo_load(const char *path, tx_diag *diag, tx_status *status)
{
    char *data;
    size_t len;
    tx_status read = tx_file_read(path, &data, &len);
    if (read != TX_OK)
        return S_fail(NULL, status, read);
    tx_cameo *cameo = tx_cameo_load_buffer(path, data, len, diag, status);
    free(data);
    return cameo;
}
