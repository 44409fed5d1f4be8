"""Tests of the factx Python module: values, offsets, errors, threads."""

import datetime
import decimal
import json
import threading
import time

import pytest

import factx


@pytest.fixture(scope="module")
def ex():
    return factx.Extractor()


def test_money_value_is_an_exact_decimal(ex):
    facts = ex.extract("项目总投资超800亿元，另有36.57亿元。", kinds={"money"})
    assert [f["text"] for f in facts] == ["超800亿元", "36.57亿元"]
    assert facts[0]["value"] == decimal.Decimal("80000000000")
    assert facts[0]["amount"] == decimal.Decimal("80000000000")
    assert facts[1]["value"] == decimal.Decimal("3657000000")
    assert isinstance(facts[1]["value"], decimal.Decimal)
    assert facts[0]["currency"] == "CNY"
    assert facts[0]["qualifier"] == "over"
    assert facts[0]["rule"].startswith("money.")


def test_every_type_has_the_contract_fields(ex):
    text = "项目总投资超800亿元，今年1月至4月同比增长3%至5%，2017年9月12日开工。"
    facts = ex.extract(text, ref_date="2020-05-06")
    types = [f["type"] for f in facts]
    assert types == ["money", "investment", "date", "percent", "date"]
    investment = facts[1]
    assert investment["kind"] == "total_investment"
    assert investment["trigger"] == "总投资"
    date_range = facts[2]
    assert (date_range["value"], date_range["end_value"]) == ("2020-01", "2020-04")
    assert date_range["relative"] is True
    assert "date" not in date_range  # a month is not a day
    percent = facts[3]
    assert (percent["min"], percent["max"]) == (decimal.Decimal(3), decimal.Decimal(5))
    assert percent["unit"] == "%"
    assert percent["qualifier"] == "range"
    day = facts[4]
    assert day["value"] == "2017-09-12"
    assert day["date"] == datetime.date(2017, 9, 12)
    for fact in facts:
        for key in ("type", "text", "start", "end", "byte_start", "byte_end", "rule"):
            assert key in fact


def test_ref_date_resolves_relative_dates(ex):
    text = "去年同期增长5%"
    unresolved = [f for f in ex.extract(text) if f["type"] == "date"]
    assert unresolved and "value" not in unresolved[0]
    for ref_date in ("2020-05-06", datetime.date(2020, 5, 6)):
        resolved = [f for f in ex.extract(text, ref_date=ref_date) if f["type"] == "date"]
        assert resolved[0]["value"].startswith("2019")


# Written on Monday 2020-01-06 (docs/dates.md, "Where a date without a year lands").
@pytest.mark.parametrize("text, date_policy, value", [
    ("Shares closed Friday.", "news", "2020-01-03"),
    ("The company will report results Friday.", "news", "2020-01-10"),
    ("The company will report results Friday.", "past", "2020-01-03"),
    ("Shares closed Friday.", "future", "2020-01-10"),
    ("Shares closed Thursday.", "nearest", "2020-01-09"),
])
def test_date_policy_places_a_weekday(ex, text, date_policy, value):
    for method in (ex.extract, lambda t, **kw: ex.extract_many([t], **kw)[0],
                   lambda t, **kw: json.loads(ex.extract_json(t, **kw))):
        dates = [f for f in method(text, ref_date="2020-01-06", date_policy=date_policy)
                 if f["type"] == "date"]
        assert [d["value"] for d in dates] == [value]


def test_date_policy_defaults_to_news(ex):
    text = "Shares closed Friday."
    assert ex.extract(text, ref_date="2020-01-06") == \
        ex.extract(text, ref_date="2020-01-06", date_policy="news")


@pytest.mark.parametrize("date_policy", ["soon", "", "News"])
def test_bad_date_policy_is_a_value_error(ex, date_policy):
    with pytest.raises(ValueError, match="date_policy"):
        ex.extract("Shares closed Friday.", ref_date="2020-01-06", date_policy=date_policy)


def test_languages_select_whose_rules_run(ex):
    text = "同比增长三成，revenue rose 17 percent"
    assert [f["text"] for f in ex.extract(text, languages="zh")] == ["三成"]
    assert [f["text"] for f in ex.extract(text, languages={"en"})] == ["17 percent"]
    assert len(ex.extract(text, languages="zh,en")) == 2
    assert len(ex.extract(text)) == 2
    with pytest.raises(ValueError, match='unknown language tag "fr"'):
        ex.extract(text, languages="fr")


def test_kinds_select_types(ex):
    text = "公司完成5亿元融资，增长12%，2019年"
    assert {f["type"] for f in ex.extract(text, kinds={"percent"})} == {"percent"}
    assert {f["type"] for f in ex.extract(text, kinds=["money", "date"])} == {
        "money",
        "date",
    }
    with pytest.raises(ValueError, match="unknown kind 'percentage'"):
        ex.extract(text, kinds={"percentage"})
    with pytest.raises(TypeError):
        ex.extract(text, kinds="money")


