// The `factx._factx` Python extension: the C++ API through pybind11.
//
// Facts come from the one serializer, factx/jsonl.h: each `FactRecord` becomes
// a dict with the JSONL contract's keys, its JSON numbers as decimal.Decimal,
// so a field added to the serializer reaches Python without a change here.
// The GIL is released while extracting; one `Extractor` is shared by every
// thread (the C++ one is immutable and thread-safe).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "factx/extractor.h"
#include "factx/jsonl.h"
#include "factx/status.h"
#include "factx/version.h"

namespace py = pybind11;

namespace {

// Raises the Python exception for a failed Status: ValueError for what the
// caller passed (a bad argument, ill-formed UTF-8, bad rules), RuntimeError
// for a limit reached or an internal error. The message is Status::ToString().
[[noreturn]] void Raise(const factx::Status& status,
                        std::string_view context = "") {
  const std::string message = std::string(context) + status.ToString();
  switch (status.code()) {
    case factx::StatusCode::kInvalidArgument:
    case factx::StatusCode::kInvalidUtf8:
    case factx::StatusCode::kRuleSyntax:
      throw py::value_error(message);
    case factx::StatusCode::kOk:
    case factx::StatusCode::kResourceExhausted:
    case factx::StatusCode::kInternal:
      break;
  }
  throw std::runtime_error(message);
}

// The `kinds` argument: an iterable (set, list, tuple) of the JSONL
// contract's type names, or None for all.
unsigned ParseKinds(const py::object& kinds) {
  if (kinds.is_none()) return factx::kAllFacts;
  if (py::isinstance<py::str>(kinds)) {
    throw py::type_error("kinds must be a set of names, e.g. {\"money\"}");
  }
  unsigned bits = 0;
  for (const py::handle& item : kinds) {
    const std::string kind = py::str(item).cast<std::string>();
    const std::optional<unsigned> known = factx::FactKindOfTypeName(kind);
    if (!known.has_value()) {
      throw py::value_error("unknown kind '" + kind +
                            "' (use money, percent, date, investment)");
    }
    bits |= *known;
  }
  return bits;
}

// The `languages` argument: language tags, as one str ("zh", "zh,en") or an
// iterable of them ({"zh", "en"}), or None for all.
unsigned ParseLanguageTags(const py::object& languages) {
  if (languages.is_none()) return factx::kAllLanguages;
  std::string tags;
  if (py::isinstance<py::str>(languages)) {
    tags = languages.cast<std::string>();
  } else {
    for (const py::handle& item : languages) {
      if (!tags.empty()) tags += ',';
      tags += py::str(item).cast<std::string>();
    }
  }
  const factx::Result<unsigned> bits = factx::ParseLanguages(tags);
  if (!bits.ok()) Raise(bits.status(), "languages: ");
  return *bits;
}

// A text argument as UTF-8 bytes: a str is encoded (a lone surrogate raises
// UnicodeEncodeError, a ValueError), bytes are taken as they are and checked
// by the extractor.
std::string TextBytes(const py::handle& text) {
  if (py::isinstance<py::bytes>(text)) return text.cast<std::string>();
  if (py::isinstance<py::str>(text)) {
    py::bytes utf8 =
        py::reinterpret_steal<py::bytes>(PyUnicode_AsUTF8String(text.ptr()));
    if (!utf8) throw py::error_already_set();
    return utf8.cast<std::string>();
  }
  throw py::type_error("text must be str or bytes");
}

// The `date_policy` argument: the names of `factx --date-policy`.
factx::DatePolicy ParseDatePolicy(const std::string& name) {
  if (name == "news") return factx::DatePolicy::kNews;
  if (name == "nearest") return factx::DatePolicy::kNearest;
  if (name == "past") return factx::DatePolicy::kPast;
  if (name == "future") return factx::DatePolicy::kFuture;
  throw py::value_error("date_policy: unknown policy '" + name +
                        "' (use news, nearest, past, future)");
}

factx::ExtractOptions MakeOptions(const py::object& ref_date,
                                  const std::string& date_policy,
                                  const py::object& kinds,
                                  const py::object& languages,
                                  bool replace_invalid_utf8,
                                  std::optional<std::size_t> max_input_bytes,
                                  std::optional<std::size_t> max_facts) {
  factx::ExtractOptions options;
  options.kinds = ParseKinds(kinds);
  options.date_policy = ParseDatePolicy(date_policy);
  options.languages = ParseLanguageTags(languages);
  options.replace_invalid_utf8 = replace_invalid_utf8;
  if (max_input_bytes.has_value()) options.max_input_bytes = *max_input_bytes;
  if (max_facts.has_value()) options.max_facts = *max_facts;
  if (!ref_date.is_none()) {
    // A datetime.date or a "YYYY-MM-DD" string.
    const std::string iso =
        py::isinstance<py::str>(ref_date)
            ? ref_date.cast<std::string>()
            : py::str(ref_date.attr("isoformat")()).cast<std::string>();
    factx::Result<factx::CivilDate> date = factx::CivilDate::Parse(iso);
    if (!date.ok()) Raise(date.status(), "ref_date: ");
    options.reference_date = *date;
  }
  return options;
}

// The Python objects the dicts are made of, looked up once per call.
struct PythonTypes {
  py::object decimal = py::module_::import("decimal").attr("Decimal");
  py::object date = py::module_::import("datetime").attr("date");
};

// "2020-09-12" (a day) -> datetime.date; anything else (a month, 2020-09-D1)
// -> None.
py::object DayOrNone(const std::string& iso, const PythonTypes& types) {
  const auto digits = [&](std::size_t from, std::size_t count) {
    return std::all_of(iso.begin() + from, iso.begin() + from + count,
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-' || !digits(0, 4) ||
      !digits(5, 2) || !digits(8, 2)) {
    return py::none();
  }
  return types.date(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)),
                    std::stoi(iso.substr(8, 2)));
}

