"""How long the policy reader takes over a 20-page policy (issue: "well under a second").

    python -m bench.scan [--repeats 5] [--pages 20]

The text is the project's own test policies (tests/policy/corpus) repeated to the page count, at
about 3,000 characters a page. The median time is printed, never asserted: tests do not time things.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from policy.scan import scan_text

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "policy" / "corpus"
PAGE_CHARS = 3_000


def policy_text(pages: int) -> str:
    one = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")) + sorted(CORPUS.glob("*.md")))
    copies = -(-pages * PAGE_CHARS // len(one))  # ceiling division
    return "\n\n".join([one] * copies)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--pages", type=int, default=20)
    args = parser.parse_args(argv)
    text = policy_text(args.pages)
    times = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        scan_text(text)
        times.append(time.perf_counter() - started)
    print(f"policy-scan of {len(text):,} characters (~{args.pages} pages): median {statistics.median(times):.2f}s "
          f"over {args.repeats} run(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
