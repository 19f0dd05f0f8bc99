"""Named stages over one shared :class:`~newsparallax.model.Article`, checked for order when built.

Modelled on spaCy's components: a stage is a callable registered under a name with what it
*needs* (fields or layers earlier stages must have produced) and what it *adds*.  Building a
:class:`Pipeline` checks that every need is met by the input or an earlier stage, so a
misordered pipeline fails at construction with a message naming the missing piece and the
stage that would provide it, not halfway through a corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from newsparallax.errors import PipelineError
from newsparallax.model import Article

StageFunc = Callable[[Article], Article]

#: What every article has when a reader hands it over.
READER_PROVIDES = frozenset({"id", "text", "title", "url", "source", "published", "origin"})


@dataclass(frozen=True)
class Stage:
    name: str
    func: StageFunc
    needs: frozenset[str]
    adds: frozenset[str]

    def __call__(self, article: Article) -> Article:
        return self.func(article)


_REGISTRY: dict[str, Stage] = {}


def stage(
    name: str, *, needs: Iterable[str] = (), adds: Iterable[str] = ()
) -> Callable[[StageFunc], StageFunc]:
    """Register ``func`` as the stage ``name``.  Use as a decorator."""

    def register(func: StageFunc) -> StageFunc:
        if name in _REGISTRY and _REGISTRY[name].func is not func:
            raise PipelineError(f"A stage named {name!r} is already registered; pick another name.")
        _REGISTRY[name] = Stage(name, func, frozenset(needs), frozenset(adds))
        return func

    return register


def get_stage(name: str) -> Stage:
    _load_builtin_stages()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY)) or "none"
        raise PipelineError(f"No stage named {name!r}. Known stages: {known}.") from None


def registered_stages() -> dict[str, Stage]:
    _load_builtin_stages()
    return dict(_REGISTRY)


def _load_builtin_stages() -> None:
    """Import the modules whose decorators register the built-in stages (on first use, not at import)."""
    from newsparallax.clean import register_stages

    register_stages()


class Pipeline:
    """An ordered, checked list of stages."""

    def __init__(self, names: Sequence[str], provided: Iterable[str] = READER_PROVIDES) -> None:
        self.stages = [get_stage(n) for n in names]
        self._check_order(frozenset(provided))

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def _check_order(self, provided: frozenset[str]) -> None:
        have = set(provided)
        for position, current in enumerate(self.stages):
            missing = current.needs - have
            if missing:
                raise PipelineError(self._order_message(current, position, missing))
            have |= current.adds

    def _order_message(self, current: Stage, position: int, missing: frozenset[str]) -> str:
        providers = {need: [s.name for s in _REGISTRY.values() if need in s.adds] for need in sorted(missing)}
        hints = "; ".join(
            f"{need!r} is added by {', '.join(names) if names else 'no registered stage'}"
            for need, names in providers.items()
        )
        return (
            f"Stage {current.name!r} (position {position}) needs {sorted(missing)} which no earlier "
            f"stage adds ({hints}). Put a providing stage before it."
        )

    def __call__(self, article: Article) -> Article:
        for current in self.stages:
            article = current(article)
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self(article)