// One record as a dict: the contract's keys in its order; JSON numbers and
// `amount` (the exact digits the contract also writes as a string) as
// decimal.Decimal; and for a date at day grain, `date` and `end_date` as
// datetime.date beside the ISO strings `value` and `end_value`.
py::dict RecordDict(const factx::FactRecord& record, const PythonTypes& types) {
  py::dict fact;
  fact["type"] = py::str(record.type.data(), record.type.size());
  fact["text"] = py::str(record.text.data(), record.text.size());
  fact["start"] = record.start;
  fact["end"] = record.end;
  fact["byte_start"] = record.span.begin;
  fact["byte_end"] = record.span.end;
  for (const factx::FactField& field : record.fields) {
    const py::str name(field.name.data(), field.name.size());
    switch (field.kind) {
      case factx::FactField::Kind::kNumber:
        fact[name] = types.decimal(field.value);
        break;
      case factx::FactField::Kind::kString:
        fact[name] = field.name == "amount" ? types.decimal(field.value)
                                            : py::object(py::str(field.value));
        break;
      case factx::FactField::Kind::kBool:
        fact[name] = py::bool_(field.value == "true");
        break;
      case factx::FactField::Kind::kNull:
        fact[name] = py::none();
        break;
    }
  }
  if (record.type == "date") {
    for (const auto& [iso_key, date_key] :
         {std::pair{"value", "date"}, std::pair{"end_value", "end_date"}}) {
      if (!fact.contains(iso_key)) continue;
      py::object day = DayOrNone(fact[iso_key].cast<std::string>(), types);
      if (!day.is_none()) fact[date_key] = day;
    }
  }
  return fact;
}

// What one extraction left behind, before the GIL is taken back.
struct Extracted {
  factx::Status status;
  std::vector<factx::FactRecord> records;
};

