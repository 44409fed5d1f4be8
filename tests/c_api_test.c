/* Tests of the C API (factx/factx.h), compiled as C99 with -Wall -Wextra
 * -Wpedantic: what a C program or a binding sees.
 *
 * The mechanics (spans, strings, options, errors, reuse) run on a small rule
 * set of the test's own, so that editing the built-in rules never breaks
 * them; a last group checks the built-in rules through the C API. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "factx/factx.h"

static int failures = 0;
static int checks = 0;

#define CHECK(condition)                                               \
  do {                                                                 \
    ++checks;                                                          \
    if (!(condition)) {                                                \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, \
              #condition);                                             \
      ++failures;                                                      \
    }                                                                  \
  } while (0)

/* Compares two strings, either of which may be NULL. */
#define CHECK_STR(actual, expected)                                           \
  do {                                                                        \
    const char* check_actual_ = (actual);                                     \
    const char* check_expected_ = (expected);                                 \
    ++checks;                                                                 \
    if (check_actual_ == NULL || check_expected_ == NULL                      \
            ? check_actual_ != check_expected_                                \
            : strcmp(check_actual_, check_expected_) != 0) {                  \
      fprintf(stderr, "%s:%d: CHECK_STR failed: %s is \"%s\", want \"%s\"\n", \
              __FILE__, __LINE__, #actual,                                    \
              check_actual_ ? check_actual_ : "(NULL)",                       \
              check_expected_ ? check_expected_ : "(NULL)");                  \
      ++failures;                                                             \
    }                                                                         \
  } while (0)

#define CHECK_SPAN(span, b, e) CHECK((span).begin == (b) && (span).end == (e))

/* Money amounts in 元, and percentages with %: enough to exercise every
 * accessor of those two kinds. */
static const char kTestRules[] =
    "table currency_zh\n"
    "  元  CNY\n"
    "table percent_sign\n"
    "  %   percent\n"
    "rule money.test\n"
    "  kind     money\n"
    "  pattern  (?P<num>[0-9]+(?:\\.[0-9]+)?[万亿]?)(?P<cur>{@currency_zh})\n"
    "rule percent.test\n"
    "  kind     percent\n"
    "  pattern  (?P<num>[0-9]+(?:\\.[0-9]+)?)(?P<sign>%)\n";

/* 投资 is 6 bytes, 300亿元 9, "，" 3, 12.5% 5. */
static const char kTestText[] = "投资300亿元，增长12.5%。";

static factx_extractor* TestExtractor(void) {
  factx_extractor* extractor = NULL;
  factx_error error;
  if (factx_extractor_create_from_rules(kTestRules, &extractor, &error) !=
      FACTX_OK) {
    fprintf(stderr, "test rules: %s\n", error.message);
  }
  return extractor;
}

/* True when `s` is well-formed UTF-8 (enough of a check for messages). */
static int IsUtf8(const char* s) {
  const unsigned char* p = (const unsigned char*)s;
  while (*p) {
    int extra = *p < 0x80             ? 0
                : (*p & 0xE0) == 0xC0 ? 1
                : (*p & 0xF0) == 0xE0 ? 2
                : (*p & 0xF8) == 0xF0 ? 3
                                      : -1;
    if (extra < 0) return 0;
    ++p;
    for (; extra > 0; --extra, ++p) {
      if ((*p & 0xC0) != 0x80) return 0;
    }
  }
  return 1;
}

static void TestVersionAndNames(void) {
  CHECK_STR(factx_version(), FACTX_VERSION_STRING);
  CHECK_STR(factx_status_name(FACTX_OK), "OK");
  CHECK_STR(factx_status_name(FACTX_INVALID_UTF8), "InvalidUtf8");
  CHECK_STR(factx_status_name(FACTX_INTERNAL), "Internal");
  CHECK_STR(factx_status_name(99), "Unknown");
  CHECK_STR(factx_kind_name(FACTX_KIND_MONEY), "money");
  CHECK_STR(factx_kind_name(FACTX_KIND_INVESTMENT), "investment");
  CHECK_STR(factx_kind_name(FACTX_KIND_NONE), "");
  CHECK_STR(factx_kind_name(3), "");
  CHECK_STR(factx_qualifier_name(FACTX_QUALIFIER_OVER), "over");
  CHECK_STR(factx_qualifier_name(FACTX_QUALIFIER_NONE), "");
  CHECK_STR(factx_percent_unit_name(FACTX_PERCENT_UNIT_POINT), "pp");
  CHECK_STR(factx_percent_unit_name(FACTX_PERCENT_UNIT_NONE), "");
  CHECK_STR(factx_investment_kind_name(FACTX_INVESTMENT_TOTAL),
            "total_investment");
  CHECK_STR(factx_investment_kind_name(FACTX_INVESTMENT_RND), "rnd_spending");
  CHECK_STR(factx_investment_kind_name(FACTX_INVESTMENT_ACQUISITION),
            "acquisition");
  CHECK_STR(factx_investment_kind_name(42), "");
}

