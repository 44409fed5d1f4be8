"""factx: typed facts from Chinese and English news.

Money amounts, percentages, dates and investment amounts, with exact values and
offsets into your text, as dicts in the JSONL contract of docs/jsonl.md:

    >>> import factx
    >>> ex = factx.Extractor()          # once: it compiles every rule
    >>> ex.extract("项目总投资超800亿元", ref_date="2020-05-06", kinds={"money"})
    [{'type': 'money', 'text': '超800亿元', 'start': 4, 'end': 10, ...,
      'value': Decimal('80000000000'), 'amount': Decimal('80000000000'),
      'currency': 'CNY', 'qualifier': 'over', 'rule': 'money.zh.amount'}]

An Extractor is thread-safe and releases the GIL while it extracts;
extract_many(texts, threads=N) runs a batch on N threads.
"""

from ._factx import Extractor, __version__

__all__ = ["Extractor", "__version__"]
