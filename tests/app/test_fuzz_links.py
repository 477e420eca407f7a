"""Fuzzed share links on every page: no exception, a warning naming each rejected parameter, and every
accepted parameter applied. 1000 links in all, derandomised so a failure reproduces."""

import pytest
from apptest_support import open_app
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xentcore.app.pages import PAGES
from xentcore.app.settings import SETTINGS, schema_for
from xentcore.app.share import Schema, parse
from xentcore.app.ui.session import STORE

LINKS_PER_PAGE = -(-1000 // len(PAGES))


def values_for(schema: Schema):
    """Plausible and hostile values: the default, numbers at and past the edges, junk, unicode, huge."""
    encoded_defaults = [p.encode(p.default) for p in schema.params if p.encode(p.default)]
    return st.one_of(
        st.sampled_from(encoded_defaults or ["1"]),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.integers(-(10**6), 10**6).map(str),
        st.lists(st.floats(-2, 20, allow_nan=False).map(lambda x: f"{x:.3g}"), min_size=0, max_size=14).map(",".join),
        st.sampled_from(["nan", "inf", "-inf", "1e308", "-0", "", ",", "0,0,0", "1,-1", "true", "zh", "bits", "黑"]),
        st.text(max_size=30),
        st.text(min_size=2001, max_size=2050, alphabet="0123456789,."),
    )


def links(schema: Schema):
    keys = st.one_of(st.sampled_from(schema.keys + SETTINGS.keys) if schema.keys else st.sampled_from(SETTINGS.keys),
                     st.text(min_size=1, max_size=12))  # fmt: skip
    value = values_for(schema)
    return st.dictionaries(keys, st.one_of(value, st.lists(value, min_size=2, max_size=3)), max_size=6)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.id)
def test_fuzzed_links(page):
    schema = schema_for(page.id)

    @settings(
        max_examples=LINKS_PER_PAGE,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(links(schema))
    def check(params):
        at = open_app(page.path, **params)
        assert not at.exception, (params, [e.message for e in at.exception])
        expected, issues = parse(params, schema, known=SETTINGS.keys)
        expected_settings, setting_issues = parse(params, SETTINGS, known=tuple(params))
        store = at.session_state[STORE]
        assert store[schema.name] == expected, params
        assert store[SETTINGS.name] == expected_settings
        warning = "\n".join(w.value for w in at.warning)
        for issue in issues + setting_issues:
            if issue.code != "more":
                assert issue.key in warning, (issue, params)

    check()
