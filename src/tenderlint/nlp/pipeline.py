"""One spaCy pipeline per process, loaded lazily and once, for runs that use spaCy (see engines.py).

The default is the blank-English pipeline shipped inside the package (sentencizer + lookup
lemmatizer), so tenderlint runs offline on a fresh machine. A trained pipeline is used only when the
configuration names one that is installed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from tenderlint.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT = "default"
BUNDLED_MODEL = Path(__file__).with_name("model")


@lru_cache(maxsize=4)
def get_nlp(name: str = DEFAULT) -> Language:
    """Return the pipeline called `name`, loading it on first use."""
    import spacy

    if name == DEFAULT:
        return _unlimited(spacy.load(BUNDLED_MODEL))
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ConfigError(
            f"pipeline = {name!r} is configured but not installed. Install it (pip install {name}) "
            f'or remove the setting to use the built-in pipeline ("default").'
        ) from None
    if (
        "sentencizer" not in nlp.pipe_names
        and "parser" not in nlp.pipe_names
        and "senter" not in nlp.pipe_names
    ):
        nlp.add_pipe("sentencizer")
    return _unlimited(nlp)


def _unlimited(nlp: Language) -> Language:
    """Lift spaCy's 1,000,000-character cap on a text: a long block is linted like any other (as the
    built-in engine does), and the file-size and memory limits guard against the hostile ones."""
    nlp.max_length = 2**30 - 1
    return nlp