static void TestFactsAndAccessors(void) {
  factx_extractor* extractor = TestExtractor();
  factx_result* result = factx_result_create();
  factx_error error;
  CHECK(extractor != NULL && result != NULL);
  if (extractor == NULL || result == NULL) goto done;
  CHECK(factx_extractor_rule_count(extractor) == 2);

  CHECK(factx_extract(extractor, kTestText, strlen(kTestText), NULL, result,
                      &error) == FACTX_OK);
  CHECK(error.code == FACTX_OK);
  CHECK_STR(error.message, "");
  CHECK(factx_result_count(result) == 2);

  /* 300亿元: money. */
  CHECK(factx_fact_kind(result, 0) == FACTX_KIND_MONEY);
  CHECK_SPAN(factx_fact_span(result, 0), 6, 15);
  CHECK_STR(factx_fact_value(result, 0), "30000000000");
  CHECK(factx_fact_value_double(result, 0) == 3e10);
  CHECK_STR(factx_fact_upper(result, 0), NULL);
  CHECK(isnan(factx_fact_upper_double(result, 0)));
  CHECK_STR(factx_fact_currency(result, 0), "CNY");
  CHECK(factx_fact_qualifier(result, 0) == FACTX_QUALIFIER_EXACT);
  CHECK(factx_fact_unit(result, 0) == FACTX_PERCENT_UNIT_NONE);
  CHECK_STR(factx_fact_date_begin(result, 0), NULL);
  CHECK(factx_fact_investment_kind(result, 0) == FACTX_INVESTMENT_NONE);
  CHECK_SPAN(factx_fact_trigger(result, 0), 0, 0);
  CHECK_STR(factx_extractor_rule_name(extractor, factx_fact_rule(result, 0)),
            "money.test");

  /* 12.5%: a percentage. */
  CHECK(factx_fact_kind(result, 1) == FACTX_KIND_PERCENTAGE);
  CHECK_SPAN(factx_fact_span(result, 1), 24, 29);
  CHECK_STR(factx_fact_value(result, 1), "12.5");
  CHECK(factx_fact_value_double(result, 1) == 12.5);
  CHECK(factx_fact_unit(result, 1) == FACTX_PERCENT_UNIT_PERCENT);
  CHECK(factx_fact_qualifier(result, 1) == FACTX_QUALIFIER_EXACT);
  CHECK_STR(factx_fact_currency(result, 1), NULL);
  CHECK(factx_fact_date_resolved(result, 1) == 0);
  CHECK_STR(factx_extractor_rule_name(extractor, factx_fact_rule(result, 1)),
            "percent.test");

  /* Out of range: the documented empty values, never a crash. */
  CHECK(factx_fact_kind(result, 2) == FACTX_KIND_NONE);
  CHECK_SPAN(factx_fact_span(result, 2), 0, 0);
  CHECK_STR(factx_fact_value(result, 2), NULL);
  CHECK(isnan(factx_fact_value_double(result, 2)));
  CHECK_STR(factx_fact_currency(result, (size_t)-1), NULL);
  CHECK(factx_fact_qualifier(result, 2) == FACTX_QUALIFIER_NONE);
  CHECK_STR(factx_extractor_rule_name(extractor, 1000), "");
  CHECK_STR(factx_extractor_rule_name(NULL, 0), "");

  /* Spans are in the caller's bytes even where the text was normalized:
   * the full-width digits of ３００ are 3 bytes each. */
  {
    const char* text = "投资３００亿元";
    CHECK(factx_extract(extractor, text, strlen(text), NULL, result, NULL) ==
          FACTX_OK);
    CHECK(factx_result_count(result) == 1);
    CHECK_SPAN(factx_fact_span(result, 0), 6, 21);
    CHECK_STR(factx_fact_value(result, 0), "30000000000");
  }

  /* Only the kinds asked for. */
  {
    factx_extract_options options = {0};
    options.kinds = FACTX_KIND_PERCENTAGE;
    CHECK(factx_extract(extractor, kTestText, strlen(kTestText), &options,
                        result, NULL) == FACTX_OK);
    CHECK(factx_result_count(result) == 1);
    CHECK(factx_fact_kind(result, 0) == FACTX_KIND_PERCENTAGE);
  }

  /* The text is pointer + length: it need not be NUL-terminated, and bytes
   * past `size` are not read. */
  {
    char buffer[64];
    memcpy(buffer, kTestText, 15); /* 投资300亿元 */
    memset(buffer + 15, '9', sizeof buffer - 15);
    CHECK(factx_extract(extractor, buffer, 15, NULL, result, NULL) == FACTX_OK);
    CHECK(factx_result_count(result) == 1);
    CHECK_STR(factx_fact_value(result, 0), "30000000000");
  }

done:
  factx_result_destroy(result);
  factx_extractor_destroy(extractor);
}

