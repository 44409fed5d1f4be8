/* factx/factx.h: the C API (C99, also valid C++), for C programs and for
 * bindings (Python ctypes, Go cgo, Rust, ...). It wraps the C++ API of
 * factx/extractor.h; no C++ type crosses this boundary.
 *
 *   factx_extractor* extractor = NULL;
 *   factx_error error;
 *   if (factx_extractor_create(NULL, 0, &extractor, &error) != FACTX_OK) {
 *     fprintf(stderr, "factx: %s\n", error.message);
 *     return 1;
 *   }
 *   factx_result* result = factx_result_create();
 *   factx_extract_options options = {0};    // all zero = the defaults
 *   options.reference_date = "2020-05-06";  // the article's date
 *   const char* text = "项目总投资300亿元。";
 *   if (factx_extract(extractor, text, strlen(text), &options, result,
 *                     &error) == FACTX_OK) {
 *     for (size_t i = 0; i < factx_result_count(result); ++i) {
 *       factx_span span = factx_fact_span(result, i);
 *       printf("%s %.*s = %s %s\n",
 *              factx_kind_name(factx_fact_kind(result, i)),
 *              (int)(span.end - span.begin), text + span.begin,
 *              factx_fact_value(result, i), factx_fact_currency(result, i));
 *     }  // money 300亿元 = 30000000000 CNY, then investment 300亿元 = ...
 *   }
 *   factx_result_destroy(result);
 *   factx_extractor_destroy(extractor);
 *
 * Ownership. The caller owns what a `*_create` function gives it and frees it
 * with the matching `*_destroy` (which accepts NULL). Strings returned by
 * `factx_fact_*` belong to the result: they stay valid until the next
 * `factx_extract` into that result or its destruction. Strings returned by
 * `factx_*_name` and `factx_version` are static. factx never keeps a pointer
 * to the caller's text or options after a call returns.
 *
 * Thread-safety. An extractor is immutable once built: any number of threads
 * may call `factx_extract` on one extractor at once. A result is not
 * thread-safe: give each thread its own, and reuse it across calls (it keeps
 * its buffers). There is no global state, so no initialisation call.
 *
 * Text and offsets. Input is UTF-8 given as pointer + byte length (it need not
 * be NUL-terminated and may contain NUL bytes). Every span is a half-open range
 * of BYTE offsets [begin, end) into that same buffer, on code point
 * boundaries, even where factx matched a normalized form (full-width digits,
 * traditional characters).
 *
 * Errors. Functions that can fail return a `factx_status` and, when the caller
 * passes a `factx_error`, also write the code and a message into it. Accessors
 * never fail: for a NULL result, an index out of range or a field the fact's
 * type does not have, they return the documented empty value (0, NULL, NaN or
 * a `*_NONE` constant). No C++ exception ever leaves this API.
 */
#ifndef FACTX_FACTX_H_
#define FACTX_FACTX_H_

#include <stddef.h>
#include <stdint.h>

#include "factx/version.h"

