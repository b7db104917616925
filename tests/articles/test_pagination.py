import pytest

from hub_site.pagination import paginate

ITEMS = list(range(25))


@pytest.mark.parametrize(
    ("requested", "expected"),
    [
        (None, 1),
        ("", 1),
        ("1", 1),
        ("2", 2),
        (3, 3),
        ("0", 1),
        ("-7", 1),
        ("4", 3),
        ("1e3", 1),
        ("two", 1),
        (" 2 ", 2),
    ],
)
def test_paginate_clamps_to_the_nearest_valid_page(requested, expected):
    page = paginate(ITEMS, requested, 10)
    assert page.number == expected


def test_paginate_an_empty_list_gives_one_empty_page():
    page = paginate([], "5", 10)
    assert page.number == 1
    assert list(page) == []
