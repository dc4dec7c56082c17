"""Score extraction on a labelled seed set and print a table (and, with -v, every miss).

    .venv/bin/python scripts/score_extraction.py tests/fixtures/devset [-v]

The set's folder holds raw seeds and a labels.yml; the real seed of seeds/ is scored too
when labels.yml names it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder.evaluate import load_labels, score, table
from builder.pipeline import check
from builder.vocab import load_vocabulary

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    labels = load_labels(args.folder / "labels.yml")
    seeds = sorted(args.folder.glob("*.txt"))
    seeds += [ROOT / "seeds" / name for name in labels if (ROOT / "seeds" / name).is_file()]
    result = check(ROOT, seeds)
    if not result.ok:
        print("\n".join(map(str, result.problems)), file=sys.stderr)
        return 1
    scores = score(result.briefings, labels, load_vocabulary(ROOT))
    print(table(scores, args.folder.as_posix()))
    if args.verbose:
        print("\n".join(["", *scores.misses]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
