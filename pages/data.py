"""Data: what is loaded, what failed a check, adding documents (administrators only), downloading the views."""

from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from ita.ui import charts, display, documents, escape, exports, filters, imports, page, plotly_bundle
from ita.ui import format as fmt
from ita.ui.data import per_version, query
from ita.ui.labels import lang, t

ORIGIN_COLORS = {False: charts.ACCENT, True: "#E69F00"}


def _origin(is_synthetic: bool) -> str:
    return t("synthetic_badge") if is_synthetic else t("ag_real_badge")


def _years(first: float, last: float) -> str:
    if pd.isna(first):
        return "–"
    return str(int(first)) if first == last else f"{int(first)}–{int(last)}"


def _by_origin(data: pd.DataFrame, x: pd.Series, y: str) -> go.Figure:
    """Real and synthetic counts side by side on a log axis (they differ by orders of magnitude)."""
    traces = []
    for origin, color in ORIGIN_COLORS.items():
        rows = data["is_synthetic"] == origin
        if rows.any():
            traces.append(
                {
                    "type": "bar",
                    "x": x[rows],
                    "y": data.loc[rows, y],
                    "name": _origin(origin),
                    "marker": {"color": color},
                }
            )
    layout = {
        "barmode": "group",
        "xaxis": {"type": "category", "categoryorder": "category ascending"},
        "yaxis": {"type": "log", "dtick": 1, "title": {"text": t("dt_log_axis")}},
    }
    return charts.figure(traces, layout)


@per_version
def _loaded_charts(include_synthetic: bool) -> tuple[charts.Chart | None, charts.Chart | None]:
    """Documents by kind and agencies scored per year, real and synthetic side by side (None: none loaded)."""
    by_kind = query("documents_by_kind", include_synthetic=include_synthetic)
    kinds = None
    if not by_kind.empty:
        by_kind["kind"] = by_kind["kind"].map(documents.kind)
        kinds = charts.chart(
            _by_origin(by_kind, by_kind["kind"], "count_current"),
            display.table(
                by_kind.assign(is_synthetic=by_kind["is_synthetic"].map(_origin)),
                {
                    "kind": "doc_kind",
                    "is_synthetic": "dt_origin",
                    "count_current": "dt_current",
                    "count_superseded": "dt_superseded",
                },
            ),
            "documents_by_kind",
        )
    by_year = query("loaded_by_year", include_synthetic=include_synthetic)
    years = None
    if not by_year.empty:
        years = charts.chart(
            _by_origin(by_year, by_year["fiscal_year"], "count_scored"),
            display.table(
                by_year.assign(is_synthetic=by_year["is_synthetic"].map(_origin)),
                {
                    "fiscal_year": "year",
                    "is_synthetic": "dt_origin",
                    "count_scored": "dt_scored",
                    "count_with_measures": "dt_with_measures",
                    "count_measures": "ft_count_measures",
                },
            ),
            "loaded_by_year",
        )
    return kinds, years


def _loaded(include_synthetic: bool) -> None:
    """Documents by kind, and agencies scored per year, real and synthetic side by side."""
    kinds, years = _loaded_charts(include_synthetic)
    for column, title, chart in zip(st.columns(2), ("dt_by_kind", "dt_by_year"), (kinds, years), strict=True):
        with column:
            st.markdown(f"**{t(title)}**")
            if chart is None:
                st.info(t("no_data"))
            else:
                charts.show(chart)


def _recent(include_synthetic: bool) -> None:
    """The documents imported last."""
    st.subheader(t("dt_recent"))
    recent = query("recent_documents", include_synthetic=include_synthetic)
    if page.is_empty(recent):
        return
    st.dataframe(
        display.table(
            recent.assign(
                kind=recent["kind"].map(documents.kind),
                imported_at=recent["imported_at"].map(documents.imported_at),
            ),
            {
                "file_name": "col_document",
                "kind": "doc_kind",
                "agency_name": "agency_name",
                "fiscal_year": "year",
                "imported_at": "doc_imported_at",
                "is_current": "doc_is_current",
                "count_assessments": "dt_assessments",
                "count_measures": "ft_count_measures",
                "count_warnings": "dt_count_warnings",
                "is_synthetic": "synthetic_badge",
            },
        ),
        hide_index=True,
        width="stretch",
    )


