#!/usr/bin/env python3
"""Checks that two builds of the factx CLI find the same facts.

The differential check for work on the engine (issue 13): a change that should keep every fact
runs the CLI it started from (OLD) and the changed one (NEW) over every corpus the project has,
and any document whose output differs is listed, fact by fact. The inputs:

  * tests/corpus/*.jsonl, the regression corpus, and ../shared/corpus/*.jsonl, the development
    set (when present);
  * generated news (bench/make_news_corpus, JSONL) from two seeds, 1 MB each by default;
  * every rule's `example` and `counter` inputs (lib/rules), with the reference date the rule
    examples test uses, and the sample articles of examples/;
  * stress lines: random mixes of digits, Chinese numerals and scales, currency words and
    signs, dates, separators, full-width forms and the characters that fold to ASCII letters
    (KELVIN SIGN, long s), from a fixed seed.

    cp build/examples/factx /tmp/factx-before        # before the change
    ...                                              # change, rebuild
    python3 bench/same_facts.py /tmp/factx-before build/examples/factx --build-dir build

Exits 0 when every output line is byte-identical, 1 otherwise (after listing the differences).
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys
import tempfile

# Pieces the stress lines are made of: the shapes rules read, and what sits near them.
STRESS_PIECES = [
    "3", "12", "2,500", "1.5", "0.75", "36.57", "１２３", "十", "二十五", "三千五百", "两", "一百零五",
    "九千五百九十二", "壹佰贰拾", "三点五", "二〇二三", "万", "亿", "万亿", "兆", "千", "百", "余", "多", "近", "超",
    "约", "逾", "元", "美元", "港元", "港幣", "新台幣", "人民币", "欧元", "块", "毛", "蚊", "$", "US$", "HK$",
    "€", "£", "¥", "￥", "RMB", "USD", "bn", " billion", " million", "k", "%", "％", "个百分点",
    " percent", " percentage points", "成", "年", "月", "日", "号", "季度", "上半年", "去年", "今年",
    "同比", "增长", "下降", "至", "到", "-", "—", "~", "、", "，", "。", ",", ".", " ", "(", "（", "）",
    "January", "Nov.", "the third quarter of", "last year", "投资", "融资", "收购", "acquired",
    "for", "about", "nearly", "over", "\u212a", "\u017f", "\u2212", "Ｋ", "ａ",
    # Runs of digits and what joins them: years, stock and phone numbers, numeric dates, times.
    "0", "5", "9", "07", "2024", "600519", "0700", "138", "8888", "+86", "400", ".HK", ".SH", "/",
    ":", "Q3", "FY", "H1",
]


def stress_lines(count, seed):
    rng = random.Random(seed)
    for n in range(count):
        text = "".join(rng.choice(STRESS_PIECES) for _ in range(rng.randint(1, 40)))
        yield {"id": f"stress-{n}", "text": text, "ref_date": "2024-05-17"}


def write_jsonl(path, documents):
    with open(path, "w", encoding="utf-8") as out:
        for document in documents:
            out.write(json.dumps(document, ensure_ascii=False) + "\n")


def rule_inputs(root):
    """The inputs of every rule's example and counter lines, as documents."""
    number = 0
    for path in sorted(glob.glob(os.path.join(root, "lib", "rules", "*", "*.rules"))):
        with open(path, encoding="utf-8") as rules:
            for line in rules:
                words = line.split(None, 1)
                if len(words) < 2 or words[0] not in ("example", "counter"):
                    continue
                text = words[1].rstrip("\n").split(" => ")[0].strip()
                number += 1
                yield {"id": f"rule-{number}", "text": text, "ref_date": "2020-05-06"}
    for path in sorted(glob.glob(os.path.join(root, "examples", "*.txt"))):
        with open(path, encoding="utf-8") as article:
            yield {"id": os.path.basename(path), "text": article.read(),
                   "ref_date": "2020-05-06"}