static void TestBadInput(void) {
  factx_extractor* extractor = TestExtractor();
  factx_result* result = factx_result_create();
  factx_extract_options options = {0};
  factx_error error;
  if (extractor == NULL || result == NULL) {
    CHECK(0);
    goto done;
  }

  /* Invalid UTF-8: an error naming the byte, and an empty result... */
  {
    const char text[] =
        "投资\xff"
        "300亿元";
    CHECK(factx_extract(extractor, text, strlen(text), NULL, result, &error) ==
          FACTX_INVALID_UTF8);
    CHECK(error.code == FACTX_INVALID_UTF8);
    CHECK(strstr(error.message, "6") != NULL);
    CHECK(factx_result_count(result) == 0);
    /* ...or, when asked, the bad byte reads as U+FFFD and spans stay in the
     * caller's bytes. */
    options.replace_invalid_utf8 = 1;
    CHECK(factx_extract(extractor, text, strlen(text), &options, result,
                        &error) == FACTX_OK);
    CHECK(factx_result_count(result) == 1);
    CHECK_SPAN(factx_fact_span(result, 0), 7, 16);
    options.replace_invalid_utf8 = 0;
    /* A sequence cut short at the end of the buffer. */
    CHECK(factx_extract(extractor, kTestText, 5, NULL, result, NULL) ==
          FACTX_INVALID_UTF8);
  }

  /* Reference dates: ISO calendar days only. */
  {
    static const char* const kBadDates[] = {
        "2020-02-30", "2021-02-29", "2020-5-6", "20200506", "", "2020-05-06 "};
    size_t i;
    for (i = 0; i < sizeof kBadDates / sizeof kBadDates[0]; ++i) {
      options.reference_date = kBadDates[i];
      CHECK(factx_extract(extractor, kTestText, strlen(kTestText), &options,
                          result, &error) == FACTX_INVALID_ARGUMENT);
      CHECK(error.message[0] != '\0');
      CHECK(factx_result_count(result) == 0);
    }
    options.reference_date = "2020-02-29";
    CHECK(factx_extract(extractor, kTestText, strlen(kTestText), &options,
                        result, &error) == FACTX_OK);
    options.reference_date = NULL;
  }

  /* A message quotes the caller's bytes only as valid UTF-8: ill-formed bytes
   * and control characters read as \xNN. */
  {
    options.reference_date = "\xFF\xFF\xFF\xFF-01-01";
    CHECK(factx_extract(extractor, kTestText, strlen(kTestText), &options,
                        result, &error) == FACTX_INVALID_ARGUMENT);
    CHECK(IsUtf8(error.message));
    CHECK(strstr(error.message, "\"\\xFF\\xFF\\xFF\\xFF-01-01\"") != NULL);
    options.reference_date = "2020-01-0\x01";
    CHECK(factx_extract(extractor, kTestText, strlen(kTestText), &options,
                        result, &error) == FACTX_INVALID_ARGUMENT);
    CHECK(strstr(error.message, "\"2020-01-0\\x01\"") != NULL);
    options.reference_date = NULL;
  }

  /* Unknown kind bits. */
  options.kinds = 16;
  CHECK(factx_extract(extractor, kTestText, strlen(kTestText), &options, result,
                      &error) == FACTX_INVALID_ARGUMENT);
  options.kinds = 0;

  /* NULL pointers. */
  CHECK(factx_extract(NULL, kTestText, strlen(kTestText), NULL, result,
                      &error) == FACTX_INVALID_ARGUMENT);
  CHECK(factx_extract(extractor, kTestText, strlen(kTestText), NULL, NULL,
                      &error) == FACTX_INVALID_ARGUMENT);
  CHECK(factx_extract(extractor, NULL, 5, NULL, result, &error) ==
        FACTX_INVALID_ARGUMENT);
  CHECK(factx_extract(extractor, NULL, 0, NULL, result, &error) == FACTX_OK);
  CHECK(factx_result_count(result) == 0);
  CHECK(factx_extract(extractor, "", 0, NULL, result, NULL) == FACTX_OK);
  CHECK(factx_result_count(NULL) == 0);
  CHECK(factx_fact_kind(NULL, 0) == FACTX_KIND_NONE);
  CHECK_STR(factx_fact_value(NULL, 0), NULL);
  CHECK_STR(factx_fact_date_end(NULL, 0), NULL);
  CHECK(isnan(factx_fact_value_double(NULL, 0)));
  CHECK_SPAN(factx_fact_investor(NULL, 0), 0, 0);
  CHECK(factx_extractor_rule_count(NULL) == 0);
  factx_extractor_destroy(NULL);
  factx_result_destroy(NULL);

  /* Limits: nothing is read past max_input_bytes; past max_facts the first
   * facts are kept. */
  options.max_input_bytes = 4;
  CHECK(factx_extract(extractor, kTestText, strlen(kTestText), &options, result,
                      &error) == FACTX_RESOURCE_EXHAUSTED);
  CHECK(factx_result_count(result) == 0);
  options.max_input_bytes = 0;
  options.max_facts = 1;
  CHECK(factx_extract(extractor, kTestText, strlen(kTestText), &options, result,
                      &error) == FACTX_RESOURCE_EXHAUSTED);
  CHECK(error.code == FACTX_RESOURCE_EXHAUSTED);
  CHECK(factx_result_count(result) == 1);
  CHECK_STR(factx_fact_value(result, 0), "30000000000");
  options.max_facts = 0;

  /* A long message is cut to fit, on a code point boundary. */
  {
    char date[600];
    size_t i;
    for (i = 0; i + 3 < sizeof date; i += 3) memcpy(date + i, "年", 3);
    date[i] = '\0';
    options.reference_date = date;
    CHECK(factx_extract(extractor, kTestText, strlen(kTestText), &options,
                        result, &error) == FACTX_INVALID_ARGUMENT);
    CHECK(strlen(error.message) < FACTX_ERROR_MESSAGE_SIZE);
    CHECK(strlen(error.message) > FACTX_ERROR_MESSAGE_SIZE - 5);
    CHECK(IsUtf8(error.message));
    options.reference_date = NULL;
  }

done:
  factx_result_destroy(result);
  factx_extractor_destroy(extractor);
}

