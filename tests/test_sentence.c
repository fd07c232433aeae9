/* test_sentence.c: news-style sentence splitting, datelines, headlines, offsets, the seed
 * article, and pathological input. */
#include "sentence.h"
#include "test.h"
#include "helpers.h"
#include "utf8.h"

static tx_sentences list = TX_SENTENCES_INIT;
static const char *current;

/* Splits s and returns the sentence count (-1 when the split fails). */
static long S_split(const char *s)
{
    current = s;
    return tx_split_sentences(s, strlen(s), &list) < 0 ? -1 : (long)list.count;
}

/* The text of sentence i of the last split. */
static const char *S_text(size_t i)
{
    static char text[1024];
    if (i >= list.count)
        return "(no such sentence)";
    size_t n = list.items[i].end - list.items[i].start;
    if (n >= sizeof(text))
        n = sizeof(text) - 1;
    memcpy(text, current + list.items[i].start, n);
    text[n] = '\0';
    return text;
}

/* Every sentence is non-empty, in order, and has no white space at either end. */
static int S_spans_ok(const char *text)
{
    uint32_t at = 0;
    for (size_t i = 0; i < list.count; i++) {
        const tx_sentence *s = &list.items[i];
        if (s->start < at || s->end <= s->start)
            return 0;
        if (tx_utf8_space(text + s->start, s->end - s->start))
            return 0;
        char last = text[s->end - 1];
        if (last == ' ' || (last >= '\t' && last <= '\r'))
            return 0;
        at = s->end;
    }
    return 1;
}

static void test_basic(void)
{
    CHECK_INT(S_split(""), 0);
    CHECK_INT(S_split("  \n\t\n \r\n"), 0);
    CHECK_INT(S_split("He left. She stayed."), 2);
    CHECK_STR(S_text(0), "He left.");
    CHECK_STR(S_text(1), "She stayed.");
    CHECK_INT(list.items[0].start, 0);
    CHECK_INT(list.items[0].end, 8);
    CHECK_INT(list.items[1].start, 9);
    CHECK_INT(list.items[0].paragraph, 1);
    CHECK_INT(list.items[1].paragraph, 0);
    CHECK_INT(list.items[0].headline, 0);
    CHECK_INT(list.items[1].headline, 0);
    CHECK_INT(list.items[1].line, 1);
    CHECK(S_spans_ok(current));
    CHECK_INT(S_split("Really? Yes! Fine.  Then 5 people came. \"Good,\" he said."), 5);
    CHECK_STR(S_text(3), "Then 5 people came.");
    CHECK_STR(S_text(4), "\"Good,\" he said.");
    CHECK_INT(S_split("the end. and then"), 1);  /* lower case goes on */
    CHECK_INT(S_split("Wait?! No."), 2);
    CHECK_STR(S_text(0), "Wait?!");
    /* The list is cleared first. */
    CHECK_INT(S_split("One."), 1);
    CHECK_INT(S_split("A sentence here. (Another one.) Done."), 3);
    CHECK_STR(S_text(1), "(Another one.)");
}

static void test_abbreviations(void)
{
    CHECK_INT(S_split("Mr. Smith went to Washington. He met Gen. Jones and Dr. Who."), 2);
    CHECK_STR(S_text(0), "Mr. Smith went to Washington.");
    CHECK_INT(S_split("Sen. Martin Sandoval and Rep. Adam Schiff met Mrs. Jones vs. Lt. Col. Ray."),
              1);
    CHECK_INT(S_split("Acme Inc. said on Feb. 26 it would sell St. Louis Co. assets."), 1);
    CHECK_INT(S_split("He works at Acme Inc. The company makes rockets."), 2);
    CHECK_STR(S_text(0), "He works at Acme Inc.");
    CHECK_INT(S_split("The U.S. Senate voted. The U.N. agreed."), 2);
    CHECK_INT(S_split("Troops left the U.S. The war ended."), 2);
    CHECK_STR(S_text(0), "Troops left the U.S.");
    CHECK_INT(S_split("Troops left the U.S. \"We won,\" he said."), 2);
    CHECK_INT(S_split("F.W. Dodge and H.K. Porter Inc. merged."), 1);
    CHECK_INT(S_split("John F. Kennedy was shot in 1963."), 1);
    CHECK_INT(S_split("They chose Plan B. The plan failed."), 2);
    CHECK_INT(S_split("It is No. 1 in sales. No. They said no. Then left."), 4);
    CHECK_STR(S_text(1), "No.");
    CHECK_INT(S_split("Growth was 11.8 percent. Prices rose 2.5 pct."), 2);
    CHECK_INT(S_split("At 10 a.m. Friday, e.g. Ph.D. students met."), 1);
    CHECK_INT(S_split("(Gen. Smith agreed.) \xE2\x80\x9CMr. Jones left.\xE2\x80\x9D"), 2);
    CHECK_INT(S_split("He lives in gen. Paris."), 2);  /* lower-case "gen" is no title */
}

