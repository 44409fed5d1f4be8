"""factx: typed facts from Chinese and English news.

Money amounts, percentages, dates and investment amounts, with exact values and
offsets into your text, as dicts in the JSONL contract of docs/jsonl.md:

    >>> import factx
    >>> ex = factx.Extractor()          # once: it compiles every rule
    >>> ex.extract("项目总投资超800亿元", ref_date="2020-05-06", kinds={"money"})
    [{'type': 'money', 'text': '超800亿元', 'start': 5, 'end': 11, 'byte_start': 15, ...
      'value': Decimal('80000000000'), 'amount': Decimal('80000000000'),
      'currency': 'CNY', 'qualifier': 'over', 'rule': 'money.zh.amount'}]

An Extractor is thread-safe and releases the GIL while it extracts;
extract_many(texts, threads=N) runs a batch on N threads, and extract_json(text)
gives the JSON array `factx --jsonl` writes. shared_extractor() is the one
Extractor of the process, for workers of Dask or multiprocessing.
"""

import threading

from ._factx import Extractor, __version__

__all__ = ["Extractor", "__version__", "shared_extractor"]

_shared = None
_shared_lock = threading.Lock()


def shared_extractor():
    """The process's one Extractor with the built-in rules, built on first use.

    Building one takes about half a second, so a worker process (Dask,
    multiprocessing) should build it once, not per task or per document."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Extractor()
        return _shared
