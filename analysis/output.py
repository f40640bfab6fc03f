"""Writing records as JSONL or CSV, to stdout or atomically to a file.

Atomic means: write to a temporary file in the target folder, flush and fsync, then
``os.replace`` it onto the target. An interrupted run leaves either the old file or the
new one, never half a table.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_writer", "to_jsonable", "write_records"]


def to_jsonable(value):
    """Make ``value`` JSON-safe: NaN becomes null, tuples become lists, numpy scalars become Python."""
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if hasattr(value, "item") and callable(value.item):  # numpy scalar
        return to_jsonable(value.item())
    return value


@contextmanager
def atomic_writer(path: str | os.PathLike, mode: str = "w") -> Iterator[io.IOBase]:
    """Open a temporary file beside ``path``; on success rename it onto ``path``.

    On any exception (including KeyboardInterrupt) the temporary file is removed and the
    target is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        kwargs = {"encoding": "utf-8", "newline": ""} if "b" not in mode else {}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _csv_cell(value):
    value = to_jsonable(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def _write(fh, records: Iterable[dict], fmt: str, columns: list[str] | None) -> int:
    n = 0
    if fmt == "jsonl":
        for rec in records:
            fh.write(json.dumps(to_jsonable(rec), ensure_ascii=False) + "\n")
            n += 1
        return n
    writer = None
    for rec in records:
        if writer is None:
            writer = csv.DictWriter(fh, fieldnames=columns or list(rec), extrasaction="ignore",
                                    lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: _csv_cell(v) for k, v in rec.items()})
        n += 1
    if writer is None and columns:
        csv.DictWriter(fh, fieldnames=columns, lineterminator="\n").writeheader()
    return n


def write_records(records: Iterable[dict], *, fmt: str = "jsonl", out: str | os.PathLike | None = None,
                  columns: list[str] | None = None) -> int:
    """Write ``records`` as JSONL or CSV to ``out`` (atomically) or to stdout.

    Parameters
    ----------
    records : iterable of dict
    fmt : {'jsonl', 'csv'}
    out : path, optional
        Target file; stdout when None.
    columns : list of str, optional
        CSV column order (default: the first record's keys).

    Returns
    -------
    int
        Number of records written.
    """
    if fmt not in ("jsonl", "csv"):
        raise ValueError(f"unknown format {fmt!r}; use jsonl or csv")
    if out is None:
        return _write(sys.stdout, records, fmt, columns)
    with atomic_writer(out) as fh:
        return _write(fh, records, fmt, columns)