Extracted ExtractRecords(const factx::Extractor& extractor,
                         const std::string& text,
                         const factx::ExtractOptions& options,
                         factx::Extraction* facts) {
  Extracted out;
  out.status = extractor.Extract(text, options, facts);
  if (out.status.ok())
    out.records = factx::FactRecords(text, extractor, *facts);
  return out;
}

py::list RecordList(const std::vector<factx::FactRecord>& records) {
  const PythonTypes types;
  py::list facts;
  for (const factx::FactRecord& record : records) {
    facts.append(RecordDict(record, types));
  }
  return facts;
}

class PyExtractor {
 public:
  explicit PyExtractor(const std::vector<std::string>& extra_rules)
      : extractor_(Build(extra_rules)) {}

  py::list Extract(const py::handle& text, const py::object& ref_date,
                   const std::string& date_policy, const py::object& kinds,
                   const py::object& languages, bool replace_invalid_utf8,
                   std::optional<std::size_t> max_input_bytes,
                   std::optional<std::size_t> max_facts) const {
    const factx::ExtractOptions options =
        MakeOptions(ref_date, date_policy, kinds, languages,
                    replace_invalid_utf8, max_input_bytes, max_facts);
    const std::string bytes = TextBytes(text);
    Extracted extracted;
    {
      py::gil_scoped_release release;
      factx::Extraction facts;
      extracted = ExtractRecords(extractor_, bytes, options, &facts);
    }
    if (!extracted.status.ok()) Raise(extracted.status);
    return RecordList(extracted.records);
  }

  // The facts of `text` as the JSONL contract's JSON array, written by the
  // serializer `factx --jsonl` uses (byte for byte the same).
  py::str ExtractJson(const py::handle& text, const py::object& ref_date,
                      const std::string& date_policy, const py::object& kinds,
                      const py::object& languages, bool replace_invalid_utf8,
                      std::optional<std::size_t> max_input_bytes,
                      std::optional<std::size_t> max_facts) const {
    const factx::ExtractOptions options =
        MakeOptions(ref_date, date_policy, kinds, languages,
                    replace_invalid_utf8, max_input_bytes, max_facts);
    const std::string bytes = TextBytes(text);
    factx::Status status;
    std::string json;
    {
      py::gil_scoped_release release;
      factx::Extraction facts;
      status = extractor_.Extract(bytes, options, &facts);
      if (status.ok()) factx::AppendFactsJson(bytes, extractor_, facts, &json);
    }
    if (!status.ok()) Raise(status);
    return py::str(json);
  }

  // Each text on one of `threads` threads (documents i, i + threads, ...);
  // the first failure raises, naming its index.
  py::list ExtractMany(const py::iterable& texts, const py::object& ref_date,
                       const std::string& date_policy, const py::object& kinds,
                       const py::object& languages, bool replace_invalid_utf8,
                       int threads, std::optional<std::size_t> max_input_bytes,
                       std::optional<std::size_t> max_facts) const {
    if (threads < 1) throw py::value_error("threads must be at least 1");
    const factx::ExtractOptions options =
        MakeOptions(ref_date, date_policy, kinds, languages,
                    replace_invalid_utf8, max_input_bytes, max_facts);
    std::vector<std::string> documents;
    for (const py::handle& text : texts) documents.push_back(TextBytes(text));
    std::vector<Extracted> results(documents.size());
    {
      py::gil_scoped_release release;
      const std::size_t workers =
          std::min<std::size_t>(static_cast<std::size_t>(threads),
                                std::max<std::size_t>(documents.size(), 1));
      auto work = [&](std::size_t t) {
        factx::Extraction facts;
        for (std::size_t i = t; i < documents.size(); i += workers) {
          results[i] =
              ExtractRecords(extractor_, documents[i], options, &facts);
        }
      };
      std::vector<std::thread> helpers;
      for (std::size_t t = 1; t < workers; ++t) helpers.emplace_back(work, t);
      work(0);
      for (std::thread& helper : helpers) helper.join();
    }
    py::list all;
    for (std::size_t i = 0; i < results.size(); ++i) {
      if (!results[i].status.ok()) {
        Raise(results[i].status, "document " + std::to_string(i) + ": ");
      }
      all.append(RecordList(results[i].records));
    }
    return all;
  }