static void TestCreateErrors(void) {
  factx_extractor* extractor = NULL;
  factx_error error;
  const char* rules[2];

  CHECK(factx_extractor_create(NULL, 0, NULL, &error) ==
        FACTX_INVALID_ARGUMENT);
  CHECK(factx_extractor_create(NULL, 1, &extractor, &error) ==
        FACTX_INVALID_ARGUMENT);
  CHECK(extractor == NULL);
  rules[0] = kTestRules;
  rules[1] = NULL;
  CHECK(factx_extractor_create(rules, 2, &extractor, &error) ==
        FACTX_INVALID_ARGUMENT);
  CHECK(strstr(error.message, "extra_rules[1]") != NULL);
  CHECK(factx_extractor_create_from_rules(NULL, &extractor, &error) ==
        FACTX_INVALID_ARGUMENT);
  CHECK(factx_extractor_create_from_rules(kTestRules, NULL, NULL) ==
        FACTX_INVALID_ARGUMENT);

  /* A pattern RE2 rejects, in the second custom text: the message names it. */
  rules[1] =
      "rule money.broken\n"
      "  kind     money\n"
      "  pattern  (?P<num>[0-9]+\n";
  CHECK(factx_extractor_create(rules, 2, &extractor, &error) ==
        FACTX_RULE_SYNTAX);
  CHECK(error.code == FACTX_RULE_SYNTAX);
  CHECK(strstr(error.message, "custom-rules-2") != NULL);
  CHECK(extractor == NULL);
  CHECK(factx_extractor_create_from_rules("rule\n", &extractor, &error) ==
        FACTX_RULE_SYNTAX);
  CHECK(extractor == NULL);
  /* Custom rule text with ill-formed bytes: quoted escaped. */
  CHECK(factx_extractor_create_from_rules("\xFF\xC0\xAF rule\n", &extractor,
                                          &error) == FACTX_RULE_SYNTAX);
  CHECK(IsUtf8(error.message));
  CHECK(strstr(error.message, "\\xFF\\xC0\\xAF") != NULL);
  CHECK(extractor == NULL);
}

