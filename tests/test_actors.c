/* test_actors.c: the actor dictionary reader, date restrictions and phrase matching. */
#include "actors.h"
#include "buffer.h"
#include "fold.h"
#include "test.h"
#include "helpers.h"

/* ---- helpers ---- */

static void S_tokens_free(tx_tokens *t)
{
    free(t->items);
    tx_buf_free(&t->keys);
}

typedef struct {
    tx_lexicon *lex;
    tx_actors *actors;
    tx_diag diag;
    problems seen;
    tx_tokens tokens;
} fixture;

static void S_open(fixture *f)
{
    memset(f, 0, sizeof(*f));
    f->lex = tx_lexicon_new();
    f->actors = tx_actors_new(f->lex);
    f->diag.report = S_record;
    f->diag.ctx = &f->seen;
}

static void S_close(fixture *f)
{
    tx_actors_free(f->actors);
    tx_lexicon_free(f->lex);
    S_tokens_free(&f->tokens);
}

static tx_status S_load(fixture *f, const char *text)
{
    return tx_actors_load_buffer(f->actors, "test.actors", text, strlen(text), &f->diag);
}

/* The code of the longest phrase at the start of `text`, if it spans exactly `words` tokens;
 * "(no match)" otherwise and "(null)" for a match without a code on that date. */
static const char *S_code(fixture *f, const char *text, size_t words, int32_t date)
{
    test_tokens(&f->tokens, f->lex, text);
    uint32_t entry = UINT32_MAX;
    size_t n = tx_actors_match(f->actors, &f->tokens, 0, &entry);
    if (n == 0 || n != words)
        return "(no match)";
    const char *code = tx_actors_code(f->actors, entry, date);
    return code ? code : "(null)";
}

/* ---- dates ---- */

static void test_parse_date(void)
{
    CHECK_INT(tx_actors_parse_date("950601", 6), 19950601);
    CHECK_INT(tx_actors_parse_date("300101", 6), 20300101);
    CHECK_INT(tx_actors_parse_date("310101", 6), 19310101);
    CHECK_INT(tx_actors_parse_date("000229", 6), 20000229);
    CHECK_INT(tx_actors_parse_date("20121109", 8), 20121109);
    CHECK_INT(tx_actors_parse_date("20000229", 8), 20000229);
    CHECK_INT(tx_actors_parse_date("19000229", 8), -1);  /* not a leap year */
    CHECK_INT(tx_actors_parse_date("20230229", 8), -1);
    CHECK_INT(tx_actors_parse_date("20240229", 8), 20240229);
    CHECK_INT(tx_actors_parse_date("20230431", 8), -1);
    CHECK_INT(tx_actors_parse_date("20231301", 8), -1);
    CHECK_INT(tx_actors_parse_date("20230100", 8), -1);
    CHECK_INT(tx_actors_parse_date("2004017", 7), -1);
    CHECK_INT(tx_actors_parse_date("201005011", 9), -1);
    CHECK_INT(tx_actors_parse_date("95O601", 6), -1);
    CHECK_INT(tx_actors_parse_date("", 0), -1);
}

static void test_intern_word(void)
{
    tx_lexicon *lex = tx_lexicon_new();
    tx_buf scratch = TX_BUF_INIT;
    uint32_t ids[2];
    const char *typographic = "people\xE2\x80\x99s";  /* people’s */
    CHECK_INT(tx_actors_intern_word(lex, typographic, strlen(typographic), &scratch, ids), 2);
    CHECK_STR(tx_lexicon_word(lex, ids[0], NULL), "PEOPLE");
    CHECK_STR(tx_lexicon_word(lex, ids[1], NULL), "'S");
    CHECK_INT(tx_actors_intern_word(lex, "Journalists'", 12, &scratch, ids), 2);
    CHECK_STR(tx_lexicon_word(lex, ids[0], NULL), "JOURNALISTS");
    CHECK_STR(tx_lexicon_word(lex, ids[1], NULL), "'");
    CHECK_INT(tx_actors_intern_word(lex, "O'NEILL", 7, &scratch, ids), 1);
    CHECK_STR(tx_lexicon_word(lex, ids[0], NULL), "O'NEILL");
    CHECK_INT(tx_actors_intern_word(lex, "'S", 2, &scratch, ids), 1);
    CHECK_INT(tx_actors_intern_word(lex, "U.S.", 4, &scratch, ids), 1);
    CHECK_STR(tx_lexicon_word(lex, ids[0], NULL), "U.S.");
    tx_buf_free(&scratch);
    tx_lexicon_free(lex);
}

