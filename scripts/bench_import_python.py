#!/usr/bin/env python3
"""Times independent readers (fitdecode for FIT, gpxpy for GPX) on the same fixture files as benches/import.rs.

    python3 -m venv /tmp/kneemap-bench && /tmp/kneemap-bench/bin/pip install fitdecode gpxpy
    /tmp/kneemap-bench/bin/python scripts/bench_import_python.py [FIXTURES_DIR]

Prints the mean time per pass over each group, comparable with criterion's `import_*_fixtures` numbers.
"""
import sys
import time
from pathlib import Path

import fitdecode
import gpxpy

FIXTURES = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent.parent / "shared" / "fixtures")


def read_gpx(path):
    with open(path, encoding="utf-8") as f:
        gpx = gpxpy.parse(f)
    return gpx.length_2d(), gpx.get_duration(), gpx.get_moving_data()


def read_fit(path):
    session = None
    with fitdecode.FitReader(str(path)) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "session":
                session = {f.name: f.value for f in frame.fields}
    return session


def bench(name, reader, files, min_secs=2.0):
    paths = [FIXTURES / f for f in files]
    runs = 0
    start = time.perf_counter()
    while time.perf_counter() - start < min_secs:
        for p in paths:
            reader(p)
        runs += 1
    per_pass = (time.perf_counter() - start) / runs
    print(f"{name}: {per_pass * 1e3:.3f} ms per pass over {len(files)} files ({runs} passes)")


if __name__ == "__main__":
    if not FIXTURES.is_dir():
        sys.exit(f"fixture folder {FIXTURES} is missing")
    bench("gpxpy  gpx", read_gpx, ["gpx/garmin-activity.gpx", "gpx/wahoo_example.gpx"])
    bench("fitdecode fit", read_fit, ["fit/garmin-fenix-5-run.fit", "fit/garmin-fenix-5-bike.fit"])
