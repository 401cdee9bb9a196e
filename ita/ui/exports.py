"""Downloads of the public views as CSV or Parquet, built only when the user asks for them.

The national views hold hundreds of thousands of rows, so the bytes are made by a callable that
st.download_button runs on click, from a connection of its own, and are never cached.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import csv as pa_csv

from ita import db

VIEWS = ("assessments", "indicator_scores", "measures")
FORMATS: dict[str, str] = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


def view_frame(view: str, include_synthetic: bool, db_path: Path) -> pd.DataFrame:
    """Every row of v_<view> (real rows only unless include_synthetic)."""
    if view not in VIEWS:
        raise ValueError(f"not a public view: {view}")
    con = db.connect(db_path, read_only=True)
    try:
        return db.run_query(con, f"export_{view}", {"include_synthetic": include_synthetic})
    finally:
        con.close()


def to_bytes(frame: pd.DataFrame, file_format: str) -> bytes:
    """The frame as Parquet, or as UTF-8 CSV with a BOM (so Excel reads Thai) and lists joined by '; '."""
    buffer = io.BytesIO()
    if file_format == "parquet":
        frame.to_parquet(buffer, index=False)
    elif file_format == "csv":
        buffer.write(codecs.BOM_UTF8)
        pa_csv.write_csv(_flat(pa.Table.from_pandas(frame, preserve_index=False)), buffer)
    else:
        raise ValueError(f"unknown format: {file_format}")
    return buffer.getvalue()


def deferred(view: str, file_format: str, include_synthetic: bool) -> Callable[[], bytes]:
    """A zero-argument callable for st.download_button(data=…): the file is built on click."""
    db_path = db.DEFAULT_DB

    def build() -> bytes:
        return to_bytes(view_frame(view, include_synthetic, db_path), file_format)

    return build


def file_name(view: str, file_format: str, include_synthetic: bool) -> str:
    return f"ita_{view}{'' if include_synthetic else '_real'}.{file_format}"


def _flat(table: pa.Table) -> pa.Table:
    """CSV has no lists: join them; dates that pandas widened to midnight timestamps become dates again."""
    for index, field in enumerate(table.schema):
        column = table.column(index)
        if pa.types.is_list(field.type):
            column = pc.binary_join(pc.cast(column, pa.list_(pa.string())), "; ")
        elif pa.types.is_timestamp(field.type):
            as_date = pc.cast(column, pa.date32())
            if pc.all(pc.equal(pc.cast(as_date, field.type), column)).as_py() is not False:
                column = as_date
        else:
            continue
        table = table.set_column(index, field.name, column)
    return table
