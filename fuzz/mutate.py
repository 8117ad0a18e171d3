"""Mutation fuzzer: damage the real .docx, .pdf and .odt files in corpora/ and lint every mutant with
tenderlint's own Runner (forked workers, the same timeout and memory machinery as the CLI), counting
outcomes by error code, crashes (E999 or a traceback) and hangs (E009).

    python fuzz/mutate.py --count 20000 --seed 1 --jobs 2 --save fuzz/found

See fuzz/README.md. The exit code is 1 if any crash or hang was found, else 0.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mutators import mutate

ROOT = Path(__file__).resolve().parents[1]
SEED_FOLDERS = ("corpora", "corpora/real", "corpora/synthetic")
SUFFIXES = (".docx", ".pdf", ".odt")
#: Seeds this big are mutated less often: each one takes seconds to lint.
BIG_SEED = 1024 * 1024


@dataclass
class Campaign:
    inputs: int = 0
    seconds: float = 0.0
    outcomes: Counter = field(default_factory=Counter)
    mutations: Counter = field(default_factory=Counter)
    crashes: list[dict] = field(default_factory=list)
    hangs: list[dict] = field(default_factory=list)

    def summary(self) -> dict:
        return {
            "inputs": self.inputs,
            "seconds": round(self.seconds, 1),
            "outcomes": dict(sorted(self.outcomes.items())),
            "crashes": len(self.crashes),
            "hangs": len(self.hangs),
            "crash_details": self.crashes[:50],
            "hang_details": self.hangs[:50],
        }


def seeds(root: Path = ROOT, folders: tuple[str, ...] = SEED_FOLDERS) -> list[Path]:
    return sorted(
        path for folder in folders for path in (root / folder).glob("*") if path.suffix.lower() in SUFFIXES
    )


def run(
    count: int,
    seed: int = 0,
    jobs: int = 2,
    timeout: int = 20,
    batch: int = 200,
    seed_files: list[Path] | None = None,
    save: Path | None = None,
    progress: bool = False,
) -> Campaign:
    """Make `count` mutants (deterministic for `seed`), lint them in batches, and tally the outcomes."""
    from tenderlint.runner import Runner, RunOptions

    warnings.filterwarnings("ignore", "Duplicate name", UserWarning)  # duplicates are one of the mutations
    rng = random.Random(seed)
    files = seed_files or seeds()
    originals = {path: path.read_bytes() for path in files}
    weights = [0.1 if len(originals[path]) > BIG_SEED else 1.0 for path in files]
    campaign = Campaign()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tenderlint-fuzz-") as scratch:
        folder = Path(scratch)
        config = folder / ".tenderlint.toml"
        config.write_text(f"timeout-seconds = {timeout}\n", encoding="utf-8")
        runner = Runner(RunOptions(config_file=str(config), use_cache=False, jobs=jobs))
        for first in range(0, count, batch):
            made: dict[str, tuple[Path, str]] = {}
            for number in range(first, min(count, first + batch)):
                source = rng.choices(files, weights)[0]
                data, how = mutate(originals[source], source.suffix.lower(), rng)
                path = folder / f"{number:06d}{source.suffix}"
                path.write_bytes(data)
                made[str(path)] = (source, how)
            for result in runner.run(tuple(made)):
                _tally(campaign, result, *made[result.path], save)
            for path in made:
                Path(path).unlink(missing_ok=True)
            campaign.inputs += len(made)
            if progress:
                print(json.dumps({"inputs": campaign.inputs, **campaign.outcomes}), file=sys.stderr)
    campaign.seconds = time.monotonic() - started
    return campaign


def _tally(campaign: Campaign, result, source: Path, how: str, save: Path | None) -> None:
    error = result.error
    outcome = "ok" if error is None else error.code
    campaign.outcomes[outcome] += 1
    campaign.mutations[how.split("+")[0]] += 1
    crashed = error is not None and (error.code == "E999" or "Traceback" in (error.detail or ""))
    if not crashed and outcome != "E009":
        return
    record = {
        "seed": str(source.relative_to(ROOT)) if source.is_relative_to(ROOT) else str(source),
        "mutation": how,
        "code": outcome,
        "message": error.message[:300],
        "where": _where(error.detail or ""),
        "detail": (error.detail or "").strip().splitlines()[-3:],
    }
    (campaign.crashes if crashed else campaign.hangs).append(record)
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        kept = (
            save / f"{outcome}-{len(campaign.crashes) + len(campaign.hangs):04d}-{source.stem}{source.suffix}"
        )
        shutil.copy(result.path, kept)
        kept.with_suffix(kept.suffix + ".json").write_text(json.dumps(record, indent=2), encoding="utf-8")


def _where(detail: str) -> str:
    """The last tenderlint frame of a traceback: where a crash escaped from tenderlint's own code."""
    frames = [line.strip() for line in detail.splitlines() if line.strip().startswith('File "')]
    own = [frame for frame in frames if "/tenderlint/" in frame] or frames
    return own[-1] if own else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="mutants to make and lint")
    parser.add_argument("--seed", type=int, default=0, help="random seed (a campaign is reproducible)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--timeout", type=int, default=20, help="seconds per mutant before it is a hang")
    parser.add_argument("--batch", type=int, default=200, help="mutants on disk at once")
    parser.add_argument("--save", type=Path, help="folder to copy crashing and hanging mutants into")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args(argv)
    campaign = run(
        args.count, args.seed, args.jobs, args.timeout, args.batch, save=args.save, progress=not args.quiet
    )
    print(json.dumps({**campaign.summary(), "mutations": dict(campaign.mutations)}, indent=2))
    return 1 if campaign.crashes or campaign.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
