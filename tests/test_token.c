/* test_token.c: tokenizer rules, byte offsets, keys and flags, the seed article, and
 * pathological input. */
#include "sentence.h"
#include "test.h"
#include "helpers.h"
#include "token.h"
#include "utf8.h"

static tx_tokens tokens = TX_TOKENS_INIT;
static char joined[4096];

/* Checks that the tokens from `first` on cover text[start..end) in order, each a non-empty
 * span inside it, with nothing but white space or '_' between them. */
static int S_spans_ok(const char *text, size_t start, size_t end, size_t first)
{
    size_t at = start;
    for (size_t k = first; k < tokens.count; k++) {
        const tx_token *t = &tokens.items[k];
        if (t->start < at || t->end <= t->start || t->end > end)
            return 0;
        while (at < t->start) {
            size_t n = tx_utf8_space(text + at, t->start - at);
            unsigned char c = (unsigned char)text[at], next = (unsigned char)text[at + 1];
            if (n == 0 && (c == '_' || c < ' ' || c == 0x7F))
                n = 1;  /* '_' and control characters separate words too */
            if (n == 0 && c == 0xC2 && next >= 0x80 && next <= 0x9F)
                n = 2;  /* C1 controls */
            if (n == 0)
                return 0;
            at += n;
        }
        const char *key = tx_tokens_key(&tokens, k);
        if (key[t->key_len] != '\0' || strlen(key) != t->key_len)
            return 0;
        at = t->end;
    }
    return 1;
}

/* Tokenizes s alone and returns its keys joined by single spaces. */
static const char *S_keys(const char *s)
{
    tx_tokens_clear(&tokens);
    size_t n = strlen(s);
    if (tx_tokenize(s, 0, n, &tokens) < 0)
        return "(out of memory)";
    CHECK(S_spans_ok(s, 0, n, 0));
    size_t len = 0;
    joined[0] = '\0';
    for (size_t k = 0; k < tokens.count && len + 80 < sizeof(joined); k++)
        len += (size_t)snprintf(joined + len, sizeof(joined) - len, "%s%s", k ? " " : "",
                                tx_tokens_key(&tokens, k));
    return joined;
}

/* The kinds of the last tokenization, one letter each: W N P C. */
static const char *S_kinds(void)
{
    static char kinds[512];
    size_t k = 0;
    for (; k < tokens.count && k + 1 < sizeof(kinds); k++)
        kinds[k] = "WNPC"[tokens.items[k].kind];
    kinds[k] = '\0';
    return kinds;
}

/* The original bytes of token k of the last tokenization of s. */
static const char *S_original(const char *s, size_t k)
{
    static char original[256];
    if (k >= tokens.count)
        return "(no such token)";
    size_t n = tokens.items[k].end - tokens.items[k].start;
    if (n >= sizeof(original))
        n = sizeof(original) - 1;
    memcpy(original, s + tokens.items[k].start, n);
    original[n] = '\0';
    return original;
}

static unsigned S_flags(size_t k) { return k < tokens.count ? tokens.items[k].flags : 0xFFu; }