static void test_quotes_and_ellipses(void)
{
    CHECK_INT(S_split("\"We will win,\" he said. \"They will lose.\" Then he left."), 3);
    CHECK_STR(S_text(1), "\"They will lose.\"");
    const char *typographic = "\xE2\x80\x9CWe will win.\xE2\x80\x9D She agreed. "
                              "It \xE2\x80\x98works.\xE2\x80\x99 Yes.";
    CHECK_INT(S_split(typographic), 4);
    CHECK_STR(S_text(0), "\xE2\x80\x9CWe will win.\xE2\x80\x9D");
    CHECK_STR(S_text(2), "It \xE2\x80\x98works.\xE2\x80\x99");
    CHECK_INT(S_split("\"Why?\" he asked. \"Because!\" she said."), 2);
    CHECK_INT(S_split("He paused... Then left. It was\xE2\x80\xA6 Odd."), 4);
    CHECK_STR(S_text(0), "He paused...");
    CHECK_STR(S_text(2), "It was\xE2\x80\xA6");
    CHECK_INT(S_split("He paused... and left."), 1);
    CHECK_INT(S_split("Visit Sky.com. Or not. The 3.5bn deal, U.S.-led, closed."), 3);
    /* Capitals beyond ASCII, and caseless letters, start sentences too. */
    CHECK_INT(S_split("\xC3\x89lys\xC3\xA9" "e said so. \xC3\x89tat agreed. "
                      "\xE4\xB8\xAD\xE5\x9B\xBD."),
              3);
}

static void test_lines(void)
{
    const char *text = "Headline Without Stop\n\nFirst para. Second one.\r\nRead more:\r\n"
                       "  Indented line.  \nLast\xE2\x80\xA8" "After separator.";
    CHECK_INT(S_split(text), 7);
    CHECK(S_spans_ok(text));
    CHECK_STR(S_text(0), "Headline Without Stop");
    CHECK_INT(list.items[0].headline, 1);
    CHECK_INT(list.items[0].paragraph, 1);
    CHECK_INT(list.items[0].line, 1);
    CHECK_STR(S_text(1), "First para.");
    CHECK_INT(list.items[1].line, 3);
    CHECK_INT(list.items[1].headline, 0);
    CHECK_INT(list.items[2].line, 3);
    CHECK_INT(list.items[2].paragraph, 0);
    CHECK_STR(S_text(3), "Read more:");
    CHECK_INT(list.items[3].headline, 1);
    CHECK_INT(list.items[3].line, 4);
    CHECK_STR(S_text(4), "Indented line.");
    CHECK_INT(list.items[4].line, 5);
    CHECK_INT(list.items[4].start, (uint32_t)(strstr(text, "Indented") - text));
    CHECK_STR(S_text(5), "Last");
    CHECK_INT(list.items[5].line, 6);
    CHECK_INT(list.items[5].headline, 1);
    CHECK_STR(S_text(6), "After separator.");
    CHECK_INT(list.items[6].line, 7);
    CHECK_INT(S_split("A\rB"), 2);  /* a lone carriage return breaks the line too */
    CHECK_INT(list.items[1].line, 2);
    /* A line whose last sentence has no stop is no headline: it is not the whole line. */
    CHECK_INT(S_split("It rose. Then fell"), 2);
    CHECK_INT(list.items[1].headline, 0);
    /* Unicode white space is trimmed: no-break space, BOM. */
    CHECK_INT(S_split("\xEF\xBB\xBFHello.\xC2\xA0\xC2\xA0"), 1);
    CHECK_STR(S_text(0), "Hello.");
    CHECK_INT(S_split("Trailing no-break\xC2\xA0"), 1);
    CHECK_STR(S_text(0), "Trailing no-break");
}

