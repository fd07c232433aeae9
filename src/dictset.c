/* dictset.c: owns the lexicon and the dictionaries that share it. */
#include "dictset.h"

#include <string.h>

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
    }
    if (!d->lex || !d->actors || !d->agents || !d->verbs || !d->discards) {
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