static void test_words(void)
{
    CHECK_STR(S_keys("Russia asked China for help"), "RUSSIA ASKED CHINA FOR HELP");
    CHECK_STR(S_kinds(), "WWWWW");
    CHECK_STR(S_keys(""), "");
    CHECK_INT(tokens.count, 0);
    CHECK_STR(S_keys("  \t \n "), "");
    CHECK_STR(S_keys("Dol_Amroth"), "DOL AMROTH");
    CHECK_STR(S_original("Dol_Amroth", 1), "Amroth");
    CHECK_STR(S_keys("__init__ x"), "INIT X");
    /* No-break, thin and zero-width spaces. */
    CHECK_STR(S_keys("a\xC2\xA0" "b\xE2\x80\x89" "c\xE2\x80\x8B" "d"), "A B C D");
    CHECK_STR(S_keys("caf\xC3\xA9 Z\xC3\xBCrich"), "CAF\xC3\x89 Z\xC3\x9CRICH");
    CHECK_STR(S_keys("al-Qaeda COVID-19 Port-au-Prince"), "AL-QAEDA COVID-19 PORT-AU-PRINCE");
    CHECK_STR(S_kinds(), "WWW");
    CHECK_STR(S_keys("AT&T and Procter & Gamble"), "AT&T AND PROCTER & GAMBLE");
    CHECK_STR(S_kinds(), "WWWPW");
    CHECK_STR(S_keys("O'Neill D'Alema rock'n'roll"), "O'NEILL D'ALEMA ROCK'N'ROLL");
    CHECK_STR(S_kinds(), "WWW");
    CHECK_STR(S_keys("O\xE2\x80\x99Neill"), "O'NEILL");  /* ’ inside a word folds to ' */
    CHECK_STR(S_keys("non\xE2\x80\x91stop"), "NON-STOP");  /* non-breaking hyphen */
}

static void test_clitics(void)
{
    CHECK_STR(S_keys("China's"), "CHINA 'S");
    CHECK_STR(S_kinds(), "WC");
    CHECK_STR(S_keys("didn't can't won't don't"), "DID N'T CA N'T WO N'T DO N'T");
    CHECK_STR(S_kinds(), "WCWCWCWC");
    CHECK_STR(S_keys("I'm we're they've he'd she'll"), "I 'M WE 'RE THEY 'VE HE 'D SHE 'LL");
    CHECK_STR(S_keys("O'Neill's"), "O'NEILL 'S");
    CHECK_STR(S_keys("the 1990's"), "THE 1990 'S");
    CHECK_STR(S_kinds(), "WNC");
    CHECK_STR(S_keys("n't"), "N'T");
    CHECK_STR(S_kinds(), "C");
    /* ’ is an apostrophe: the clitic spans its three bytes. */
    const char *biden = "Mr Biden\xE2\x80\x99s aide";
    CHECK_STR(S_keys(biden), "MR BIDEN 'S AIDE");
    CHECK_STR(S_kinds(), "WWCW");
    CHECK_STR(S_original(biden, 2), "\xE2\x80\x99s");
    CHECK_INT(tokens.items[2].start, 8);
    CHECK_INT(tokens.items[2].end, 12);
    CHECK_STR(S_keys("didn\xE2\x80\x99t"), "DID N'T");
    CHECK_STR(S_original("didn\xE2\x80\x99t", 1), "n\xE2\x80\x99t");
    CHECK_STR(S_keys("CHINA'S"), "CHINA 'S");
    CHECK_STR(S_keys("Z\xC3\xBCrich's"), "Z\xC3\x9CRICH 'S");
    /* A bare trailing apostrophe: possessive after s, else a closing quote. */
    CHECK_STR(S_keys("the countries' leaders"), "THE COUNTRIES ' LEADERS");
    CHECK_STR(S_kinds(), "WWCW");
    CHECK_INT(S_flags(2) & (TX_TOKEN_QUOTE_OPEN | TX_TOKEN_QUOTE_CLOSE), 0);
    CHECK_STR(S_keys("the countries\xE2\x80\x99 leaders"), "THE COUNTRIES ' LEADERS");
    CHECK_STR(S_kinds(), "WWCW");
    CHECK_STR(S_keys("China's. "), "CHINA 'S .");
}