static void test_datelines(void)
{
    const char *cleveland = "CLEVELAND, Feb 26 - The company said it would grow. Shares rose.";
    CHECK_INT(tx_dateline_length(cleveland, strlen(cleveland)), 20);
    CHECK_INT(S_split(cleveland), 2);
    CHECK_STR(S_text(0), "CLEVELAND, Feb 26 - The company said it would grow.");
    CHECK_INT(list.items[0].headline, 0);

    const char *mingora = "MINGORA, Pakistan (Reuters) - Taliban gunmen shot a girl.";
    CHECK_INT(tx_dateline_length(mingora, strlen(mingora)), 30);
    CHECK_INT(S_split(mingora), 1);

    const char *ap = "WASHINGTON (AP) \xE2\x80\x94 Lawmakers met.";
    CHECK_INT(tx_dateline_length(ap, strlen(ap)), 20);
    const char *dashes = "NEW YORK, March 3 (Reuters) -- Stocks fell.";
    CHECK_INT(tx_dateline_length(dashes, strlen(dashes)), 31);
    const char *mixed = "New York, March 16 - Schlumberger Ltd said.";
    CHECK_INT(tx_dateline_length(mixed, strlen(mixed)), 21);
    const char *state = "GLENVIEW, ILL., June 2 - Zenith said.";
    CHECK_INT(tx_dateline_length(state, strlen(state)), 25);
    const char *cnn = "(CNN) At the heart of it.";
    CHECK_INT(tx_dateline_length(cnn, strlen(cnn)), 6);
    /* PETRARCH's validation record ERROR-01. */
    const char *colon = "CEBU CITY: -- Cordova Mayor Adelino Sitoy filed suit.";
    CHECK_INT(tx_dateline_length(colon, strlen(colon)), 14);
    const char *glued = "LONDON (Reuters)-Britain voted.";
    CHECK_INT(tx_dateline_length(glued, strlen(glued)), 0);  /* no space after the dash */

    /* A full stop inside the dateline ends nothing: "Mass." is no known abbreviation. */
    const char *mass = "SPRINGFIELD, Mass. (AP) - The mayor resigned. He left.";
    CHECK_INT(tx_dateline_length(mass, strlen(mass)), 26);
    CHECK_INT(S_split(mass), 2);
    CHECK_STR(S_text(0), "SPRINGFIELD, Mass. (AP) - The mayor resigned.");

    /* A dateline alone on its line is a headline-like sentence. */
    CHECK_INT(S_split("CLEVELAND, Feb 26 -\nThe company said so."), 2);
    CHECK_STR(S_text(0), "CLEVELAND, Feb 26 -");
    CHECK_INT(list.items[0].headline, 1);

    /* Not datelines. */
    const char *no[] = {
        "Russia - the largest country - said no.",
        "US officials - who declined - said.",
        "COVID-19: Surge in cases",
        "Ukraine crisis: Can China tame Russia?",
        "WASHINGTON is a city - big.",
        "The U.S. - and others - agreed.",
        "X -5 degrees",
        "",
        "(",
        "(cnn) lower",
        "CLEVELAND, Feb 26 ",
        "COVID-19: - Surge",  /* a colon only after an all-capital place */
        "LONDON: Talks resumed - again.",
        "OIL PRICES FALL SHARPLY AS OPEC MEETS - traders",  /* a headline: five capital words */
        "VENEZUELA SAYS OPEC OIL OUTPUT HIGH CARACAS, Oct 19 - The output",
    };
    for (size_t k = 0; k < TX_ARRAY_SIZE(no); k++)
        CHECK_INT(tx_dateline_length(no[k], strlen(no[k])), 0);
}

static char *S_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    tx_buf buf = TX_BUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        tx_buf_append(&buf, chunk, n);
    fclose(f);
    return tx_buf_detach(&buf, len);
}

