/* The C consumer: the same check as check_facts.cc through the C API
 * (factx/factx.h). */
#include <stdio.h>
#include <string.h>

#include "factx/factx.h"

int main(void) {
  const char* text = "这个项目总投资300亿元。";
  factx_extractor* extractor = NULL;
  factx_result* result = NULL;
  factx_error error;
  size_t i, money = 0;
  int right = 0;

  if (factx_extractor_create(NULL, 0, &extractor, &error) != FACTX_OK) {
    fprintf(stderr, "%s: %s\n", factx_status_name(error.code), error.message);
    return 1;
  }
  result = factx_result_create();
  if (result != NULL && factx_extract(extractor, text, strlen(text), NULL,
                                      result, &error) == FACTX_OK) {
    for (i = 0; i < factx_result_count(result); ++i) {
      factx_span span = factx_fact_span(result, i);
      if (factx_fact_kind(result, i) != FACTX_KIND_MONEY) continue;
      ++money;
      printf("factx %s (C): %.*s = %s %s\n", factx_version(),
             (int)(span.end - span.begin), text + span.begin,
             factx_fact_value(result, i), factx_fact_currency(result, i));
      right = strcmp(factx_fact_value(result, i), "30000000000") == 0 &&
              strcmp(factx_fact_currency(result, i), "CNY") == 0;
    }
  } else {
    fprintf(stderr, "%s: %s\n", factx_status_name(error.code), error.message);
  }
  factx_result_destroy(result);
  factx_extractor_destroy(extractor);
  if (money != 1 || !right) {
    fprintf(stderr, "want one money fact: 300亿元 = 30000000000 CNY\n");
    return 1;
  }
  return 0;
}