/* ---- format rules ---- */

static const char *const rules_dict =
    "# invented entries for the reader's rules\n"
    "<!-- an XML comment -->\n"
    "<! -- a loose comment line, also skipped -->\n"
    "KHAZAD_DUM_ [DWF]  # trailing _ marker, inline code\n"
    "+MORIA\n"
    "+BLACK_PIT_\n"
    "EREBOR\t[LMT]\n"
    "IRON HILLS\n"
    "\t[IRH]\n"
    "BEORN'S_HALL [BRN]\n"
    "RANGERS'_LODGE [RNL]\n"
    "DALE [DAL] [DALGOV 20200101 - 20201231]\n"
    "ESGAROTH\n"
    "\t[ESG < 19990101]\n"
    "\t[ESGGOV>990102]\n"
    "  [ESGX 20000101 -20000131]\n"
    "\t[ESGDEF]\n"
    "LAKE_TOWN [LKT/ESG]\n"
    "THRANDUIL [---]\n"
    "+ELVENKING\n"
    "MIRKWOOD [MRK]\n"
    "GREENWOOD\n"
    "+MIRKWOOD\n"
    "\t[GRN <19000101] [GRNDEF]\n"
    "U.S._OF_ARDA [USA]\n"
    "ROHIRRIM [ROH] [ROHMIL]\n"
    "LAST_ONE [LST]";  /* no final newline: the last entry is still stored */

