"""What a response shows: the rows it read and the lists it drew, noted while it renders.

Caches keep a rendered page until something it shows changes. Rows are noted without any
help from the code that reads them (``hub_site.cache.dependencies`` listens to every model
instance Django builds while a response renders). A list is different: a page listing the
newest articles of a topic shows whatever articles are newest, and a new one changes it
although the page never read it. Code that draws such a list says so with
``shown_list(anchor)``: the object the list hangs from (the index page whose children it
lists, the topic whose articles it shows) or a model class (every live page of a type).
A change that adds a row to a list, removes one or reorders it retires the pages that
noted its anchor.

Nothing is noted outside ``noting()``, so code that renders the same outside a request
(commands, the admin) pays one context-variable lookup per call.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.models import Page

_noted = ContextVar("hub_shown_noted", default=None)


def tag_for(obj):
    """The name of a row, or of every row of a model: pages by their tree id, since a
    page's base and specific rows are one page."""
    model = obj if isinstance(obj, type) else type(obj)
    label = "page" if issubclass(model, Page) else model._meta.label_lower
    if isinstance(obj, type):
        return f"type:{model._meta.label_lower}"
    return f"{label}:{obj.pk}"


def list_tag(anchor):
    return f"list:{tag_for(anchor)}"


@contextmanager
def noting():
    """Collect the tags of what renders inside the block; yields the set."""
    tags = set()
    token = _noted.set(tags)
    try:
        yield tags
    finally:
        _noted.reset(token)


def note(*tags):
    noted = _noted.get()
    if noted is not None:
        noted.update(tags)


def is_noting():
    return _noted.get() is not None


def shown_list(*anchors):
    """Note that the response shows lists hanging from ``anchors`` (rows or model classes)."""
    noted = _noted.get()
    if noted is not None:
        noted.update(list_tag(anchor) for anchor in anchors)


def shown_list_of(model, pk):
    """``shown_list`` for a row known by its primary key only."""
    noted = _noted.get()
    if noted is not None:
        label = "page" if issubclass(model, Page) else model._meta.label_lower
        noted.add(f"list:{label}:{pk}")


def noted():
    """The set being noted into, or None outside ``noting()``."""
    return _noted.get()
