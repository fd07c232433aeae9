/* arena.h: bump allocator for data that lives as long as a dictionary. */
#ifndef TX_ARENA_H
#define TX_ARENA_H

#include "common.h"

typedef struct tx_arena_block tx_arena_block;

typedef struct {
    tx_arena_block *head;  /* owned chain of blocks, newest first */
    size_t used;           /* bytes used in head */
    size_t total;          /* bytes handed out, for statistics */
} tx_arena;

#define TX_ARENA_INIT {NULL, 0, 0}

/* Returns `size` bytes aligned for any type, owned by the arena; NULL when out of memory. */
void *tx_arena_alloc(tx_arena *arena, size_t size);
/* Copies `n` bytes and a NUL into the arena. */
char *tx_arena_strndup(tx_arena *arena, const char *s, size_t n);
void tx_arena_free(tx_arena *arena);

#endif
