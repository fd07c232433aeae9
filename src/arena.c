/* arena.c: bump allocator; dictionaries free everything at once. */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

enum { BLOCK_SIZE = 64 * 1024 };

struct tx_arena_block {
    tx_arena_block *next;
    size_t size;
    max_align_t data[];
};

void *tx_arena_alloc(tx_arena *arena, size_t size)
{
    size_t align = sizeof(max_align_t);
    size = (size + align - 1) / align * align;
    if (!arena->head || arena->used + size > arena->head->size) {
        size_t block = size > BLOCK_SIZE ? size : BLOCK_SIZE;
        tx_arena_block *b = malloc(sizeof(*b) + block);
        if (!b)
            return NULL;
        b->size = block;
        /* A large request gets its own block behind the head so the head keeps its room. */
        if (size > BLOCK_SIZE / 4 && arena->head) {
            b->next = arena->head->next;
            arena->head->next = b;
            arena->total += size;
            return b->data;
        }
        b->next = arena->head;
        arena->head = b;
        arena->used = 0;
    }
    void *p = (char *)arena->head->data + arena->used;
    arena->used += size;
    arena->total += size;
    return p;
}

char *tx_arena_strndup(tx_arena *arena, const char *s, size_t n)
{
    char *p = tx_arena_alloc(arena, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void tx_arena_free(tx_arena *arena)
{
    tx_arena_block *b = arena->head;
    while (b) {
        tx_arena_block *next = b->next;
        free(b);
        b = next;
    }
    arena->head = NULL;
    arena->used = arena->total = 0;
}
