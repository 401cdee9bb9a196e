"""Text from documents shown outside tables: neutralise markdown and plotly's HTML-like tags.

Agency names, titles and file names come from documents and uploads; they can hold `*`, `_`,
`<script>` or `$`. Streamlit renders captions, headers and alerts as markdown, plotly renders a few
tags in labels, so such text is escaped before it reaches either.
"""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}()<>#+!|~$:-])")


def markdown(text: str) -> str:
    """The text with every markdown-significant character backslash-escaped, so it shows as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def plotly(text: str, limit: int | None = None) -> str:
    """The text, shortened to `limit` characters, with `<`, `>` and `&` as entities for plotly labels."""
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return html.escape(text, quote=False)