static void test_rules(void)
{
    fixture f;
    S_open(&f);
    CHECK_INT(S_load(&f, rules_dict), TX_OK);
    CHECK_INT(f.diag.count, 0);
    CHECK_INT(f.seen.count, 0);
    if (f.seen.count)
        fprintf(stderr, "unexpected: line %lu: %s\n", f.seen.lines[0], f.seen.last);

    CHECK_STR(S_code(&f, "Khazad Dum", 2, 20200101), "DWF");  /* '_' = blank */
    CHECK_STR(S_code(&f, "Moria", 1, 20200101), "DWF");
    CHECK_STR(S_code(&f, "black pit gates", 2, 20200101), "DWF");
    CHECK_STR(S_code(&f, "EREBOR", 1, 0), "LMT");
    CHECK_STR(S_code(&f, "Iron Hills", 2, 0), "IRH");      /* two words, no [ : one phrase */
    CHECK_STR(S_code(&f, "Iron", 1, 0), "(no match)");
    CHECK_STR(S_code(&f, "Beorn 's Hall", 3, 0), "BRN");   /* possessive split as the tokenizer */
    CHECK_STR(S_code(&f, "Rangers ' Lodge", 3, 0), "RNL");
    CHECK_STR(S_code(&f, "Lake Town", 2, 0), "LKT/ESG");   /* A/B kept as written */
    CHECK_STR(S_code(&f, "Thranduil", 1, 0), "---");        /* the null actor as is */
    CHECK_STR(S_code(&f, "elvenking", 1, 0), "---");
    CHECK_STR(S_code(&f, "U.S. of Arda", 3, 0), "USA");    /* punctuation inside words */
    CHECK_STR(S_code(&f, "Rohirrim", 1, 0), "ROH");        /* first default wins */
    CHECK_STR(S_code(&f, "LAST ONE", 2, 0), "LST");        /* flushed at the end of the file */

    /* Inline restriction with blanks around '-'; both bounds inclusive. */
    CHECK_STR(S_code(&f, "Dale", 1, 20191231), "DAL");
    CHECK_STR(S_code(&f, "Dale", 1, 20200101), "DALGOV");
    CHECK_STR(S_code(&f, "Dale", 1, 20201231), "DALGOV");
    CHECK_STR(S_code(&f, "Dale", 1, 20210101), "DAL");

    /* <D and >D inclusive, blanks optional, YYMMDD accepted; the default when none holds. */
    CHECK_STR(S_code(&f, "Esgaroth", 1, 19981231), "ESG");
    CHECK_STR(S_code(&f, "Esgaroth", 1, 19990101), "ESG");
    CHECK_STR(S_code(&f, "Esgaroth", 1, 19990102), "ESGGOV");
    CHECK_STR(S_code(&f, "Esgaroth", 1, 20000115), "ESGGOV");  /* first in file order */
    CHECK_STR(S_code(&f, "Esgaroth", 1, 0), "ESGDEF");         /* no date: the default */

    /* MIRKWOOD is in two entries: MRK, then GRN <19000101, then GRNDEF. */
    CHECK_STR(S_code(&f, "Mirkwood", 1, 20000101), "MRK");
    CHECK_STR(S_code(&f, "Mirkwood", 1, 18991231), "GRN");  /* a restriction beats defaults */
    CHECK_STR(S_code(&f, "Greenwood", 1, 20000101), "GRNDEF");

    uint32_t entry = 0;
    test_tokens(&f.tokens, f.lex, "the Black Pit");
    CHECK_INT(tx_actors_match(f.actors, &f.tokens, 0, &entry), 0);
    CHECK_INT(tx_actors_match(f.actors, &f.tokens, 1, &entry), 2);
    CHECK_STR(tx_actors_phrase(f.actors, entry), "KHAZAD_DUM_");
    CHECK_INT(tx_actors_match(f.actors, &f.tokens, 3, &entry), 0);  /* past the end */
    CHECK(tx_actors_code(f.actors, UINT32_MAX, 0) == NULL);
    CHECK(tx_actors_phrase(f.actors, UINT32_MAX) == NULL);
    CHECK_INT(tx_actors_count(f.actors), 17);
    S_close(&f);
}

/* A file loaded after another adds its codes to phrases both define. */
static void test_two_files(void)
{
    fixture f;
    S_open(&f);
    CHECK_INT(S_load(&f, "ANDUIN [AND]\n"), TX_OK);
    CHECK_INT(S_load(&f, "ANDUIN\n\t[ANDX >20200101]\n"), TX_OK);
    CHECK_STR(S_code(&f, "Anduin", 1, 20100101), "AND");
    CHECK_STR(S_code(&f, "Anduin", 1, 20200101), "ANDX");
    CHECK_INT(f.diag.count, 0);
    S_close(&f);
}

/* ---- malformed lines ---- */

static const char *const bad_dict =
    "\t[ORPHAN]\n"                         /* 1: code line before any entry */
    "+ORPHAN\n"                            /* 2: synonym before any entry */
    "ARTHEDAIN [ART]\n"
    "\t[ARTX 20010229-20020101]\n"         /* 4: no 29 February in 2001 */
    "\t[ARTY 991301-000101]\n"             /* 5: month 13 */
    "\t[ARTZ 2004017-20061201]\n"          /* 6: seven digits */
    "\t[ARTGOV 20121204]\n"                /* 7: a date without an operator */
    "\t[ARTREB 20121207-20120802]\n"       /* 8: the range ends before it starts */
    "\t[ARTMIL <20120101\n"                /* 9: no ']' */
    "\t[]\n"                               /* 10: no code */
    "RHUDAUR [RHU]\tmerchant notes $12\n"  /* 11: text after the codes */
    "+CARN_DUM [CAR]\n"                    /* 12: a code on a synonym line */
    "+_\n"                                 /* 13: an empty synonym */
    "CARDOLAN\n"                           /* 14: an entry without a code */
    "_ [NOP]\n"                            /* 15: no phrase (its synonym still counts) */
    "+TYRN_GORTHAD\n"
    "ANGMAR [ANG <990101 990102]\n"        /* 17: two dates after '<' */
    "FORODWAITH [FOR 990101-]\n"           /* 18: second date missing */
    "HARAD [HAR >]\n"                      /* 19: no date after '>' */
    "UMBAR [UMB] [UMBGOV 21000101-21001231\n"  /* 20: no ']' on the primary line */
    "LOSSARNACH\n"                         /* 21: only a malformed code: one report */
    "\t[LOS 20230230-20240101]\n";         /* 22 */