/* The built-in rules, through the C API: every kind of fact, in text order. */
static void TestBuiltinRules(void) {
  factx_extractor* extractor = NULL;
  factx_result* result = factx_result_create();
  factx_extract_options options = {0};
  factx_error error;
  /* Bytes: 项目 6, 总投资 9, 300亿元 9, "，" 3, 今年1月至4月 17, 同比增长 12,
   * 12.5% 5. */
  const char* text = "项目总投资300亿元，今年1月至4月同比增长12.5%。";
  const char* range = "投资3至5亿元";

  CHECK(factx_extractor_create(NULL, 0, &extractor, &error) == FACTX_OK);
  if (extractor == NULL || result == NULL) {
    fprintf(stderr, "built-in rules: %s\n", error.message);
    CHECK(0);
    goto done;
  }
  CHECK(factx_extractor_rule_count(extractor) > 0);
  options.reference_date = "2020-05-06";
  CHECK(factx_extract(extractor, text, strlen(text), &options, result,
                      &error) == FACTX_OK);
  CHECK(factx_result_count(result) == 4);

  CHECK(factx_fact_kind(result, 0) == FACTX_KIND_MONEY);
  CHECK_SPAN(factx_fact_span(result, 0), 15, 24);
  CHECK_STR(factx_fact_value(result, 0), "30000000000");
  CHECK_STR(factx_fact_currency(result, 0), "CNY");
  CHECK(factx_fact_qualifier(result, 0) == FACTX_QUALIFIER_EXACT);

  CHECK(factx_fact_kind(result, 1) == FACTX_KIND_INVESTMENT);
  CHECK_SPAN(factx_fact_span(result, 1), 15, 24);
  CHECK_STR(factx_fact_value(result, 1), "30000000000");
  CHECK_STR(factx_fact_currency(result, 1), "CNY");
  CHECK(factx_fact_investment_kind(result, 1) == FACTX_INVESTMENT_TOTAL);
  CHECK_SPAN(factx_fact_trigger(result, 1), 6, 15);

  CHECK(factx_fact_kind(result, 2) == FACTX_KIND_DATE);
  CHECK_SPAN(factx_fact_span(result, 2), 27, 44);
  CHECK_STR(factx_fact_date_begin(result, 2), "2020-01");
  CHECK_STR(factx_fact_date_end(result, 2), "2020-04");
  CHECK(factx_fact_date_relative(result, 2) == 1);
  CHECK(factx_fact_date_resolved(result, 2) == 1);
  CHECK(factx_fact_date_fiscal(result, 2) == 0);
  CHECK_STR(factx_fact_date_part(result, 2), NULL);
  CHECK_STR(factx_fact_value(result, 2), NULL);
  CHECK(factx_fact_qualifier(result, 2) == FACTX_QUALIFIER_NONE);

  CHECK(factx_fact_kind(result, 3) == FACTX_KIND_PERCENTAGE);
  CHECK_SPAN(factx_fact_span(result, 3), 56, 61);
  CHECK_STR(factx_fact_value(result, 3), "12.5");
  CHECK(factx_fact_unit(result, 3) == FACTX_PERCENT_UNIT_PERCENT);

  /* A part of a month is its days, with the part named; the past policy puts
   * June in 2019 and Friday alone before Wednesday 2020-05-06. */
  {
    const char* late = "6月下旬周五";
    options.date_policy = FACTX_DATE_POLICY_PAST;
    CHECK(factx_extract(extractor, late, strlen(late), &options, result,
                        &error) == FACTX_OK);
    CHECK(factx_result_count(result) == 2);
    CHECK_STR(factx_fact_date_begin(result, 0), "2019-06-21");
    CHECK_STR(factx_fact_date_end(result, 0), "2019-06-30");
    CHECK_STR(factx_fact_date_part(result, 0), "late");
    CHECK_STR(factx_fact_date_begin(result, 1), "2020-05-01");
    options.date_policy = 7;
    CHECK(factx_extract(extractor, late, strlen(late), &options, result,
                        &error) == FACTX_INVALID_ARGUMENT);
    options.date_policy = FACTX_DATE_POLICY_NEWS;
  }

  /* Languages: the Chinese rules alone find 三成, the English ones 17
   * percent; an unknown tag is an invalid argument naming it. */
  {
    const char* mixed = "同比增长三成，revenue rose 17 percent";
    options.languages = "zh";
    CHECK(factx_extract(extractor, mixed, strlen(mixed), &options, result,
                        &error) == FACTX_OK);
    CHECK(factx_result_count(result) == 1);
    CHECK_STR(factx_fact_value(result, 0), "30");
    options.languages = "en-US";
    CHECK(factx_extract(extractor, mixed, strlen(mixed), &options, result,
                        &error) == FACTX_OK);
    CHECK(factx_result_count(result) == 1);
    CHECK_STR(factx_fact_value(result, 0), "17");
    options.languages = "zh,en";
    CHECK(factx_extract(extractor, mixed, strlen(mixed), &options, result,
                        &error) == FACTX_OK);
    CHECK(factx_result_count(result) == 2);
    options.languages = "fr";
    CHECK(factx_extract(extractor, mixed, strlen(mixed), &options, result,
                        &error) == FACTX_INVALID_ARGUMENT);
    CHECK(strstr(error.message, "unknown language tag \"fr\"") != NULL);
    options.languages = NULL;
  }

  /* Without a reference date, 今年 cannot be resolved. */
  CHECK(factx_extract(extractor, text, strlen(text), NULL, result, &error) ==
        FACTX_OK);
  CHECK(factx_fact_kind(result, 2) == FACTX_KIND_DATE);
  CHECK(factx_fact_date_resolved(result, 2) == 0);

  /* A range: lower bound as the value, and an upper bound. */
  options.kinds = FACTX_KIND_MONEY;
  CHECK(factx_extract(extractor, range, strlen(range), &options, result,
                      &error) == FACTX_OK);
  CHECK(factx_result_count(result) == 1);
  CHECK_STR(factx_fact_value(result, 0), "300000000");
  CHECK_STR(factx_fact_upper(result, 0), "500000000");
  CHECK(factx_fact_upper_double(result, 0) == 5e8);
  CHECK(factx_fact_qualifier(result, 0) == FACTX_QUALIFIER_RANGE);

  /* The same facts as the JSONL contract's array, as `factx --jsonl` writes
   * them: code point offsets (start 2), byte offsets (byte_start 6). */
  CHECK_STR(factx_result_json(extractor, result, range, strlen(range)),
            "[{\"type\": \"money\", \"text\": \"3至5亿元\", \"start\": 2, "
            "\"end\": 7, \"byte_start\": 6, \"byte_end\": 17, "
            "\"value\": 300000000, \"amount\": \"300000000\", "
            "\"currency\": \"CNY\", \"qualifier\": \"range\", "
            "\"min\": 300000000, \"max\": 500000000, "
            "\"rule\": \"money.zh.range_to\"}]");
  CHECK_STR(factx_result_json(NULL, result, range, strlen(range)), NULL);
  CHECK_STR(factx_result_json(extractor, NULL, range, strlen(range)), NULL);
  CHECK_STR(factx_result_json(extractor, result, NULL, 3), NULL);
  /* No facts: an empty array. */
  CHECK(factx_extract(extractor, "", 0, &options, result, &error) == FACTX_OK);
  CHECK_STR(factx_result_json(extractor, result, NULL, 0), "[]");

done:
  factx_result_destroy(result);
  factx_extractor_destroy(extractor);
}

int main(void) {
  TestVersionAndNames();
  TestFactsAndAccessors();
  TestBadInput();
  TestCreateErrors();
  TestBuiltinRules();
  if (failures != 0) {
    fprintf(stderr, "c_api_test: %d of %d checks failed\n", failures, checks);
    return 1;
  }
  printf("c_api_test: all %d checks passed\n", checks);
  return 0;
}
