"""The messages the translation screens add to wagtail-localize's translation editor as it
opens (glossary_hooks.py, memory_hooks.py, sync_hooks.py)."""

from wagtail import hooks


def when_translation_editor_opens(hook):
    """Register ``hook(request, obj)`` to run when the translation editor of a page or
    snippet opens (a GET), to say something there with ``wagtail.admin.messages``.

    It runs before wagtail-localize's own before_edit_page and before_edit_snippet hooks,
    which answer with its translation editor: a message added later would not be shown.
    """

    def before_edit(request, obj):
        if request.method == "GET":
            hook(request, obj)

    hooks.register("before_edit_page", before_edit, order=-10)
    hooks.register("before_edit_snippet", before_edit, order=-10)
    return hook