#ifdef __cplusplus
/* The functions are defined in C++ as noexcept; C++ callers see it too. */
#define FACTX_C_NOEXCEPT noexcept
extern "C" {
#else
#define FACTX_C_NOEXCEPT
#endif

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

/* The same vocabulary, and the same values, as factx::StatusCode. */
typedef enum factx_status {
  FACTX_OK = 0,
  /* A wrong argument: a NULL pointer the function needs, a reference date
   * that is not "YYYY-MM-DD" or not a calendar day, unknown kind bits. Fix the
   * call; retrying it unchanged gives the same answer. */
  FACTX_INVALID_ARGUMENT = 1,
  /* The text is not well-formed UTF-8; the message names the first bad byte
   * offset. Clean the text or set `replace_invalid_utf8`. */
  FACTX_INVALID_UTF8 = 2,
  /* A custom rule text does not parse or a pattern does not compile; the
   * message names the source ("custom-rules-N"), line and rule. Fix the rule
   * text. */
  FACTX_RULE_SYNTAX = 3,
  /* A limit was reached (`max_input_bytes`, `max_facts`). The facts found
   * before the limit are in the result: use them or split the text. */
  FACTX_RESOURCE_EXHAUSTED = 4,
  /* A bug or a broken environment (ICU data missing). Report it. */
  FACTX_INTERNAL = 5
} factx_status;

/* Room for a message, NUL included; longer messages are cut on a UTF-8 code
 * point boundary. */
#define FACTX_ERROR_MESSAGE_SIZE 256

/* Where a failing call explains itself. Caller-owned (usually on the stack);
 * every function that takes one writes it on success too (code FACTX_OK,
 * message ""). */
typedef struct factx_error {
  int code; /* a factx_status */
  char message[FACTX_ERROR_MESSAGE_SIZE];
} factx_error;

/* "OK", "InvalidArgument", "InvalidUtf8", "RuleSyntax", "ResourceExhausted",
 * "Internal"; "Unknown" for any other value. */
const char* factx_status_name(int status) FACTX_C_NOEXCEPT;

/* FACTX_VERSION_STRING of the library actually linked, e.g. "0.1.0". */
const char* factx_version(void) FACTX_C_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Extractor                                                                */

typedef struct factx_extractor factx_extractor;

/* Builds an extractor from the built-in rules plus `extra_rule_count` custom
 * rule texts (NUL-terminated UTF-8, format of docs/rules.md; `extra_rules` may
 * be NULL when the count is 0). Custom rules may use the built-in fragments
 * and extend the built-in tables (a new currency, a new investment trigger).
 * Compiling the rules takes a fraction of a second: build once, share, keep.
 *
 * On success returns FACTX_OK and sets *out. Otherwise sets *out to NULL (when
 * `out` is not NULL) and returns FACTX_INVALID_ARGUMENT (`out` NULL, a NULL
 * rule text), FACTX_RULE_SYNTAX or FACTX_INTERNAL. `error` may be NULL. */
factx_status factx_extractor_create(const char* const* extra_rules,
                                    size_t extra_rule_count,
                                    factx_extractor** out,
                                    factx_error* error) FACTX_C_NOEXCEPT;

/* Builds an extractor from `rule_text` (NUL-terminated) alone, without the
 * built-in rules. Errors as for factx_extractor_create. */
factx_status factx_extractor_create_from_rules(
    const char* rule_text, factx_extractor** out,
    factx_error* error) FACTX_C_NOEXCEPT;

/* Frees an extractor; NULL is a no-op. No `factx_extract` on it may be
 * running. Results it filled stay valid. */
void factx_extractor_destroy(factx_extractor* extractor) FACTX_C_NOEXCEPT;

/* Number of rules; 0 for NULL. */
size_t factx_extractor_rule_count(const factx_extractor* extractor)
    FACTX_C_NOEXCEPT;

/* The name of rule `rule` (see factx_fact_rule), e.g. "money.zh.arabic";
 * "" for NULL or an unknown id. Owned by the extractor. */
const char* factx_extractor_rule_name(const factx_extractor* extractor,
                                      uint32_t rule) FACTX_C_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Extraction                                                               */

/* The fact kinds. The values are bits, also used for
 * `factx_extract_options.kinds` (they equal those of factx::FactKind). */
typedef enum factx_kind {
  FACTX_KIND_NONE = 0, /* what accessors return for a bad index */
  FACTX_KIND_MONEY = 1,
  FACTX_KIND_PERCENTAGE = 2,
  FACTX_KIND_DATE = 4,
  /* An amount its clause presents as an investment. The same amount is also
   * a FACTX_KIND_MONEY fact when money is asked for. */
  FACTX_KIND_INVESTMENT = 8
} factx_kind;

#define FACTX_ALL_KINDS                                         \
  (FACTX_KIND_MONEY | FACTX_KIND_PERCENTAGE | FACTX_KIND_DATE | \
   FACTX_KIND_INVESTMENT)

/* Values of factx_extract_options.date_policy (docs/dates.md). */
typedef enum factx_date_policy {
  /* Before the reference when the clause speaks of the past (closed, 了),
   * after it when it speaks of the future (will, 将), else the nearest. */
  FACTX_DATE_POLICY_NEWS = 0,
  FACTX_DATE_POLICY_NEAREST = 1, /* the nearest such date */
  FACTX_DATE_POLICY_PAST = 2,    /* the latest on or before the reference */
  FACTX_DATE_POLICY_FUTURE = 3   /* the earliest on or after the reference */
} factx_date_policy;

/* Per-call options. All zero (`= {0}`) means every default, given in
 * parentheses. */
typedef struct factx_extract_options {
  /* (0 = FACTX_ALL_KINDS) An OR of factx_kind bits; other bits are
   * FACTX_INVALID_ARGUMENT. */
  unsigned kinds;
  /* (NULL) The date the article was written, "YYYY-MM-DD", NUL-terminated.
   * Resolves 今年, 去年同期, 上月; without it those facts are unresolved. */
  const char* reference_date;
  /* (0) 0: ill-formed UTF-8 is FACTX_INVALID_UTF8. Non-zero: each bad byte
   * reads as U+FFFD, which ends any figure and never belongs to one. */
  int replace_invalid_utf8;
  /* (0 = 64 MiB) Longer text is refused with FACTX_RESOURCE_EXHAUSTED. */
  size_t max_input_bytes;
  /* (0 = 1,000,000) At most this many facts of the asked-for kinds; one more
   * makes the call return FACTX_RESOURCE_EXHAUSTED, keeping the first ones. */
  size_t max_facts;
  /* (0 = FACTX_DATE_POLICY_NEWS) Where a weekday, month-day, month or day
   * without a year lands around the reference date (factx_date_policy); other
   * values are FACTX_INVALID_ARGUMENT. Added last: the fields above keep
   * their offsets. */
  int date_policy;
  /* (NULL = all) Whose rules run: comma-separated language tags,
   * NUL-terminated, "zh", "en" or "zh,en" (BCP 47; "zh-Hant", "en-US" read as
   * their language). An unknown tag is FACTX_INVALID_ARGUMENT. Added last. */
  const char* languages;
} factx_extract_options;

/* The facts of one text. Create one per thread and reuse it. */
typedef struct factx_result factx_result;

/* A new empty result; NULL only if memory is exhausted. */
factx_result* factx_result_create(void) FACTX_C_NOEXCEPT;
/* Frees a result and the strings it handed out; NULL is a no-op. */
void factx_result_destroy(factx_result* result) FACTX_C_NOEXCEPT;

/* Replaces the facts in `result` with those of the `size` bytes at `text`.
 * `text` may be NULL when `size` is 0; `options` may be NULL (defaults);
 * `error` may be NULL. Returns FACTX_OK, FACTX_INVALID_ARGUMENT (NULL
 * extractor or result, NULL text with a non-zero size, bad options),
 * FACTX_INVALID_UTF8, FACTX_RESOURCE_EXHAUSTED (the result keeps the facts
 * found before the limit) or FACTX_INTERNAL. After any other error the result
 * is empty. */
factx_status factx_extract(const factx_extractor* extractor, const char* text,
                           size_t size, const factx_extract_options* options,
                           factx_result* result,
                           factx_error* error) FACTX_C_NOEXCEPT;

/* The facts of `result` as a JSON array in the JSONL contract of
 * docs/jsonl.md, `[{"type": "money", "text": "300亿元", "start": 4, ...}]`,
 * exactly as `factx --jsonl` writes them (one serializer, factx/jsonl.h).
 * `text` and `size` must be what `result` was extracted from by `extractor`.
 * The string is NUL-terminated, valid UTF-8, owned by `result` and valid until
 * its next use; NULL for a NULL extractor or result, or a NULL text with a
 * non-zero size. */
const char* factx_result_json(const factx_extractor* extractor,
                              const factx_result* result, const char* text,
                              size_t size) FACTX_C_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Facts: index i in [0, factx_result_count(result)), in text order (by span
 * begin; at equal begins money, investment, percentage, date, as in JSONL). */

typedef struct factx_span {
  size_t begin; /* byte offsets into the caller's text, [begin, end) */
  size_t end;
} factx_span;

typedef enum factx_qualifier {
  FACTX_QUALIFIER_NONE = -1, /* a date, or a bad index */
  FACTX_QUALIFIER_EXACT = 0, /* 300亿元, 17% */
  FACTX_QUALIFIER_APPROX,    /* 约, 左右, about */
  FACTX_QUALIFIER_OVER,      /* 超, 逾, 以上, more than */
  FACTX_QUALIFIER_UNDER,     /* 近, 不到, nearly */
  FACTX_QUALIFIER_RANGE      /* 3亿至5亿元: value is the lower bound */
} factx_qualifier;

typedef enum factx_percent_unit {
  FACTX_PERCENT_UNIT_NONE = -1,   /* not a percentage, or a bad index */
  FACTX_PERCENT_UNIT_PERCENT = 0, /* 17%, 三成, 5‰ (0.5) */
  FACTX_PERCENT_UNIT_POINT = 1    /* 2个百分点, 50 basis points (0.5) */
} factx_percent_unit;

typedef enum factx_investment_kind {
  FACTX_INVESTMENT_NONE = -1,   /* not an investment, or a bad index */
  FACTX_INVESTMENT_TOTAL = 0,   /* 项目总投资 */
  FACTX_INVESTMENT_INVESTMENT,  /* 投资, 出资, 斥资, invest */
  FACTX_INVESTMENT_FINANCING,   /* 融资, 募资, A轮, raised */
  FACTX_INVESTMENT_FUND,        /* 设立…基金, 基金规模 */
  FACTX_INVESTMENT_CREDIT_LINE, /* 信贷额度, 授信 */
  FACTX_INVESTMENT_RND,         /* 研发投入 */
  FACTX_INVESTMENT_ACQUISITION /* 收购, 交易作价, acquire (added last: values
                                  stay) */
} factx_investment_kind;

/* Number of facts; 0 for NULL. */
size_t factx_result_count(const factx_result* result) FACTX_C_NOEXCEPT;

/* Its kind; FACTX_KIND_NONE for a bad index. */
factx_kind factx_fact_kind(const factx_result* result,
                           size_t i) FACTX_C_NOEXCEPT;
/* Where it is in the text; {0, 0} for a bad index. */
factx_span factx_fact_span(const factx_result* result,
                           size_t i) FACTX_C_NOEXCEPT;
/* The id of the rule that found it (factx_extractor_rule_name); 0 for a bad
 * index. */
uint32_t factx_fact_rule(const factx_result* result, size_t i) FACTX_C_NOEXCEPT;

/* Money and investments: the amount in whole units of the currency;
 * percentages: the value in percent units (or points). For a range, the lower
 * bound. Exact plain decimal ("30000000000", "3.75", "-0.5"); NULL for a date
 * or a bad index. */
const char* factx_fact_value(const factx_result* result,
                             size_t i) FACTX_C_NOEXCEPT;
/* The same as the nearest double (for display or statistics); NaN where
 * factx_fact_value is NULL. */
double factx_fact_value_double(const factx_result* result,
                               size_t i) FACTX_C_NOEXCEPT;
/* The upper bound of a range (qualifier FACTX_QUALIFIER_RANGE); NULL / NaN
 * otherwise. */
const char* factx_fact_upper(const factx_result* result,
                             size_t i) FACTX_C_NOEXCEPT;
double factx_fact_upper_double(const factx_result* result,
                               size_t i) FACTX_C_NOEXCEPT;
/* Money and investments: the ISO 4217 code ("CNY", "USD"), or "" when the
 * text names no known currency; NULL for other types or a bad index. */
const char* factx_fact_currency(const factx_result* result,
                                size_t i) FACTX_C_NOEXCEPT;
/* Money, investments and percentages; FACTX_QUALIFIER_NONE otherwise. */
factx_qualifier factx_fact_qualifier(const factx_result* result,
                                     size_t i) FACTX_C_NOEXCEPT;
/* Percentages; FACTX_PERCENT_UNIT_NONE otherwise. */
factx_percent_unit factx_fact_unit(const factx_result* result,
                                   size_t i) FACTX_C_NOEXCEPT;

/* Dates: the first day, month, quarter... of the expression as an ISO
 * 8601-style partial date at its precision ("2020", "2020-H1", "2020-Q3",
 * "2020-09", "2020-09-12"; 中旬 is "2020-09-11".."2020-09-20"); NULL for other
 * types or a bad index. */
const char* factx_fact_date_begin(const factx_result* result,
                                  size_t i) FACTX_C_NOEXCEPT;
/* Dates: the inclusive end of a period (今年1月至4月 -> "2020-04"); NULL for a
 * single date (the period is then begin alone), other types or a bad index. */
const char* factx_fact_date_end(const factx_result* result,
                                size_t i) FACTX_C_NOEXCEPT;
/* Dates: 1 when the text is relative to the article's date or an earlier
 * date (今年, 上月, 次年); 0 otherwise and for other types. */
int factx_fact_date_relative(const factx_result* result,
                             size_t i) FACTX_C_NOEXCEPT;
/* Dates: 0 when the expression needed a reference date that was not given
 * (begin/end then hold only what the text states, year "0000" where it
 * states none); 1 otherwise. 0 for other types. */
int factx_fact_date_resolved(const factx_result* result,
                             size_t i) FACTX_C_NOEXCEPT;
/* Dates: 1 when the text names a fiscal year (2020财年, FY2020). */
int factx_fact_date_fiscal(const factx_result* result,
                           size_t i) FACTX_C_NOEXCEPT;
/* "early", "mid" or "late" when the date is that part of a month (9月上旬,
 * mid-March, 月底: value and end are its days); NULL otherwise. */
const char* factx_fact_date_part(const factx_result* result,
                                 size_t i) FACTX_C_NOEXCEPT;

/* Investments: what the amount is for; FACTX_INVESTMENT_NONE otherwise. */
factx_investment_kind factx_fact_investment_kind(const factx_result* result,
                                                 size_t i) FACTX_C_NOEXCEPT;
/* Investments: the words that make the amount an investment (总投资, 融资);
 * {0, 0} otherwise. */
factx_span factx_fact_trigger(const factx_result* result,
                              size_t i) FACTX_C_NOEXCEPT;
/* Investments: the investor and the target, when the clause names them
 * plainly; {0, 0} when it does not, and for other types. */
factx_span factx_fact_investor(const factx_result* result,
                               size_t i) FACTX_C_NOEXCEPT;
factx_span factx_fact_target(const factx_result* result,
                             size_t i) FACTX_C_NOEXCEPT;

/* Names as in the JSONL contract: "money", "percentage", "date",
 * "investment" ("" for FACTX_KIND_NONE); "exact", "approx", "over", "under",
 * "range"; "%", "pp"; "total_investment", "investment", "financing", "fund",
 * "credit_line", "rnd_spending". "" for a NONE or unknown value. Static. */
const char* factx_kind_name(int kind) FACTX_C_NOEXCEPT;
const char* factx_qualifier_name(int qualifier) FACTX_C_NOEXCEPT;
const char* factx_percent_unit_name(int unit) FACTX_C_NOEXCEPT;
const char* factx_investment_kind_name(int kind) FACTX_C_NOEXCEPT;

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* FACTX_FACTX_H_ */