def inputs(root, build_dir, news_bytes, stress_count, workdir):
    """Yields (name, path) of each JSONL input."""
    for path in sorted(glob.glob(os.path.join(root, "tests", "corpus", "*.jsonl"))):
        yield os.path.relpath(path, root), path
    for path in sorted(glob.glob(os.path.join(root, "..", "shared", "corpus", "*.jsonl"))):
        yield os.path.relpath(path, root), path
    generator = os.path.join(build_dir, "bench", "make_news_corpus")
    if os.path.exists(generator):
        for seed in (77, 2020):
            path = os.path.join(workdir, f"news-{seed}.jsonl")
            with open(path, "w", encoding="utf-8") as out:
                subprocess.run([generator, "--bytes", str(news_bytes), "--format", "jsonl",
                                "--seed", str(seed)], check=True, stdout=out)
            yield f"generated news, seed {seed}", path
    else:
        print(f"same_facts: no {generator}: generated news skipped "
              "(build the make_news_corpus target)", file=sys.stderr)
    path = os.path.join(workdir, "rules.jsonl")
    write_jsonl(path, rule_inputs(root))
    yield "rule examples, counters and sample articles", path
    path = os.path.join(workdir, "stress.jsonl")
    write_jsonl(path, stress_lines(stress_count, seed=13))
    yield "stress lines", path


def run(cli, path):
    result = subprocess.run([cli, "--jsonl", path], capture_output=True)
    return result.returncode, result.stdout.decode("utf-8", "replace").splitlines()


def fact_key(fact):
    return json.dumps(fact, ensure_ascii=False, sort_keys=True)


def describe(old_line, new_line):
    """The facts only one side found, or the raw lines when they are not facts."""
    try:
        old, new = json.loads(old_line), json.loads(new_line)
    except json.JSONDecodeError:
        return [f"  old: {old_line}", f"  new: {new_line}"]
    old_facts = {fact_key(f): f for f in old.get("facts", [])}
    new_facts = {fact_key(f): f for f in new.get("facts", [])}
    lines = []
    for key in old_facts.keys() - new_facts.keys():
        lines.append(f"  only old: {key}")
    for key in new_facts.keys() - old_facts.keys():
        lines.append(f"  only new: {key}")
    if old.get("error") != new.get("error"):
        lines.append(f"  error: {old.get('error')!r} -> {new.get('error')!r}")
    return lines or ["  same facts in another order"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", help="the factx CLI before the change")
    parser.add_argument("new", help="the factx CLI after the change")
    parser.add_argument("--build-dir", default="build",
                        help="build directory holding bench/make_news_corpus (default build)")
    parser.add_argument("--news-bytes", type=int, default=1_000_000,
                        help="bytes of generated news per seed (default 1000000)")
    parser.add_argument("--stress", type=int, default=3000,
                        help="stress lines (default 3000)")
    parser.add_argument("--show", type=int, default=20,
                        help="differing documents to list per input (default 20)")
    args = parser.parse_args()

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    differing = 0
    with tempfile.TemporaryDirectory() as workdir:
        for name, path in inputs(root, args.build_dir, args.news_bytes, args.stress, workdir):
            old_code, old_lines = run(args.old, path)
            new_code, new_lines = run(args.new, path)
            changed = [i for i in range(max(len(old_lines), len(new_lines)))
                       if i >= len(old_lines) or i >= len(new_lines)
                       or old_lines[i] != new_lines[i]]
            if old_code != new_code:
                print(f"{name}: exit code {old_code} -> {new_code}")
            print(f"{name}: {len(old_lines)} documents, {len(changed)} differ")
            for i in changed[:args.show]:
                if i >= len(old_lines) or i >= len(new_lines):
                    print(f"  line {i + 1}: present on one side only")
                    continue
                print(f"  line {i + 1}:")
                print("\n".join(describe(old_lines[i], new_lines[i])))
            differing += len(changed) + (old_code != new_code)
    print("same facts" if differing == 0 else f"{differing} differences")
    return 0 if differing == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