static void test_malformed(void)
{
    fixture f;
    S_open(&f);
    CHECK_INT(S_load(&f, bad_dict), TX_OK);
    static const unsigned long want[] = {1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                                         17, 18, 19, 20, 22};
    CHECK_INT(f.seen.count, TX_ARRAY_SIZE(want));
    CHECK_INT(f.diag.count, TX_ARRAY_SIZE(want));
    for (size_t i = 0; i < TX_ARRAY_SIZE(want) && i < f.seen.count; i++)
        CHECK_INT(f.seen.lines[i], want[i]);

    /* What was well-formed still stands. */
    CHECK_STR(S_code(&f, "Arthedain", 1, 20010301), "ART");
    CHECK_STR(S_code(&f, "Rhudaur", 1, 0), "RHU");
    CHECK_STR(S_code(&f, "Carn Dum", 2, 0), "(no match)");
    CHECK_STR(S_code(&f, "Cardolan", 1, 0), "(no match)");  /* codeless: not stored */
    CHECK_STR(S_code(&f, "Tyrn Gorthad", 2, 0), "NOP");
    CHECK_STR(S_code(&f, "Angmar", 1, 0), "(no match)");
    CHECK_STR(S_code(&f, "Umbar", 1, 21000601), "UMB");
    CHECK_STR(S_code(&f, "Lossarnach", 1, 0), "(no match)");
    S_close(&f);

    /* The messages say what was expected. */
    S_open(&f);
    S_load(&f, "MINHIRIATH\n\t[MIN 20121204]\n");
    CHECK_INT(f.seen.count, 1);
    CHECK(strstr(f.seen.last, "expected '<DATE', '>DATE' or 'DATE1-DATE2'") != NULL);
    S_close(&f);

    /* Garbage never crashes. */
    S_open(&f);
    static const char junk[] = "[[[\n+\n]]]\n[\n\t\n<\n!!\nA [\n[B\n+[C]\n\x01\x02\xff\n[D E F G]";
    CHECK_INT(tx_actors_load_buffer(f.actors, "junk", junk, sizeof(junk) - 1, &f.diag), TX_OK);
    CHECK(f.diag.count > 0);
    S_close(&f);

    S_open(&f);
    CHECK_INT(tx_actors_load(f.actors, "/nonexistent/actors.txt", &f.diag), TX_ERR_IO);
    S_close(&f);
}

/* ---- the validation dictionary: DATE-01 ... DATE-21 ---- */