static void test_quotes(void)
{
    const char *typographic = "will \xE2\x80\x9C" "absolutely\xE2\x80\x9D face";
    CHECK_STR(S_keys(typographic), "WILL \" ABSOLUTELY \" FACE");
    CHECK_STR(S_kinds(), "WPWPW");
    CHECK_INT(S_flags(1) & TX_TOKEN_QUOTE_OPEN, TX_TOKEN_QUOTE_OPEN);
    CHECK_INT(S_flags(3) & TX_TOKEN_QUOTE_CLOSE, TX_TOKEN_QUOTE_CLOSE);
    CHECK_STR(S_original(typographic, 1), "\xE2\x80\x9C");
    CHECK_INT(tokens.items[1].end - tokens.items[1].start, 3);

    CHECK_STR(S_keys("He said \"no\", then left."), "HE SAID \" NO \" , THEN LEFT .");
    CHECK_INT(S_flags(2), TX_TOKEN_QUOTE_OPEN);
    CHECK_INT(S_flags(4) & TX_TOKEN_QUOTE_CLOSE, TX_TOKEN_QUOTE_CLOSE);
    CHECK_STR(S_keys("\"We will win.\""), "\" WE WILL WIN . \"");
    CHECK_INT(S_flags(0), TX_TOKEN_QUOTE_OPEN);
    CHECK_INT(S_flags(5), TX_TOKEN_QUOTE_CLOSE);
    /* Spaced on both sides: the second closes what the first opened. */
    CHECK_STR(S_keys("a \" b \" c"), "A \" B \" C");
    CHECK_INT(S_flags(1) & TX_TOKEN_QUOTE_OPEN, TX_TOKEN_QUOTE_OPEN);
    CHECK_INT(S_flags(3) & TX_TOKEN_QUOTE_CLOSE, TX_TOKEN_QUOTE_CLOSE);

    const char *single = "its \xE2\x80\x98" "chilling silence\xE2\x80\x99 and";
    CHECK_STR(S_keys(single), "ITS ' CHILLING SILENCE ' AND");
    CHECK_STR(S_kinds(), "WPWWPW");
    CHECK_INT(S_flags(1) & TX_TOKEN_QUOTE_OPEN, TX_TOKEN_QUOTE_OPEN);
    CHECK_INT(S_flags(4) & TX_TOKEN_QUOTE_CLOSE, TX_TOKEN_QUOTE_CLOSE);  /* not a possessive */
    CHECK_STR(S_keys("the 'boys' club"), "THE ' BOYS ' CLUB");
    CHECK_STR(S_kinds(), "WPWPW");
    CHECK_INT(S_flags(1) & TX_TOKEN_QUOTE_OPEN, TX_TOKEN_QUOTE_OPEN);
    CHECK_INT(S_flags(3) & TX_TOKEN_QUOTE_CLOSE, TX_TOKEN_QUOTE_CLOSE);
    CHECK_STR(S_keys("'Hello,' he said"), "' HELLO , ' HE SAID");
    CHECK_INT(S_flags(0) & TX_TOKEN_QUOTE_OPEN, TX_TOKEN_QUOTE_OPEN);
    CHECK_INT(S_flags(3) & TX_TOKEN_QUOTE_CLOSE, TX_TOKEN_QUOTE_CLOSE);
    CHECK_STR(S_keys("\xC2\xAB" "non\xC2\xBB"), "\" NON \"");
    CHECK_INT(S_flags(0), TX_TOKEN_QUOTE_OPEN);
    CHECK_INT(S_flags(2), TX_TOKEN_QUOTE_CLOSE);
    /* A quotation nested in another, closing together. */
    const char *nested = "\xE2\x80\x9CHe said \xE2\x80\x98no\xE2\x80\x99.\xE2\x80\x9D";
    CHECK_STR(S_keys(nested), "\" HE SAID ' NO ' . \"");
    CHECK_INT(S_flags(3) & TX_TOKEN_QUOTE_OPEN, TX_TOKEN_QUOTE_OPEN);
    CHECK_INT(S_flags(5) & TX_TOKEN_QUOTE_CLOSE, TX_TOKEN_QUOTE_CLOSE);
    CHECK_INT(S_flags(7) & TX_TOKEN_QUOTE_CLOSE, TX_TOKEN_QUOTE_CLOSE);
}