/* The seed article has one sentence per line; 12 of its 29 lines are headline-like. */
static void test_seed(void)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/seed/000_c8e0bb683e9f3f08.txt", test_shared_dir());
    size_t len = 0;
    char *text = S_read_file(path, &len);
    if (!text) {
        SKIP("seed article not found (set TACITUS_SHARED)");
        return;
    }
    current = text;
    CHECK_INT(tx_split_sentences(text, len, &list), 0);
    CHECK_INT(list.count, 29);
    CHECK(S_spans_ok(text));
    int one_per_line = 1, headlines = 0;
    for (size_t i = 0; i < list.count; i++) {
        const tx_sentence *s = &list.items[i];
        one_per_line &= s->line == i + 1 && s->paragraph == 1;
        /* Each sentence is its whole line. */
        one_per_line &= (s->start == 0 || text[s->start - 1] == '\n');
        one_per_line &= (s->end == len || text[s->end] == '\n');
        headlines += s->headline;
    }
    CHECK(one_per_line);
    CHECK_INT(headlines, 12);
    CHECK_STR(S_text(0), "Russia is believed to have asked China for military equipment and other "
                         "support, US officials have said.");
    CHECK_INT(list.items[4].headline, 1);   /* "Ukraine live updates as 140,000 ..." */
    CHECK_INT(list.items[9].headline, 0);   /* "Ukraine crisis: Can China tame Russia?" */
    CHECK_STR(S_text(19), "Read more:");
    CHECK_INT(list.items[19].headline, 1);
    CHECK(strstr(S_text(2), "Mr Biden\xE2\x80\x99s national security adviser") != NULL);
    CHECK(strstr(S_text(15), "anywhere in the world.\xE2\x80\x9D") != NULL);
    CHECK_INT(list.items[28].end, len);  /* the last line has no newline */
    free(text);
}

/* Pathological input finishes (linear time; nothing here is timed) with sane spans. */
static void test_pathological(void)
{
    enum { SIZE = 20 * 1000 * 1000 };
    char *text = test_repeat("a.", SIZE);
    CHECK(text != NULL);
    if (!text)
        return;
    current = text;
    CHECK_INT(tx_split_sentences(text, SIZE, &list), 0);
    CHECK_INT(list.count, 1);
    free(text);

    text = test_repeat("U.S. ", SIZE);
    current = text;
    CHECK_INT(tx_split_sentences(text, SIZE, &list), 0);
    CHECK_INT(list.count, 1);
    CHECK_INT(list.items[0].end, SIZE - 1);
    free(text);

    text = test_repeat("A. ", SIZE - 2);  /* "Plan A. A new ..." splits at each */
    current = text;
    CHECK_INT(tx_split_sentences(text, SIZE - 2, &list), 0);
    CHECK_INT(list.count, (SIZE - 2) / 3);
    CHECK(S_spans_ok(text));
    free(text);

    const char *units[] = {"!", "?! ", ". ", "\n", "\r\n", "\"", "\xE2\x80\x9D", ")", "Mr. ",
                           "\xE2\x80\xA6", "CLEVELAND, ", "No. ", " - ", "\xC2\xA0"};
    for (size_t u = 0; u < TX_ARRAY_SIZE(units); u++) {
        text = test_repeat(units[u], 2 * 1000 * 1000);
        current = text;
        CHECK_INT(tx_split_sentences(text, strlen(text), &list), 0);
        CHECK(S_spans_ok(text));
        free(text);
    }

    for (uint32_t seed = 1; seed <= 20; seed++) {
        size_t len = 0;
        text = test_shuffle(50000, seed, &len);
        current = text;
        CHECK(text && tx_split_sentences(text, len, &list) == 0 && list.count > 0);
        CHECK(text && S_spans_ok(text));
        free(text);
    }

    /* Binary junk, repaired first. */
    size_t junk_len = 4 * 1000 * 1000;
    char *junk = malloc(junk_len);
    uint32_t state = 7;
    for (size_t i = 0; i < junk_len; i++) {
        state = state * 1664525u + 1013904223u;
        junk[i] = (char)(state >> 24);
    }
    tx_buf repaired = TX_BUF_INIT;
    CHECK(tx_utf8_repair(junk, junk_len, &repaired, NULL, NULL) > 0);
    current = repaired.data;
    CHECK_INT(tx_split_sentences(repaired.data, repaired.len, &list), 0);
    CHECK(list.count > 0);
    CHECK(S_spans_ok(repaired.data));
    /* Even unrepaired junk must not crash the splitter. */
    CHECK_INT(tx_split_sentences(junk, junk_len, &list), 0);
    tx_buf_free(&repaired);
    free(junk);
}

int main(void)
{
    test_basic();
    test_abbreviations();
    test_quotes_and_ellipses();
    test_lines();
    test_datelines();
    test_seed();
    test_pathological();
    tx_sentences_free(&list);
    return test_report("test_sentence");
}
