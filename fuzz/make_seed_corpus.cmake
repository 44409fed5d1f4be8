# cmake -DOUTPUT_DIR=DIR "-DJSONL_FILES=a.jsonl;b.jsonl" "-DTEXT_FILES=x.txt" -P make_seed_corpus.cmake
#
# Writes one seed file per text: the "text" field of every JSONL line, each text file whole,
# and a few awkward inputs, each behind one of the fuzz target's 4-byte headers (flags, then
# year, month, day bytes; see extract_fuzzer.cc). Headers are printable, so seeds are text.
#   "A%%%"  reference date 2027-09-04, strict UTF-8, all kinds, no fact limit
#   "@%%%"  no reference date
#   "C%%%"  reference date and replace mode
set(headers "A%%%" "@%%%" "C%%%")
file(REMOVE_RECURSE "${OUTPUT_DIR}")
file(MAKE_DIRECTORY "${OUTPUT_DIR}")
set(count 0)

function(write_seed text)
  list(LENGTH headers header_count)
  math(EXPR which "${count} % ${header_count}")
  list(GET headers ${which} header)
  math(EXPR next "${count} + 1")
  set(count ${next} PARENT_SCOPE)
  file(WRITE "${OUTPUT_DIR}/seed-${count}" "${header}${text}")
endfunction()

foreach(jsonl ${JSONL_FILES})
  file(STRINGS "${jsonl}" lines ENCODING UTF-8)
  foreach(line IN LISTS lines)
    string(JSON text ERROR_VARIABLE error GET "${line}" text)
    if(NOT error AND NOT text STREQUAL "")
      write_seed("${text}")
    endif()
  endforeach()
endforeach()
foreach(text_file ${TEXT_FILES})
  file(READ "${text_file}" text)
  write_seed("${text}")
endforeach()
# Inputs made to be slow or odd: long runs, scales in a row, a bad reference date (month 13).
write_seed("一二三四五六七八九十百千万亿一二三四五六七八九十百千万亿兆亿亿亿亿")
write_seed("1,1,1,1,1,1,1,1,1,1,1,1.1.1.1.1%%%%%%12345678901234567890123456789012345")
write_seed("美元欧元日元英镑港元人民币USD EUR $ € £ ￥ HK$ US$ 3亿至5亿元 5%-8%")
file(WRITE "${OUTPUT_DIR}/seed-bad-date" "A%)%2020年2月30日投资3亿元，去年同期增长5%")
file(WRITE "${OUTPUT_DIR}/stamp" "${count}\n")
