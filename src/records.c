/* records.c: the validation-record reader, on libxml2's tree parser. */
#include "records.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int S_name(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static char *S_attr(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *copy = strdup((const char *)v);
    xmlFree(v);
    return copy;
}

/* Element text with white space runs (newlines included) folded to one blank. */
static char *S_text(const xmlNode *n)
{
    xmlChar *raw = xmlNodeGetContent(n);
    if (!raw)
        return strdup("");
    size_t len = strlen((const char *)raw), o = 0;
    char *out = malloc(len + 1);
    if (out) {
        int space = 1;
        for (size_t i = 0; i < len; i++) {
            char ch = (char)raw[i];
            if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
                if (!space)
                    out[o++] = ' ';
                space = 1;
            } else {
                out[o++] = ch;
                space = 0;
            }
        }
        while (o > 0 && out[o - 1] == ' ')
            o--;
        out[o] = '\0';
    }
    xmlFree(raw);
    return out;
}

/* As the old validator read booleans: false iff the lower-cased value contains "false". */
static int S_false(const char *value)
{
    for (const char *p = value; p && *p; p++)
        if (strncasecmp(p, "false", 5) == 0)
            return 1;
    return 0;
}

static void S_config(tx_coder_options *o, const xmlNode *n)
{
    char *option = S_attr(n, "option"), *value = S_attr(n, "value");
    if (option && value) {
        int number = atoi(value);
        if (strcmp(option, "require_dyad") == 0) o->require_dyad = !S_false(value);
        else if (strcmp(option, "new_actor_length") == 0) o->new_actor_length = number;
        else if (strcmp(option, "comma_min") == 0) o->comma_min = number;
        else if (strcmp(option, "comma_max") == 0) o->comma_max = number;
        else if (strcmp(option, "comma_bmin") == 0) o->comma_bmin = number;
        else if (strcmp(option, "comma_bmax") == 0) o->comma_bmax = number;
        else if (strcmp(option, "comma_emin") == 0) o->comma_emin = number;
        else if (strcmp(option, "comma_emax") == 0) o->comma_emax = number;
    }
    free(option);
    free(value);
}

static void S_copy(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

static int S_coding(tx_record *r, const xmlNode *n)
{
    char *src = S_attr(n, "sourcecode"), *tgt = S_attr(n, "targetcode");
    char *code = S_attr(n, "eventcode"), *none = S_attr(n, "noevents"), *err = S_attr(n, "error");
    int rc = 0;
    if (src && tgt && code) {
        tx_expected_event *e = realloc(r->expected, (r->n_expected + 1) * sizeof(*e));
        if (!e) {
            rc = -1;
        } else {
            r->expected = e;
            e += r->n_expected++;
            S_copy(e->source, sizeof(e->source), src);
            S_copy(e->target, sizeof(e->target), tgt);
            S_copy(e->code, sizeof(e->code), code);
            r->kind = TX_EXPECT_EVENTS;
        }
    } else if (err) {
        r->kind = TX_EXPECT_ERROR;
        S_copy(r->error, sizeof(r->error), err);
    } else if (none) {
        r->kind = TX_EXPECT_NOTHING;
    }
    free(src), free(tgt), free(code), free(none), free(err);
    return rc;
}

static int S_sentence(tx_records *set, const xmlNode *n, const tx_coder_options *o)
{
    tx_record *items = realloc(set->items, (set->count + 1) * sizeof(*items));
    if (!items)
        return -1;
    set->items = items;
    tx_record *r = &items[set->count++];
    memset(r, 0, sizeof(*r));
    r->kind = TX_EXPECT_UNGIVEN;
    r->options = *o;
    r->line = (unsigned long)xmlGetLineNo(n);
    r->id = S_attr(n, "id");
    r->category = S_attr(n, "category");
    char *date = S_attr(n, "date"), *valid = S_attr(n, "sentence");
    r->date = date ? atoi(date) : 0;
    r->valid = valid && strcmp(valid, "true") == 0;
    free(date);
    free(valid);
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (S_name(c, "EventCoding") && S_coding(r, c) < 0)
            return -1;
        if (S_name(c, "Text")) {
            free(r->text);
            r->text = S_text(c);
        }
    }
    if (!r->text)
        r->text = strdup("");
    return r->id && r->category && r->text ? 0 : -1;
}

static void S_environment(tx_records *set, const xmlNode *env)
{
    for (const xmlNode *c = env->children; c; c = c->next) {
        char **slot = S_name(c, "Verbfile") ? &set->verb_file
                    : S_name(c, "Actorfile") ? &set->actor_file
                    : S_name(c, "Agentfile") ? &set->agent_file
                    : S_name(c, "Discardfile") ? &set->discard_file : NULL;
        if (slot) {
            free(*slot);
            *slot = S_text(c);
        }
    }
}

/* Walks elements in document order: <Config> changes options for all later records. */
static int S_walk(tx_records *set, const xmlNode *n, tx_coder_options *o)
{
    for (; n; n = n->next) {
        if (S_name(n, "Environment")) {
            S_environment(set, n);
        } else if (S_name(n, "Config")) {
            S_config(o, n);
        } else if (S_name(n, "Sentence")) {
            if (S_sentence(set, n, o) < 0)
                return -1;
        } else if (n->type == XML_ELEMENT_NODE && S_walk(set, n->children, o) < 0) {
            return -1;
        }
    }
    return 0;
}

static void S_xml_error(void *ctx, const char *fmt, ...) { (void)ctx, (void)fmt; }

tx_status tx_records_load(const char *path, tx_records *set, tx_diag *diag)
{
    memset(set, 0, sizeof(*set));
    FILE *probe = fopen(path, "rb");
    if (!probe)
        return TX_ERR_IO;
    fclose(probe);
    xmlSetGenericErrorFunc(NULL, S_xml_error);
    xmlDocPtr doc = xmlReadFile(path, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) {
        const xmlError *e = xmlGetLastError();
        tx_diag_report(diag, path, e ? (unsigned long)e->line : 0, "malformed XML: %s",
                       e && e->message ? e->message : "unknown error");
        return TX_ERR_SYNTAX;
    }
    tx_coder_options options;
    tx_coder_options_default(&options);
    int rc = S_walk(set, xmlDocGetRootElement(doc), &options);
    xmlFreeDoc(doc);
    if (rc < 0) {
        tx_records_free(set);
        return TX_ERR_NOMEM;
    }
    return TX_OK;
}

void tx_records_free(tx_records *set)
{
    for (size_t i = 0; i < set->count; i++) {
        tx_record *r = &set->items[i];
        free(r->id), free(r->category), free(r->text), free(r->expected);
    }
    free(set->items);
    free(set->verb_file), free(set->actor_file), free(set->agent_file), free(set->discard_file);
    memset(set, 0, sizeof(*set));
}