def _warnings(include_synthetic: bool) -> None:
    """What failed a check, at import or against the indicators."""
    st.subheader(t("dt_warnings"))
    warnings = query("validation_warnings", include_synthetic=include_synthetic)
    if page.is_empty(warnings, t("dt_no_warnings")):
        return
    count_total = int(warnings["count_total"].iat[0])
    st.caption(t("dt_warnings_count").format(total=fmt.count(count_total), shown=fmt.count(len(warnings))))
    _messages(
        warnings.assign(source=warnings["source"].map(lambda code: t(f"warn_{code}"))),
        {
            "source": "dt_check",
            "message": "dt_message",
            "document": "col_document",
            "kind": "doc_kind",
            "agency_name": "agency_name",
            "fiscal_year": "year",
            "line": "col_lines",
            "is_synthetic": "synthetic_badge",
        },
    )
    _unread_rows(include_synthetic)
    _ocr_review(include_synthetic)


def _ocr_review(include_synthetic: bool) -> None:
    """Numbers and dates OCR was unsure of, by document and page: what a person checks in the original."""
    st.markdown(f"**{t('dt_ocr_review')}**")
    review = query("ocr_review", include_synthetic=include_synthetic)
    if page.is_empty(review, t("dt_no_ocr_review")):
        return
    st.caption(t("dt_ocr_review_note").format(total=fmt.count(int(review["count_total"].iat[0]))))
    _messages(
        review,
        {
            "document": "col_document",
            "kind": "doc_kind",
            "agency_name": "agency_name",
            "fiscal_year": "year",
            "page": "src_page",
            "line": "col_lines",
            "message": "dt_message",
        },
    )


def _messages(rows: pd.DataFrame, columns: dict[str, str]) -> None:
    """A table of warnings about documents: each in the interface's language, its kind in words, and the
    message the wide column."""
    st.dataframe(
        display.table(
            rows.assign(
                kind=rows["kind"].map(documents.kind),
                message=display.in_language(rows["message"], rows["message_th"]),
            ),
            columns,
        ),
        hide_index=True,
        width="stretch",
        column_config={t("dt_message"): st.column_config.TextColumn(width="large")},
    )


def _unread_rows(include_synthetic: bool) -> None:
    """Documents whose table rows were not all read: what an administrator checks against the original."""
    st.markdown(f"**{t('dt_unread_rows')}**")
    unread = query("documents_with_unread_rows", include_synthetic=include_synthetic)
    if page.is_empty(unread, t("dt_no_unread_rows")):
        return
    st.caption(t("dt_unread_rows_note"))
    st.dataframe(
        display.table(
            unread.assign(
                kind=unread["kind"].map(documents.kind),
                unexplained_lines=unread["unexplained_lines"].map(lambda lines: ", ".join(map(str, lines))),
            ),
            {
                "file_name": "col_document",
                "kind": "doc_kind",
                "agency_name": "agency_name",
                "fiscal_year": "year",
                "count_rows_read": "dt_rows_read",
                "count_rows_warned": "dt_rows_warned",
                "count_rows_unexplained": "dt_rows_unexplained",
                "unexplained_lines": "dt_unexplained_lines",
                "is_synthetic": "synthetic_badge",
            },
        ),
        hide_index=True,
        width="stretch",
    )


