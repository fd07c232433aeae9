/* dictset.c: owns the lexicon and the dictionaries that share it. */
#include "dictset.h"

#include "entities.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

tx_status tx_dictset_init(tx_dictset *set)
{
    memset(set, 0, sizeof(*set));
    tx_dictionaries *d = &set->dict;
    d->lex = tx_lexicon_new();
    if (d->lex) {
        d->actors = tx_actors_new(d->lex);
        d->agents = tx_agents_new(d->lex);
        d->verbs = tx_verbs_new(d->lex);
        d->discards = tx_discards_new();
        d->entities = tx_entities_new();
    }
    if (!d->lex || !d->actors || !d->agents || !d->verbs || !d->discards || !d->entities) {
        tx_dictset_free(set);
        return TX_ERR_NOMEM;
    }
    return TX_OK;
}

void tx_dictset_free(tx_dictset *set)
{
    tx_dictionaries *d = &set->dict;
    tx_actors_free(d->actors);
    tx_agents_free(d->agents);
    tx_verbs_free(d->verbs);
    tx_discards_free(d->discards);
    tx_entities_free(d->entities);
    tx_lexicon_free(d->lex);
    memset(set, 0, sizeof(*set));
}

tx_status tx_dictset_load(tx_dictset *set, tx_dict_kind kind, const char *path, tx_diag *diag)
{
    tx_dictionaries *d = &set->dict;
    tx_status status = TX_ERR_USAGE;
    switch (kind) {
    case TX_DICT_ACTORS: status = tx_actors_load(d->actors, path, diag); break;
    case TX_DICT_AGENTS: status = tx_agents_load(d->agents, path, diag); break;
    case TX_DICT_VERBS: status = tx_verbs_load(d->verbs, path, diag); break;
    case TX_DICT_DISCARDS: status = tx_discards_load(d->discards, path, diag); break;
    }
    if (status == TX_OK)
        set->files++;
    return status;
}

static int S_by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.actors.tsv files of dir, sorted; the caller frees the array and its strings. */
static char **S_actor_files(const char *dir, size_t *count)
{
    *count = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **names = NULL;
    size_t cap = 0;
    struct dirent *entry;
    while ((entry = readdir(d))) {
        size_t n = strlen(entry->d_name);
        if (n <= 11 || strcmp(entry->d_name + n - 11, ".actors.tsv") != 0)
            continue;
        if (*count == cap) {
            cap = cap ? cap * 2 : 16;
            char **more = realloc(names, cap * sizeof(*names));
            if (!more)
                break;
            names = more;
        }
        if (!(names[*count] = strdup(entry->d_name)))
            break;
        (*count)++;
    }
    closedir(d);
    if (names)
        qsort(names, *count, sizeof(*names), S_by_name);
    return names;
}

tx_status tx_dictset_load_default(tx_dictset *set, const char *dir, tx_diag *diag,
                                  const char **failed)
{
    static char path[4096];
    tx_dictionaries *d = &set->dict;
    tx_status st = TX_OK;
    size_t count;
    snprintf(path, sizeof(path), "%s/dict", dir);
    char **names = S_actor_files(path, &count);
    for (size_t i = 0; i < count; i++) {
        if (st == TX_OK) {
            snprintf(path, sizeof(path), "%s/dict/%s", dir, names[i]);
            st = tx_entities_load_actors(d->entities, d->actors, path, diag);
            set->files += st == TX_OK;
        }
        free(names[i]);
    }
    free(names);
    if (st == TX_OK && count == 0) {
        snprintf(path, sizeof(path), "%s/dict/*.actors.tsv", dir);
        st = TX_ERR_IO;
    }
    if (st == TX_OK) {
        snprintf(path, sizeof(path), "%s/gazetteer.tsv", dir);
        if (access(path, R_OK) == 0 &&
            (st = tx_entities_load_places(d->entities, d->actors, path, diag)) == TX_OK)
            set->files++;
    }
    if (st == TX_OK) {
        snprintf(path, sizeof(path), "%s/dict/agents.tsv", dir);
        if ((st = tx_entities_load_agents(d->agents, path, diag)) == TX_OK)
            set->files++;
    }
    if (st == TX_OK) {
        snprintf(path, sizeof(path), "%s/dict/verbs.txt", dir);
        if ((st = tx_verbs_load(d->verbs, path, diag)) == TX_OK)
            set->files++;
    }
    if (st == TX_OK) {
        snprintf(path, sizeof(path), "%s/dict/discards.txt", dir);
        if (access(path, R_OK) == 0 && (st = tx_discards_load(d->discards, path, diag)) == TX_OK)
            set->files++;
    }
    if (failed)
        *failed = st == TX_OK ? NULL : path;
    return st;
}