static void test_validate(void)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/peer/petrarch2/dictionaries/PETR.Validate.actors.txt",
             test_shared_dir());
    FILE *probe = fopen(path, "r");
    if (!probe) {
        SKIP("PETR.Validate.actors.txt not found under $TACITUS_SHARED or ../shared");
        return;
    }
    fclose(probe);
    fixture f;
    S_open(&f);
    CHECK_INT(tx_actors_load(f.actors, path, &f.diag), TX_OK);
    CHECK_INT(f.diag.count, 0);

    /* The actors of the DATE records, with the record dates, and the codes they expect. */
    static const struct {
        const char *id, *text;
        size_t words;
        int32_t date;
        const char *code;
    } dates[] = {
        {"DATE-01", "Sam Gamgee", 2, 19950104, "HOBCIV"},
        {"DATE-01", "Michel Delving", 2, 19950104, "SHRGOV"},
        {"DATE-02", "Sam Gamgee", 2, 20080119, "HOBCIV"},
        {"DATE-03", "Hamfast Gamgee", 2, 19950104, "HOB"},
        {"DATE-03", "White Downs", 2, 19950104, "SHR"},
        {"DATE-04", "Hamfast Gamgee", 2, 20121109, "HOBGOV"},
        {"DATE-04", "Bree", 1, 20121109, "BRE"},
        {"DATE-05", "Hamfast Gamgee", 2, 20121225, "HOBGOV"},
        {"DATE-06", "Hamfast Gamgee", 2, 20121109, "HOBGOV"},
        {"DATE-07", "Hamfast Gamgee", 2, 20140104, "HOB"},
        {"DATE-08", "Sam Gamgee", 2, 20100106, "HOBMIL"},
        {"DATE-08", "Mordor", 1, 20100106, "MOR"},
        {"DATE-09", "Sam Gamgee", 2, 20100109, "ORCHOB"},
        {"DATE-09", "Morgul Orcs", 2, 20100109, "MRGORC"},
        {"DATE-10", "Sam Gamgee", 2, 20100110, "ORCHOB"},
        {"DATE-11", "Sam Gamgee", 2, 20100112, "ORCHOB"},
        {"DATE-12", "Sam Gamgee", 2, 20100113, "HOBMIL"},
        {"DATE-12", "Cirith Ungol", 2, 20100113, "MORMIL"},
        {"DATE-13", "Sam Gamgee", 2, 20121231, "HOBGOV"},
        {"DATE-14", "Smeagol", 1, 19951101, "HOBGOV"},
        {"DATE-14", "Gondor", 1, 19951101, "GON"},
        {"DATE-15", "Slinker", 1, 19951101, "HOBGOV"},
        {"DATE-15", "Arnor", 1, 19951101, "ARN"},
        {"DATE-16", "Stinker", 1, 19950101, "HOB"},
        {"DATE-17", "Slinker", 1, 19980101, "HOBGOV"},
        {"DATE-18", "Smeagol", 1, 19990101, "HOBGOV"},
        {"DATE-19", "Slinker", 1, 20010101, "HOBREB"},
        {"DATE-20", "Zimbabwe", 1, 19781223, "RHO"},
        {"DATE-21", "Zimbabwe", 1, 20010101, "ZBW"},
    };
    for (size_t i = 0; i < TX_ARRAY_SIZE(dates); i++) {
        const char *got = S_code(&f, dates[i].text, dates[i].words, dates[i].date);
        if (strcmp(got, dates[i].code) != 0)
            fprintf(stderr, "%s: %s on %d\n", dates[i].id, dates[i].text, (int)dates[i].date);
        CHECK_STR(got, dates[i].code);
    }

    /* Boundaries of the restrictions themselves, all inclusive. */
    CHECK_STR(S_code(&f, "Gollum", 1, 19950601), "HOB");  /* both hold; HOB comes first */
    CHECK_STR(S_code(&f, "Gollum", 1, 19950602), "HOBGOV");
    CHECK_STR(S_code(&f, "Gollum", 1, 19990815), "HOBGOV");
    CHECK_STR(S_code(&f, "Gollum", 1, 19990816), "HOBREB");
    CHECK_STR(S_code(&f, "Sam Gamgee", 2, 20080120), "HOBCIV");
    CHECK_STR(S_code(&f, "Sam Gamgee", 2, 20080121), "HOBMIL");
    CHECK_STR(S_code(&f, "Sam Gamgee", 2, 20121109), "HOBMIL");
    CHECK_STR(S_code(&f, "Sam Gamgee", 2, 20130119), "HOBGOV");
    CHECK_STR(S_code(&f, "Sam Gamgee", 2, 20130120), "HOBELI");

    /* Other rules on the validation file. */
    CHECK_STR(S_code(&f, "Tuckborough", 1, 20000101), "TOK");  /* the last entry */
    CHECK_STR(S_code(&f, "Group of 77", 3, 0), "G77");
    CHECK_STR(S_code(&f, "the Shire", 2, 0), "FRO/BIL/SAM");
    CHECK_STR(S_code(&f, "Boromir", 1, 0), "---");
    CHECK_STR(S_code(&f, "Palestinian", 1, 0), "pse");  /* two entries: [pse], then [PAL] */
    CHECK_STR(S_code(&f, "U.S.", 1, 0), "USA");
    CHECK_STR(S_code(&f, "K.U.", 1, 0), "USAEDU");
    CHECK_STR(S_code(&f, "Ent", 1, 0), "ENT");
    CHECK_STR(S_code(&f, "Interpol", 1, 0), "IGOCOPITP");
    CHECK_STR(S_code(&f, "Prince of Dol Amroth", 4, 19950630), "---");
    CHECK_STR(S_code(&f, "Prince of Dol Amroth", 4, 19950701), "DOL");
    CHECK_STR(S_code(&f, "Onodoher", 1, 19911226), "ONO");
    CHECK_STR(S_code(&f, "Onodoher", 1, 19911227), "(null)");
    CHECK_STR(S_code(&f, "Hamas wing", 2, 0), "PSEHMSBRD");
    CHECK_STR(S_code(&f, "Nasgul", 1, 0), "(no match)");  /* commented out */
    S_close(&f);
}