def _downloads(include_synthetic: bool) -> None:
    """The public views, for analysts."""
    st.subheader(t("dt_downloads"))
    st.caption(
        t("dt_downloads_note") + " " + (t("synthetic_note") if include_synthetic else t("real_only_note"))
    )
    for view in exports.VIEWS:
        columns = st.columns([3, 1, 1])
        columns[0].markdown(f"`v_{view}` — {t(f'dt_view_{view}')}")
        for column, file_format in zip(columns[1:], exports.FORMATS, strict=True):
            column.download_button(
                file_format.upper(),
                data=exports.deferred(view, file_format, include_synthetic),
                file_name=exports.file_name(view, file_format, include_synthetic),
                mime=exports.FORMATS[file_format],
                key=f"dl_{view}_{file_format}",
                on_click="ignore",
                icon=":material/download:",
            )


def _page_read(bar: DeltaGenerator, file: str, page: int, pages: int, how: str) -> None:
    """A long PDF or scan shows how far it got, page by page (file names are text, never markdown)."""
    done = t("dt_page_read_ocr" if how.startswith("OCR") else "dt_page_read").format(page=page, pages=pages)
    bar.progress(page / pages, text=f"{escape.markdown(file)} · {done}")


def _import() -> None:
    """Adding documents and score sheets, for administrators."""
    st.subheader(t("dt_upload"))
    password = imports.configured_password()
    if password is None:
        st.info(t("dt_upload_disabled"))
        return
    entered = st.text_input(t("dt_password"), type="password", key="dt_password")
    if entered and not imports.password_matches(entered, password):
        st.error(t("dt_wrong_password"))
        return
    if not entered:
        return
    st.caption(t("dt_upload_note").format(types=", ".join(imports.ACCEPTED_SUFFIXES), mb=imports.MAX_MB))
    report = st.session_state.pop("dt_import_report", None)
    with st.form("dt_upload_form", clear_on_submit=True):
        uploads = st.file_uploader(
            t("dt_files"),
            type=[suffix.lstrip(".") for suffix in imports.ACCEPTED_SUFFIXES],
            accept_multiple_files=True,
            max_upload_size=imports.MAX_MB,
        )
        submitted = st.form_submit_button(t("dt_import"), icon=":material/upload:")
    if submitted and uploads:
        with st.spinner(t("dt_importing")):
            bar = st.empty()
            outcome = imports.import_uploads(
                [(upload.name, upload.getvalue()) for upload in uploads], progress=partial(_page_read, bar)
            )
        st.session_state["dt_import_report"] = outcome
        st.rerun()  # redraw the figures above the tabs from the newly published database
    for result in report or []:
        message = result.message if lang() == "en" else result.message_th or result.message
        if result.is_imported:
            st.success(escape.markdown(message), icon=":material/check_circle:")
            if result.warnings:
                warnings = result.warnings if lang() == "en" else result.warnings_th
                st.text("\n".join(f"  {t('dt_warning')}: {w}" for w in warnings))
        else:
            st.error(escape.markdown(message), icon=":material/error:")


f = filters.current()
page.header("data", f)
st.caption(t("dt_scope_note"))
if plotly_bundle.is_fallback():
    st.info(t("dt_full_plotly"), icon=":material/speed:")

# what is loaded, above the tabs
inventory = query("data_inventory", include_synthetic=f.include_synthetic)
for row in inventory.to_dict("records"):
    st.markdown(f"**{_origin(row['is_synthetic'])}**")
    page.figures(
        [
            (t("dt_documents"), fmt.count(row["count_documents"])),
            (t("dt_agencies"), fmt.count(row["count_agencies"])),
            (t("dt_assessments"), fmt.count(row["count_assessments"])),
            (t("ft_count_measures"), fmt.count(row["count_measures"])),
            (t("dt_years"), _years(row["first_year"], row["last_year"])),
        ]
    )

page.sections(
    page.Section("dt_tab_loaded", partial(_loaded, f.include_synthetic)),
    page.Section("dt_tab_recent", partial(_recent, f.include_synthetic)),
    page.Section("dt_tab_warnings", partial(_warnings, f.include_synthetic)),
    page.Section("dt_tab_downloads", partial(_downloads, f.include_synthetic)),
    page.Section("dt_tab_import", _import),
)