static void test_periods(void)
{
    CHECK_STR(S_keys("the U.S. and U.N. and K.U. and U.S.A."),
              "THE U.S. AND U.N. AND K.U. AND U.S.A.");
    CHECK_STR(S_original("the U.S. and", 1), "U.S.");
    CHECK_STR(S_keys("Mr. Smith met Gen. Jones and Dr. Who"),
              "MR. SMITH MET GEN. JONES AND DR. WHO");
    CHECK_STR(S_keys("Acme Inc. and Foo Ltd. on Feb. 26"), "ACME INC. AND FOO LTD. ON FEB. 26");
    CHECK_STR(S_keys("John F. Kennedy"), "JOHN F. KENNEDY");
    CHECK_STR(S_keys("e.g. Ph.D. at 10 a.m."), "E.G. PH.D. AT 10 A.M.");
    /* "No." is an abbreviation only before a number. */
    CHECK_STR(S_keys("No. 5 and No.7"), "NO. 5 AND NO. 7");
    CHECK_STR(S_keys("He said no."), "HE SAID NO .");
    CHECK_STR(S_keys("He said No. Then"), "HE SAID NO . THEN");
    /* Sentence-final periods. */
    CHECK_STR(S_keys("It rose in 1990."), "IT ROSE IN 1990 .");
    CHECK_STR(S_kinds(), "WWWNP");
    CHECK_STR(S_keys("They chose Plan B."), "THEY CHOSE PLAN B .");
    CHECK_STR(S_keys("They chose Plan B.\xE2\x80\x9D"), "THEY CHOSE PLAN B . \"");
    CHECK_STR(S_keys("He moved to the U.S."), "HE MOVED TO THE U.S.");  /* no separate "." */
    CHECK_STR(S_keys("He works at Acme Inc."), "HE WORKS AT ACME INC.");
    CHECK_STR(S_keys("said.The"), "SAID . THE");
    CHECK_STR(S_keys("Sky.com"), "SKY . COM");
    CHECK_STR(S_keys("U.S.-led"), "U.S. - LED");
    CHECK_STR(S_keys("pro-U.S. forces"), "PRO-U.S. FORCES");
    CHECK_STR(S_keys("gen. ore. Gen."), "GEN . ORE . GEN.");
    CHECK_STR(S_keys("wait... what\xE2\x80\xA6 ok."), "WAIT ... WHAT ... OK .");
    CHECK_STR(S_kinds(), "WPWPWP");
    CHECK_STR(S_keys("...."), "...");
}

static void test_numbers_and_dashes(void)
{
    CHECK_STR(S_keys("140,000 civilians, 11.8 percent, 1,234.5 and 26"),
              "140,000 CIVILIANS , 11.8 PERCENT , 1,234.5 AND 26");
    CHECK_STR(S_kinds(), "NWPNWPNWN");
    CHECK_STR(S_keys("1,2 and 12,3456"), "1 , 2 AND 12 , 3456");
    CHECK_STR(S_keys("the 1990s, 26th and $5.5bn 50%"), "THE 1990S , 26TH AND $ 5.5BN 50 %");
    CHECK_STR(S_kinds(), "WWPWWPWNP");
    CHECK_STR(S_keys("Feb 26 - The"), "FEB 26 - THE");
    CHECK_STR(S_kinds(), "WNPW");
    const char *dashes = "war\xE2\x80\x94" "and \xE2\x80\x93 peace -- now";
    CHECK_STR(S_keys(dashes), "WAR - AND - PEACE - NOW");
    CHECK_STR(S_kinds(), "WPWPWPW");
    CHECK_STR(S_original(dashes, 1), "\xE2\x80\x94");
    CHECK_STR(S_original(dashes, 5), "--");
    CHECK_STR(S_keys("-5 and x-"), "- 5 AND X -");
    CHECK_STR(S_keys("(AP) [1]; yes: no? go! 9/11"), "( AP ) [ 1 ] ; YES : NO ? GO ! 9 / 11");
    CHECK_STR(S_kinds(), "PWPPNPPWPWPWPNPN");
}

