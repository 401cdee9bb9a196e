"""Shaping query results for display: labelled table columns and indicator names."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping

import numpy as np
import pandas as pd

from ita.ui import labels
from ita.ui.labels import t


def table(data: pd.DataFrame, columns: Mapping[str, str], *, percent: tuple[str, ...] = ()) -> pd.DataFrame:
    """Keep `columns` (column → TEXT key) under their display labels; agency types in words, scores rounded.

    Columns named in `percent` hold shares in 0–1 and are shown as percentages.
    """
    out = data[list(columns)].copy()
    if "agency_type" in out:
        out["agency_type"] = labelled(out["agency_type"], labels.agency_type)
    for column in percent:
        out[column] = 100 * out[column]
    floats = out.select_dtypes("float").columns
    out[floats] = out[floats].round(2)
    return out.rename(columns={column: t(key) for column, key in columns.items()})


def in_language(english: pd.Series, thai: pd.Series) -> pd.Series:
    """The Thai text in the Thai interface where there is one, else the English."""
    return english if labels.lang() == "en" else thai.fillna(english)


def indicator_names(data: pd.DataFrame, name_th: str = "name_th", name_en: str = "name_en") -> pd.Series:
    """'9. การเปิดเผยข้อมูล' (or the English name) for each row's indicator."""
    return pd.Series(
        [
            labels.indicator(no, th, en)
            for no, th, en in zip(data["indicator_no"], data[name_th], data[name_en], strict=True)
        ],
        index=data.index,
        dtype="object",
    )


def labelled(values: pd.Series, label: Callable[[Hashable], str]) -> pd.Series:
    """values.map(label), calling `label` once per distinct value instead of once per row; missing stays missing."""
    codes, distinct = pd.factorize(values)
    # code -1 (a missing value) picks the trailing None
    texts = np.array([*map(label, distinct), None], dtype=object)
    return pd.Series(texts[codes], index=values.index, dtype=object)
