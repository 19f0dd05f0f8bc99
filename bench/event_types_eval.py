"""Event-type bench: weighted F1 on CASE 2021 dev and accuracy on PLOVER dev.

Usage: python bench/event_types_eval.py [--folds 5] [--seed 13] [--no-cv]

* CASE 2021 dev (../shared/datasets/case2021/dev.jsonl, 509 snippets): weighted F1 of the ACLED
  sub-type (the ``acled`` field; None counts as a wrong answer), and of ACLED's coarse event type.
  The best system of the CASE 2021 shared task reached 0.84 weighted F1 on its full test set.
* PLOVER dev (../shared/datasets/plover/dev.jsonl, 161 sentences): accuracy of the PLOVER type, with
  the gold-standard's older names folded into ours (DEMAND → REQUEST, DISAPPROVE and INVESTIGATE →
  ACCUSE, FIGHT → ASSAULT).

Systems, all measured in the same run:
* ``cv full`` / ``cv lexical``: k-fold cross-validation (bench/train_event_types.py); each row is typed
  by weights that never saw it.  These are the honest figures.
* ``stored full`` / ``stored lexical``: the weights shipped in the package.  They were trained on all
  of these rows, so their figures measure fit, not accuracy.
* ``lexicon``: the trigger lexicon alone (no weights).
* ``majority``: every row gets its file's most frequent gold label.
Skips with a message when the dev files are absent.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence

from newsparallax.facts.event_types import EventType, EventTyper, LexiconTypeModel, LinearTypeModel
from newsparallax.facts.taxonomy import event_type_of, plover_of
from newsparallax.read.embed import UseEmbedder
from train_event_types import Dev, cross_validated, load_dev

HEADER = f"{'system':<20} {'CASE F1':>8} {'coarse F1':>9} {'CASE→PLOVER':>11} {'PLOVER acc':>10}"


def weighted_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """F1 per gold label, averaged with the labels' gold counts as weights."""
    support = Counter(gold)
    total = 0.0
    for label, count in support.items():
        hits = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label == p)
        guessed = sum(1 for p in predicted if p == label)
        precision, recall = hits / guessed if guessed else 0.0, hits / count
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        total += count * f1
    return total / len(gold)


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)


def scores(dev: Dev, typed: Sequence[EventType]) -> tuple[float, float, float, float]:
    case = [i for i, c in enumerate(dev.is_case) if c]
    plover = [i for i, c in enumerate(dev.is_case) if not c]
    gold = [str(dev.acled[i]) for i in case]
    sub = [typed[i].acled or "NONE" for i in case]
    coarse = [event_type_of(s) if s != "NONE" else s for s in sub]
    return (
        weighted_f1(gold, sub),
        weighted_f1([event_type_of(g) for g in gold], coarse),
        accuracy([dev.plover[i] for i in case], [typed[i].plover for i in case]),
        accuracy([dev.plover[i] for i in plover], [typed[i].plover for i in plover]),
    )


def report(name: str, dev: Dev, typed: Sequence[EventType]) -> None:
    case_f1, coarse_f1, mapped, plover = scores(dev, typed)
    print(f"{name:<20} {case_f1:>8.3f} {coarse_f1:>9.3f} {mapped:>11.3f} {plover:>10.3f}", flush=True)


def majority(dev: Dev) -> list[EventType]:
    case_sub = Counter(a for a in dev.acled if a).most_common(1)[0][0]
    plover = Counter(p for p, c in zip(dev.plover, dev.is_case, strict=True) if not c).most_common(1)[0][0]
    return [
        EventType(plover_of(case_sub), case_sub, 1.0, None) if c else EventType(plover, None, 1.0, None)
        for c in dev.is_case
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validated rows (faster)")
    args = parser.parse_args(argv)
    dev = load_dev()
    print(f"CASE 2021 dev: {int(dev.is_case.sum())} rows; PLOVER dev: {int((~dev.is_case).sum())} rows")
    print(HEADER)
    if not args.no_cv:
        for variant in ("full", "lexical"):
            report(f"cv {variant}", dev, cross_validated(dev, variant, args.folds, args.seed))
    for name, model in (
        ("stored full*", LinearTypeModel.load(UseEmbedder())),
        ("stored lexical*", LinearTypeModel.load(None)),
        ("lexicon", LexiconTypeModel()),
    ):
        report(name, dev, EventTyper(model).classify_many(dev.texts))
    report("majority", dev, majority(dev))
    print("* trained on these very rows: a measure of fit, not of accuracy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
