"""Fuzz the code that reads untrusted bytes outside the lint workers, or that `profile`, `eval` and
`--annotate` run: format detection, configuration and rule pack loading, baselines, cache entries,
labels and gates, annotated copies and profiles. Inputs are run in this process, one at a time, so a
crash is the exception itself, a hang is an input over `--timeout` seconds (SIGALRM) and memory is
each input's own peak resident size (the kernel's high-water mark, reset before every input).

    python fuzz/main_process.py --count 20000 --seed 1 --save fuzz/found-main

Each target accepts only its documented refusals (InputError, ConfigError, PackError, AnnotateError,
an E-coded error result); anything else is a crash. The exit code is 1 if anything crashed or hung.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from main_targets import WEIGHTS, Targets
from mutators import mutate
from text_mutators import mutate_text

ADDRESS_SPACE = 4 * 1024**3  # a runaway input fails with MemoryError instead of taking the machine


class Hang(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise Hang()


def peak_reset() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run(count: int, seed: int, timeout: int, save: Path | None, progress: bool) -> dict:
    warnings.filterwarnings("ignore")
    rng = random.Random(seed)
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, resource.RLIM_INFINITY))
    signal.signal(signal.SIGALRM, _alarm)
    outcomes: dict[str, Counter] = defaultdict(Counter)
    peaks: dict[str, float] = defaultdict(float)
    slowest: dict[str, float] = defaultdict(float)
    crashes: list[dict] = []
    hangs: list[dict] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tenderlint-fuzz-main-") as scratch:
        targets = Targets(Path(scratch))
        names = list(WEIGHTS)
        weights = [WEIGHTS[name] for name in names]
        for number in range(count):
            name = rng.choices(names, weights)[0]
            kind, seed_name, original = targets.seed(name, rng)
            if kind in ("toml", "yaml", "json"):
                data, how = mutate_text(original, kind, rng)
            else:
                data, how = mutate(original, kind, rng) if original else (original, "none")
            peak_reset()
            begun = time.monotonic()
            signal.alarm(timeout)
            try:
                outcome = targets.run(name, data, kind)
            except Hang:
                outcome = "hang"
            except MemoryError:
                outcome = "memory-error"
            except Exception as exc:  # not a documented refusal: a crash
                outcome = "crash"
                error, detail = f"{type(exc).__name__}: {exc}"[:300], traceback.format_exc()
            finally:
                signal.alarm(0)
            seconds = time.monotonic() - begun
            peaks[name] = max(peaks[name], peak_mb())
            slowest[name] = max(slowest[name], seconds)
            outcomes[name][outcome] += 1
            if outcome in ("crash", "hang", "memory-error"):
                record = {"input": number, "target": name, "seed": seed_name, "mutation": how,
                          "outcome": outcome, "seconds": round(seconds, 2)}  # fmt: skip
                if outcome == "crash":
                    record["error"] = error
                    record["where"] = [line.strip() for line in detail.splitlines() if "tenderlint" in line][
                        -2:
                    ]
                (hangs if outcome == "hang" else crashes).append(record)
                if save is not None:
                    save.mkdir(parents=True, exist_ok=True)
                    stem = save / f"{name}-{number:06d}"
                    stem.with_suffix(".bin").write_bytes(data)
                    stem.with_suffix(".json").write_text(json.dumps(record, indent=2), encoding="utf-8")
            if progress and (number + 1) % 500 == 0:
                print(
                    json.dumps({"inputs": number + 1, "crashes": len(crashes), "hangs": len(hangs)}),
                    file=sys.stderr,
                )
    return {
        "inputs": count,
        "seconds": round(time.monotonic() - started, 1),
        "crashes": len(crashes),
        "hangs": len(hangs),
        "peak_mb_per_input": {name: round(value, 1) for name, value in sorted(peaks.items())},
        "slowest_seconds": {name: round(value, 2) for name, value in sorted(slowest.items())},
        "outcomes": {name: dict(sorted(counter.items())) for name, counter in sorted(outcomes.items())},
        "crash_details": crashes[:50],
        "hang_details": hangs[:50],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000, help="inputs to make and run")
    parser.add_argument("--seed", type=int, default=0, help="random seed (a campaign is reproducible)")
    parser.add_argument("--timeout", type=int, default=20, help="seconds per input before it is a hang")
    parser.add_argument("--save", type=Path, help="folder to copy crashing and hanging inputs into")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args(argv)
    os.environ.setdefault("TENDERLINT_DISABLE_PLUGIN_AUTOLOAD", "1")
    summary = run(args.count, args.seed, args.timeout, args.save, not args.quiet)
    print(json.dumps(summary, indent=2))
    return 1 if summary["crashes"] or summary["hangs"] else 0


if __name__ == "__main__":
    sys.exit(main())