static void test_flags(void)
{
    const char *s = "China NBC U.S. the iPhone A x\tNATO";
    S_keys(s);
    CHECK_INT(tokens.count, 8);
    CHECK_INT(S_flags(0), TX_TOKEN_CAPITAL | TX_TOKEN_SPACE_AFTER);
    CHECK_INT(S_flags(1), TX_TOKEN_CAPITAL | TX_TOKEN_ALLCAPS | TX_TOKEN_SPACE_AFTER);
    CHECK_INT(S_flags(2), TX_TOKEN_CAPITAL | TX_TOKEN_ALLCAPS | TX_TOKEN_SPACE_AFTER);
    CHECK_INT(S_flags(3), TX_TOKEN_SPACE_AFTER);
    CHECK_INT(S_flags(4), TX_TOKEN_SPACE_AFTER);
    CHECK_INT(S_flags(5), TX_TOKEN_CAPITAL | TX_TOKEN_SPACE_AFTER);  /* one letter: not ALLCAPS */
    CHECK_INT(S_flags(6), TX_TOKEN_SPACE_AFTER);
    CHECK_INT(S_flags(7), TX_TOKEN_CAPITAL | TX_TOKEN_ALLCAPS);      /* last: no space after */
    S_keys("CHINA'S \xC3\x89lys\xC3\xA9" "e \xC3\x89TAT");
    CHECK_INT(S_flags(0), TX_TOKEN_CAPITAL | TX_TOKEN_ALLCAPS);
    CHECK_INT(S_flags(1), TX_TOKEN_CAPITAL | TX_TOKEN_SPACE_AFTER);  /* 'S */
    CHECK_INT(S_flags(2), TX_TOKEN_CAPITAL | TX_TOKEN_SPACE_AFTER);
    CHECK_INT(S_flags(3), TX_TOKEN_CAPITAL | TX_TOKEN_ALLCAPS);
    S_keys("word, word");
    CHECK_INT(S_flags(0), 0);
    CHECK_INT(S_flags(1), TX_TOKEN_SPACE_AFTER);
    S_keys("x\xC2\xA0y");
    CHECK_INT(S_flags(0), TX_TOKEN_SPACE_AFTER);
    for (size_t k = 0; k < tokens.count; k++)
        CHECK_INT(tokens.items[k].word, 0);  /* TX_WORD_NONE */
}