@pytest.mark.parametrize(
    "text",
    [
        "\U0001F680 增长１２%",  # an astral character before full-width digits
        "𠀀𠀁 投资３００亿元，𝟘 增长5%",
        "第一行\n\"引号\"\t募资1.5亿元",
    ],
)
def test_offsets_slice_the_str_and_the_bytes(ex, text):
    facts = ex.extract(text)
    assert facts
    encoded = text.encode("utf-8")
    for fact in facts:
        assert text[fact["start"] : fact["end"]] == fact["text"]
        assert encoded[fact["byte_start"] : fact["byte_end"]].decode() == fact["text"]


def test_full_width_digits_keep_their_value(ex):
    [fact] = ex.extract("\U0001F680 增长１２%")
    assert fact["text"] == "１２%"
    assert (fact["start"], fact["end"]) == (4, 7)
    assert (fact["byte_start"], fact["byte_end"]) == (11, 18)
    assert fact["value"] == decimal.Decimal(12)


def test_bytes_are_read_as_utf8(ex):
    assert ex.extract("增长5%".encode()) == ex.extract("增长5%")


@pytest.mark.parametrize(
    "bad", [b"\xff\xfe", "增长".encode() + b"\xc0\xaf" + b"5%", b"\xe6\x8a"]
)
def test_bad_utf8_bytes_raise_value_error(ex, bad):
    with pytest.raises(ValueError, match="InvalidUtf8: invalid UTF-8 at byte"):
        ex.extract(bad)


def test_bad_bytes_may_be_replaced(ex):
    facts = ex.extract(b"\xff 5%", replace_invalid_utf8=True)
    assert [f["text"] for f in facts] == ["5%"]


def test_a_lone_surrogate_in_a_str_is_a_value_error(ex):
    with pytest.raises(ValueError):
        ex.extract("增长\ud8005%")


@pytest.mark.parametrize("ref_date", ["2020-02-30", "yesterday", ""])
def test_bad_ref_date_is_a_value_error(ex, ref_date):
    with pytest.raises(ValueError, match="ref_date"):
        ex.extract("增长5%", ref_date=ref_date)


def test_limits_raise_runtime_error(ex):
    with pytest.raises(RuntimeError, match="ResourceExhausted: input of 16 bytes"):
        ex.extract("增长5%增长6%", max_input_bytes=11)
    with pytest.raises(RuntimeError, match="ResourceExhausted"):
        ex.extract("增长5%，增长6%", max_facts=1)


def test_wrong_types_raise_type_error(ex):
    with pytest.raises(TypeError):
        ex.extract(5)


def test_bad_rules_are_a_value_error():
    with pytest.raises(ValueError, match="RuleSyntax"):
        factx.Extractor(extra_rules=["rule\n"])


TEXTS = [
    "项目总投资超800亿元，今年1月至4月同比增长35.7%。",
    "Shares rose 4.5% after the startup raised $12 million.",
    "\U0001F680 增长１２%",
    "没有事实",
] * 50


def test_extract_many_equals_extract_one_by_one(ex):
    one_by_one = [ex.extract(t, ref_date="2020-05-06") for t in TEXTS]
    for threads in (1, 2, 7):
        assert ex.extract_many(TEXTS, ref_date="2020-05-06", threads=threads) == one_by_one
    assert ex.extract_many([], threads=4) == []


def test_extract_many_names_the_failing_document(ex):
    with pytest.raises(ValueError, match="document 1: InvalidUtf8"):
        ex.extract_many(["增长5%", b"\xff"], threads=2)
    with pytest.raises(ValueError, match="threads"):
        ex.extract_many(["增长5%"], threads=0)


def test_one_extractor_shared_by_threads(ex):
    expected = [ex.extract(t) for t in TEXTS[:4]]
    failures = []

    def work():
        for _ in range(25):
            for text, want in zip(TEXTS[:4], expected):
                if ex.extract(text) != want:
                    failures.append(text)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_version():
    assert factx.__version__.count(".") == 2


def test_extract_json_is_the_contract_array(ex):

    text = "项目总投资超800亿元，今年1月至4月同比增长35.7%。"
    written = json.loads(ex.extract_json(text, ref_date="2020-05-06"), parse_float=decimal.Decimal)
    records = ex.extract(text, ref_date="2020-05-06")
    assert [f["text"] for f in written] == [f["text"] for f in records]
    assert written[0]["amount"] == "80000000000"  # a string in JSON
    assert ex.extract_json("没有事实") == "[]"
    with pytest.raises(ValueError, match="InvalidUtf8"):
        ex.extract_json(b"\xff")


def test_shared_extractor_is_built_once():
    assert factx.shared_extractor() is factx.shared_extractor()


def test_the_gil_is_released_while_extracting(ex):
    # While another thread extracts a long text, this one keeps running Python:
    # the longest pause between two of its steps is far shorter than the
    # extraction (holding the GIL would pause it for the whole extraction).
    text = "项目总投资超800亿元，今年1月至4月同比增长35.7%。" * 20000
    began = time.perf_counter()
    ex.extract(text)
    extraction_seconds = time.perf_counter() - began
    started = threading.Event()
    done = threading.Event()

    def extract():
        started.set()
        ex.extract(text)
        done.set()

    worker = threading.Thread(target=extract)
    worker.start()
    started.wait()
    longest_pause = 0.0
    last = time.perf_counter()
    while not done.is_set():
        now = time.perf_counter()
        longest_pause = max(longest_pause, now - last)
        last = now
    worker.join()
    assert extraction_seconds > 0.1
    assert longest_pause < extraction_seconds / 2