/* ---- the production dictionaries ---- */

static void test_phoenix(void)
{
    static const struct {
        const char *file;
        unsigned long problems;
    } files[] = {
        /* Countries: 7 malformed dates (2039 9008223, 18010 201005011, 22508 and 22519
         * 1920030320, 43613 1920050709, 31715 and 51384 no operator), 1 reversed range
         * (14190), and 37 entries without a code (synonyms written without '+', e.g.
         * 11939 IVO_JOSIPOVIC_ and 39462-39465 BREZHNEV). */
        {"Phoenix.Countries.actors.txt", 45},
        /* International: 22 U.N._ and 266 JOHN_J MCCLOY_ and 3694 "Source: MNC.MLH.actors"
         * without a code, 40 date 2004017, and text after the codes on 3696, 3726, 6605. */
        {"Phoenix.International.actors.txt", 7},
        {"Phoenix.MilNonState.actors.txt", 0},
    };
    fixture f;
    S_open(&f);
    f.diag.report = NULL;
    f.diag.quiet = 1;
    for (size_t i = 0; i < TX_ARRAY_SIZE(files); i++) {
        char path[1024];
        snprintf(path, sizeof(path), "%s/peer/petrarch2/dictionaries/%s", test_shared_dir(),
                 files[i].file);
        unsigned long before = f.diag.count;
        tx_status st = tx_actors_load(f.actors, path, &f.diag);
        if (st == TX_ERR_IO) {
            SKIP("Phoenix actor dictionary not found under $TACITUS_SHARED or ../shared");
            S_close(&f);
            return;
        }
        CHECK_INT(st, TX_OK);
        CHECK_INT(f.diag.count - before, files[i].problems);
    }
    CHECK(tx_actors_count(f.actors) > 30000);
    CHECK_STR(S_code(&f, "Afghanistan", 1, 20100101), "AFG");
    CHECK_STR(S_code(&f, "United States of America", 4, 20100101), "USA");
    CHECK_STR(S_code(&f, "President Obama", 2, 20100101), "USAGOV");
    CHECK_STR(S_code(&f, "President Obama", 2, 19900101), "USAELI");
    CHECK_STR(S_code(&f, "President Obama", 2, 20080101), "(null)");
    CHECK_STR(S_code(&f, "Sudan People 's Liberation Movement", 5, 20060101), "SDNGOVPTY");
    CHECK_STR(S_code(&f, "Ivo Josipovic", 2, 20100101), "(no match)");
    S_close(&f);
}

int main(void)
{
    test_parse_date();
    test_intern_word();
    test_rules();
    test_two_files();
    test_malformed();
    test_validate();
    test_phoenix();
    return test_report("test_actors");
}
