/* test_noise.c: the boilerplate filter for scraped article lines. */
#include "noise.h"
#include "test.h"

#include <stdlib.h>

static const char article[] =
    "Ministers meet in Geneva as talks resume\n"                       /* 1: own headline */
    "Ministers from both countries met in Geneva on Tuesday.\n"        /* 2 */
    "Read more: Five things to know about the talks\n"                 /* 3: promo */
    "\n"
    "Talks collapse as envoys walk out of Vienna meeting\n"            /* 5: headline */
    "In other developments\n"                                          /* 6: label */
    "The foreign minister told reporters: “We are ready to talk.”\n"   /* 7 */
    "Energy crisis: Can Europe survive the winter?\n"                  /* 8: topic headline */
    "He said: the talks would go on.\n"                                /* 9 */
    "Please use Chrome browser for a more accessible video player\n"   /* 10: promo */
    "Ministers from both countries met in Geneva on Tuesday.\n"        /* 11: repeated */
    "Officials said the next round would take place in\n"             /* 12: wrapped */
    "the spring, after elections in both countries.\n"                 /* 13 */
    "Follow us on social media\n";                                     /* 14: promo */

static int S_kind_of_line(const tx_lines *lines, uint32_t number)
{
    for (size_t i = 0; i < lines->count; i++)
        if (lines->items[i].number == number)
            return lines->items[i].kind;
    return -1;
}

int main(void)
{
    tx_lines lines = TX_LINES_INIT;
    CHECK_INT(tx_noise_classify(article, strlen(article), &lines), 0);
    CHECK_INT(lines.count, 13);  /* the blank line is left out */
    CHECK_INT(S_kind_of_line(&lines, 1), TX_NOISE_NONE);
    CHECK_INT(S_kind_of_line(&lines, 2), TX_NOISE_NONE);
    CHECK_INT(S_kind_of_line(&lines, 3), TX_NOISE_PROMO);
    CHECK_INT(S_kind_of_line(&lines, 5), TX_NOISE_HEADLINE);
    CHECK_INT(S_kind_of_line(&lines, 6), TX_NOISE_LABEL);
    CHECK_INT(S_kind_of_line(&lines, 7), TX_NOISE_NONE);
    CHECK_INT(S_kind_of_line(&lines, 8), TX_NOISE_HEADLINE);
    CHECK_INT(S_kind_of_line(&lines, 9), TX_NOISE_NONE);
    CHECK_INT(S_kind_of_line(&lines, 10), TX_NOISE_PROMO);
    CHECK_INT(S_kind_of_line(&lines, 11), TX_NOISE_REPEATED);
    CHECK_INT(S_kind_of_line(&lines, 12), TX_NOISE_NONE);
    CHECK_INT(S_kind_of_line(&lines, 13), TX_NOISE_NONE);
    CHECK_INT(S_kind_of_line(&lines, 14), TX_NOISE_PROMO);
    const tx_line *l = &lines.items[2];
    CHECK_INT(l->start, strlen("Ministers meet in Geneva as talks resume\n"
                               "Ministers from both countries met in Geneva on Tuesday.\n"));
    CHECK_STR(tx_noise_name(TX_NOISE_HEADLINE), "headline");

    /* empty input, and a pathological article: 200,000 identical lines stay linear */
    CHECK_INT(tx_noise_classify("", 0, &lines), 0);
    CHECK_INT(lines.count, 0);
    size_t n = 200000, unit = strlen("The same sentence again and again.\n");
    char *big = malloc(n * unit + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(big + i * unit, "The same sentence again and again.\n", unit);
    CHECK_INT(tx_noise_classify(big, n * unit, &lines), 0);
    CHECK_INT(lines.count, n);
    CHECK_INT(lines.items[1].kind, TX_NOISE_REPEATED);
    free(big);
    tx_lines_free(&lines);

    /* sentences glued to flattened link lists are junk; names in camel case are not */
    static const char *const junk[] = {
        "Senator Kay Vance Kay Ellen VanceSenate panel votes on budget Ports reopen MORE said on Friday.",
        "Minister Dal Ormond Dal OrmondTalks stall again MORE, who spoke first.",
    };
    static const char *const clean[] = {
        "Senator Kay Vance said on Friday that MORE funds were needed for the ports.",
        "The RealClearPolitics average moved after Mr. McConnell spoke to DeSantis on YouTube.",
        "MORE", "",
    };
    for (size_t i = 0; i < TX_ARRAY_SIZE(junk); i++)
        CHECK_INT(tx_noise_link_junk(junk[i], strlen(junk[i])), 1);
    for (size_t i = 0; i < TX_ARRAY_SIZE(clean); i++)
        CHECK_INT(tx_noise_link_junk(clean[i], strlen(clean[i])), 0);
    CHECK_STR(tx_noise_name(TX_NOISE_LINKS), "links");
    return test_report("test_noise");
}