static void test_abbreviations(void)
{
    /* Every entry, so a mis-sorted table (binary search) shows up here. */
    static const char *const titles[] = {"Adm", "Amb", "Atty", "Brig", "Capt", "Cmdr", "Col",
        "Cpl", "Dr", "Fr", "Gen", "Gens", "Gov", "Govs", "Hon", "Lieut", "Lt", "Maj", "Messrs",
        "Mlle", "Mme", "Mr", "Mrs", "Ms", "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen",
        "Sens", "Sgt", "Supt", "vs"};
    static const char *const others[] = {"Ala", "approx", "Apr", "Ariz", "Ark", "Assn", "Aug",
        "Ave", "Blvd", "Bros", "Calif", "Co", "Colo", "Conn", "Corp", "Cos", "Dec", "Dept",
        "etc", "Feb", "Fla", "Ft", "Ga", "Inc", "Jan", "Jr", "Jul", "Jun", "Kan", "Kans", "Ky",
        "Ltd", "Mar", "Md", "Mich", "Minn", "Mont", "Mt", "Neb", "Nev", "Nov", "Oct", "Okla",
        "Ore", "Pa", "Sep", "Sept", "Sr", "St", "Tenn", "Tex", "Univ", "Va", "Vt", "Wis", "Wyo"};
    for (size_t k = 0; k < TX_ARRAY_SIZE(titles); k++)
        CHECK_INT(tx_token_abbreviation(titles[k], strlen(titles[k])), TX_ABBREV_TITLE);
    for (size_t k = 0; k < TX_ARRAY_SIZE(others); k++)
        CHECK_INT(tx_token_abbreviation(others[k], strlen(others[k])), TX_ABBREV_OTHER);
    CHECK_INT(tx_token_abbreviation("Nos", 3), TX_ABBREV_NUMBER);
    CHECK_INT(tx_token_abbreviation("ETC", 3), TX_ABBREV_OTHER);
    CHECK_INT(tx_token_abbreviation("U.S", 3), TX_ABBREV_NONE);
    CHECK_INT(tx_token_abbreviation("Mrs.", 3), TX_ABBREV_TITLE);  /* only n bytes are read */
    CHECK_INT(tx_token_abbreviation("Mx", 2), TX_ABBREV_NONE);
    CHECK_INT(tx_token_abbreviation("Aaa", 3), TX_ABBREV_NONE);
    CHECK_INT(tx_token_abbreviation("Zzz", 3), TX_ABBREV_NONE);
    CHECK_INT(tx_token_abbreviation("Mr", 2), TX_ABBREV_TITLE);
    CHECK_INT(tx_token_abbreviation("MR", 2), TX_ABBREV_TITLE);
    CHECK_INT(tx_token_abbreviation("mr", 2), TX_ABBREV_NONE);
    CHECK_INT(tx_token_abbreviation("vs", 2), TX_ABBREV_TITLE);
    CHECK_INT(tx_token_abbreviation("No", 2), TX_ABBREV_NUMBER);
    CHECK_INT(tx_token_abbreviation("Inc", 3), TX_ABBREV_OTHER);
    CHECK_INT(tx_token_abbreviation("etc", 3), TX_ABBREV_OTHER);
    CHECK_INT(tx_token_abbreviation("Sept", 4), TX_ABBREV_OTHER);
    CHECK_INT(tx_token_abbreviation("Ore", 3), TX_ABBREV_OTHER);
    CHECK_INT(tx_token_abbreviation("ore", 3), TX_ABBREV_NONE);
    CHECK_INT(tx_token_abbreviation("Messrs", 6), TX_ABBREV_TITLE);
    CHECK_INT(tx_token_abbreviation("Mrsx", 4), TX_ABBREV_NONE);
    CHECK_INT(tx_token_abbreviation("M", 1), TX_ABBREV_NONE);
    CHECK_INT(tx_token_abbreviation("", 0), TX_ABBREV_NONE);
    CHECK_INT(tx_token_abbreviation("Washington", 10), TX_ABBREV_NONE);
}

/* Offsets of a sub-range point into the whole text, and nothing outside it is read. */
static void test_ranges(void)
{
    const char *text = "xx Hello, world\xE2\x80\x99s end yy";
    size_t start = 3, end = strlen(text) - 3;
    tx_tokens_clear(&tokens);
    CHECK_INT(tx_tokenize(text, start, end, &tokens), 0);
    CHECK(S_spans_ok(text, start, end, 0));
    CHECK_INT(tokens.count, 5);
    CHECK_INT(tokens.items[0].start, 3);
    CHECK_STR(tx_tokens_key(&tokens, 3), "'S");
    CHECK_STR(tx_tokens_key(&tokens, 4), "END");
    CHECK_INT(tokens.items[4].end, end);
    CHECK_INT(S_flags(4) & TX_TOKEN_SPACE_AFTER, 0);  /* the space after lies outside */

    /* Tokenize appends; clearing keeps the allocation. */
    size_t before = tokens.count;
    CHECK_INT(tx_tokenize(text, 0, 2, &tokens), 0);
    CHECK_INT(tokens.count, before + 1);
    CHECK_STR(tx_tokens_key(&tokens, before), "XX");
    size_t cap = tokens.cap;
    tx_tokens_clear(&tokens);
    CHECK_INT(tokens.count, 0);
    CHECK_INT(tokens.cap, cap);

    /* Exact original bytes for every token of a multi-byte text. */
    const char *multi = "\xE2\x80\x9C" "Z\xC3\xBCrich\xE2\x80\x99s caf\xC3\xA9\xE2\x80\x9D "
                        "\xE2\x80\x94 \xE4\xB8\xAD\xE5\x9B\xBD \xF0\x9F\x98\x80!";
    CHECK_STR(S_keys(multi), "\" Z\xC3\x9CRICH 'S CAF\xC3\x89 \" - "
                             "\xE4\xB8\xAD\xE5\x9B\xBD \xF0\x9F\x98\x80 !");
    const char *want[] = {"\xE2\x80\x9C", "Z\xC3\xBCrich", "\xE2\x80\x99s",
                          "caf\xC3\xA9", "\xE2\x80\x9D", "\xE2\x80\x94",
                          "\xE4\xB8\xAD\xE5\x9B\xBD", "\xF0\x9F\x98\x80", "!"};
    CHECK_INT(tokens.count, TX_ARRAY_SIZE(want));
    for (size_t k = 0; k < TX_ARRAY_SIZE(want) && k < tokens.count; k++)
        CHECK_STR(S_original(multi, k), want[k]);
}

