"""The pages' caches: query results shared without being changed by a page, views built once per version."""

import logging
import threading
import time

import pytest

from ita import db
from ita.ui import data

# outside a Streamlit server, session state warns on every read
logging.getLogger("streamlit.runtime.state.session_state_proxy").disabled = True


@pytest.fixture(autouse=True)
def empty_caches():
    data.clear()
    yield
    data.clear()


def test_a_page_changing_a_result_leaves_the_cached_one_alone(app_env):
    first = data.query("national_results")
    mean = first["mean_score"].tolist()
    first["mean_score"] = 0.0
    first.loc[0, "fiscal_year"] = 1
    again = data.query("national_results")
    assert again["mean_score"].tolist() == mean
    assert again["fiscal_year"].iat[0] != 1


def test_a_view_is_built_once_per_arguments_database_version_and_language(monkeypatch):
    built = []

    @data.per_version
    def view(year: int, *, province: str | None = None) -> list:
        built.append((year, province))
        return [year, province]

    version, language = ["v1"], ["th"]
    monkeypatch.setattr(db, "database_version", lambda path=None: version[0])
    monkeypatch.setattr(data.labels, "lang", lambda: language[0])
    assert view(2566) is view(2566)
    view(2566, province="ขอนแก่น")
    version[0] = "v2"  # a publish
    view(2566)
    language[0] = "en"
    view(2566)
    assert built == [(2566, None), (2566, "ขอนแก่น"), (2566, None), (2566, None)]


def test_sessions_asking_at_once_for_a_value_make_it_once():
    cache, calls, started = data._Lru(4), [], threading.Event()

    def slow() -> str:
        calls.append(1)
        started.set()
        time.sleep(0.2)
        return "made"

    first = threading.Thread(target=lambda: results.append(cache.get("k", slow)))
    results: list[str] = []
    first.start()
    started.wait()
    others = [threading.Thread(target=lambda: results.append(cache.get("k", slow))) for _ in range(5)]
    for thread in others:
        thread.start()
    for thread in [first, *others]:
        thread.join()
    assert results == ["made"] * 6 and len(calls) == 1


def test_a_value_that_failed_to_be_made_is_made_again_by_who_waited():
    cache, started, release = data._Lru(4), threading.Event(), threading.Event()

    def failing() -> str:
        started.set()
        release.wait()
        raise RuntimeError("query failed")

    errors: list[Exception] = []

    def first() -> None:
        try:
            cache.get("k", failing)
        except RuntimeError as error:
            errors.append(error)

    thread = threading.Thread(target=first)
    thread.start()
    started.wait()
    waiter_result: list[str] = []
    waiter = threading.Thread(target=lambda: waiter_result.append(cache.get("k", lambda: "second try")))
    waiter.start()
    release.set()
    thread.join()
    waiter.join()
    assert len(errors) == 1 and waiter_result == ["second try"]
    assert cache.get("k", lambda: "unused") == "second try"