  std::size_t rule_count() const { return extractor_.rule_count(); }

 private:
  static factx::Extractor Build(const std::vector<std::string>& extra_rules) {
    factx::ExtractorOptions options;
    options.extra_rules = extra_rules;
    factx::Result<factx::Extractor> built = factx::Extractor::Create(options);
    if (!built.ok()) Raise(built.status());
    return std::move(built).value();
  }

  const factx::Extractor extractor_;
};

constexpr char kExtractDoc[] =
    R"(Facts of one text, as a list of dicts in the JSONL contract.

text: str or bytes (UTF-8; ill-formed bytes raise ValueError unless
    replace_invalid_utf8=True). start/end are code point offsets, valid for
    slicing the str; byte_start/byte_end are UTF-8 byte offsets.
ref_date: "YYYY-MM-DD" or datetime.date, the article's date (resolves 今年,
    去年同期); None leaves relative dates without a value.
date_policy: where a weekday, month-day, month or day without a year lands
    around ref_date: "news" (default: before it in a past-tense clause, after
    it in a future one, else the nearest), "nearest", "past" or "future".
kinds: names from {"money", "percent", "date", "investment"} (default all).
languages: whose rules run, language tags as a str ("zh", "zh,en") or a set
    ({"zh"}); default both. An unknown tag raises ValueError.
Raises ValueError for bad input, RuntimeError when a limit is reached.)";

}  // namespace

PYBIND11_MODULE(_factx, m) {
  m.doc() =
      "factx: typed facts (money, percentages, dates, investments) "
      "from Chinese and English news.";
  m.attr("__version__") = FACTX_VERSION_STRING;
  // The keyword options of every extract method, each default stated once.
  const py::arg_v ref_date = py::arg("ref_date") = py::none();
  const py::arg_v date_policy = py::arg("date_policy") = "news";
  const py::arg_v kinds = py::arg("kinds") = py::none();
  const py::arg_v languages = py::arg("languages") = py::none();
  const py::arg_v replace_invalid_utf8 = py::arg("replace_invalid_utf8") =
      false;
  const py::arg_v max_input_bytes = py::arg("max_input_bytes") = py::none();
  const py::arg_v max_facts = py::arg("max_facts") = py::none();
  py::class_<PyExtractor>(m, "Extractor", R"(Finds facts in text.

Build one (about 10 ms; each rule compiles when a text first needs it) and
share it: it is immutable, thread-safe, and releases the GIL while it extracts.)")
      .def(py::init<const std::vector<std::string>&>(),
           py::arg("extra_rules") = std::vector<std::string>())
      .def("extract", &PyExtractor::Extract, kExtractDoc, py::arg("text"),
           py::kw_only(), ref_date, date_policy, kinds, languages,
           replace_invalid_utf8, max_input_bytes, max_facts)
      .def("extract_json", &PyExtractor::ExtractJson,
           "The facts of one text as the JSON array `factx --jsonl` writes "
           "(a str); the arguments are those of extract().",
           py::arg("text"), py::kw_only(), ref_date, date_policy, kinds,
           languages, replace_invalid_utf8, max_input_bytes, max_facts)
      .def("extract_many", &PyExtractor::ExtractMany,
           "The facts of each text (a list per text, in order), extracted on "
           "`threads` threads; the arguments are those of extract().",
           py::arg("texts"), py::kw_only(), ref_date, date_policy, kinds,
           languages, replace_invalid_utf8, py::arg("threads") = 1,
           max_input_bytes, max_facts)
      .def_property_readonly("rule_count", &PyExtractor::rule_count);
}