/* Words longer than TX_TOKEN_MAX_BYTES are cut; keys always fit. */
static void test_long_words(void)
{
    size_t n = 5000;
    char *word = malloc(n + 1);
    CHECK(word != NULL);
    if (!word)
        return;
    for (size_t i = 0; i < n; i++)
        word[i] = (char)('a' + i % 26);
    word[n] = '\0';
    tx_tokens_clear(&tokens);
    CHECK_INT(tx_tokenize(word, 0, n, &tokens), 0);
    CHECK(S_spans_ok(word, 0, n, 0));
    CHECK_INT(tokens.count, (n + TX_TOKEN_MAX_BYTES - 2) / (TX_TOKEN_MAX_BYTES - 1));
    for (size_t k = 0; k < tokens.count; k++)
        CHECK(tokens.items[k].end - tokens.items[k].start <= TX_TOKEN_MAX_BYTES);
    /* The same with two-byte letters: cuts fall between characters. */
    for (size_t i = 0; i + 1 < n; i += 2)
        memcpy(word + i, "\xC3\xA9", 2);
    tx_tokens_clear(&tokens);
    CHECK_INT(tx_tokenize(word, 0, n, &tokens), 0);
    CHECK(S_spans_ok(word, 0, n, 0));
    int whole = 1;
    for (size_t k = 0; k < tokens.count; k++)
        whole &= tokens.items[k].start % 2 == 0 &&
                 tokens.items[k].key_len == tokens.items[k].end - tokens.items[k].start;
    CHECK(whole);
    free(word);
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

/* Tokenizes every sentence of text; returns the number of tokens, or -1 on a bad span. */
static long S_tokenize_all(const char *text, size_t len)
{
    tx_sentences sentences = TX_SENTENCES_INIT;
    long total = 0;
    if (tx_split_sentences(text, len, &sentences) < 0)
        total = -1;
    for (size_t i = 0; total >= 0 && i < sentences.count; i++) {
        tx_tokens_clear(&tokens);
        const tx_sentence *s = &sentences.items[i];
        if (tx_tokenize(text, s->start, s->end, &tokens) < 0 ||
            !S_spans_ok(text, s->start, s->end, 0))
            total = -1;
        else
            total += (long)tokens.count;
    }
    tx_sentences_free(&sentences);
    return total;
}

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
    CHECK_INT(tx_utf8_validate(text, len), len);
    CHECK(S_tokenize_all(text, len) > 500);

    const char *line = strstr(text, "as Jake Sullivan");
    const char *stop = line ? strchr(line, '\n') : NULL;
    CHECK(line && stop);
    if (line && stop) {
        size_t start = (size_t)(line - text), end = (size_t)(stop - text);
        tx_tokens_clear(&tokens);
        CHECK_INT(tx_tokenize(text, start, end, &tokens), 0);
        CHECK(S_spans_ok(text, start, end, 0));
        size_t len_joined = 0;
        joined[0] = '\0';
        for (size_t k = 0; k < tokens.count && len_joined + 80 < sizeof(joined); k++)
            len_joined += (size_t)snprintf(joined + len_joined, sizeof(joined) - len_joined, "%s%s",
                                           k ? " " : "", tx_tokens_key(&tokens, k));
        CHECK_STR(joined, "AS JAKE SULLIVAN , MR BIDEN 'S NATIONAL SECURITY ADVISER , MEETS WITH "
                          "CHINA 'S SENIOR DIPLOMAT , YANG JIECHI , TODAY IN ROME .");
        int clitics = 0;
        for (size_t k = 0; k < tokens.count; k++) {
            if (tokens.items[k].kind != TX_TOKEN_CLITIC)
                continue;
            clitics++;
            CHECK(memcmp(text + tokens.items[k].start, "\xE2\x80\x99s", 4) == 0);
            CHECK_INT(tokens.items[k].end - tokens.items[k].start, 4);
        }
        CHECK_INT(clitics, 2);
    }
    free(text);
}

/* Pathological input finishes (in linear time: nothing here is timed) and stays consistent. */
static void test_pathological(void)
{
    enum { SIZE = 20 * 1000 * 1000 };
    char *text = test_repeat("a.", SIZE);
    CHECK(text != NULL);
    if (!text)
        return;
    long count = S_tokenize_all(text, SIZE);
    CHECK(count > 0);
    free(text);

    text = test_repeat("U.S. ", SIZE);
    tx_tokens_clear(&tokens);
    CHECK_INT(tx_tokenize(text, 0, SIZE, &tokens), 0);
    CHECK_INT(tokens.count, SIZE / 5);
    int all = 1;
    for (size_t k = 0; k < tokens.count; k++)
        all &= strcmp(tx_tokens_key(&tokens, k), "U.S.") == 0;
    CHECK(all);
    CHECK_INT(S_tokenize_all(text, SIZE), SIZE / 5);
    free(text);

    const char *units[] = {"!", ".", "-", "'", "\"", ")", "\xE2\x80\x99", "?! ", "_", ". A",
                           "n't", "'s"};
    for (size_t u = 0; u < TX_ARRAY_SIZE(units); u++) {
        text = test_repeat(units[u], 2 * 1000 * 1000);
        CHECK(S_tokenize_all(text, strlen(text)) >= 0);  /* "_" alone gives no token */
        free(text);
    }

    for (uint32_t seed = 1; seed <= 20; seed++) {
        size_t len = 0;
        text = test_shuffle(50000, seed, &len);
        CHECK(text && S_tokenize_all(text, len) > 0);
        free(text);
    }

    /* Binary junk, repaired first. */
    size_t junk_len = 4 * 1000 * 1000;
    char *junk = malloc(junk_len);
    uint32_t state = 99;
    for (size_t i = 0; i < junk_len; i++) {
        state = state * 1664525u + 1013904223u;
        junk[i] = (char)(state >> 24);
    }
    tx_buf repaired = TX_BUF_INIT;
    CHECK(tx_utf8_repair(junk, junk_len, &repaired, NULL, NULL) > 0);
    CHECK(S_tokenize_all(repaired.data, repaired.len) > 0);
    tx_buf_free(&repaired);
    free(junk);
}

int main(void)
{
    test_words();
    test_clitics();
    test_quotes();
    test_periods();
    test_numbers_and_dashes();
    test_flags();
    test_abbreviations();
    test_ranges();
    test_long_words();
    test_seed();
    test_pathological();
    tx_tokens_free(&tokens);
    return test_report("test_token");
}
