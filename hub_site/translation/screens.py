"""The base of the translation screens of the admin: the numbers check, the glossary check,
the translation memory and the review of changed segments.

Each is about one translated page or snippet, reached by the page's id or by the id of its
translation (snippets have no admin URL of one shape); it shows the object's title in its
header and links back to its translation editor, and its forms post back to it.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views import View

from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page
from wagtail_localize.views.edit_translation import user_can_edit_instance

from hub_site.translation.numbers_guard import translation_of
from hub_site.translation.tables import SegmentTable
from hub_site.translation.targets import translation_and_target


def screen_url(obj, page_url_name, translation_url_name):
    """The URL of a screen about a translated page, by the page's id, or about a translated
    snippet, by its translation's id."""
    if isinstance(obj, Page):
        return reverse(page_url_name, args=(obj.pk,))
    return reverse(translation_url_name, args=(translation_of(obj).pk,))


def screen_urls(route, view_class, name):
    """The two URLs of a screen below ``route``: a translated page's, by the page's id, named
    ``name``, and a translated snippet's, by its translation's id, named
    ``translation_<name>``; ``screen_url`` reverses the pair."""
    return [
        path(f"{route}<int:page_id>/", view_class.as_view(), name=name),
        path(
            f"{route}translation/<int:translation_id>/",
            view_class.as_view(),
            name=f"translation_{name}",
        ),
    ]


class TranslationScreenView(View):
    """A screen about one translated page or snippet.

    Subclasses set ``template_name``, ``page_title``, ``header_icon`` and the ``columns`` of
    their table of segments (tables.py), answer ``user_may_use`` and, if they take a form,
    ``post``. ``self.translation`` is the translation the URL named (None when it named a
    page) and ``self.object`` the translated page or snippet.
    """

    http_method_names = ["get", "post"]
    template_name = None
    page_title = None
    header_icon = None
    columns = []

    def dispatch(self, request, *args, **kwargs):
        # Only for the methods the screen answers: any other is refused before the lookup.
        if request.method.lower() in self.http_method_names:
            self.translation, self.object = self.get_target(**kwargs)
            if not self.user_may_use(request.user):
                return self.refuse_access()
        return super().dispatch(request, *args, **kwargs)

    def get_target(self, page_id=None, translation_id=None):
        if page_id is not None:
            return None, get_object_or_404(Page, pk=page_id).specific
        return translation_and_target(translation_id)

    def user_may_use(self, user):
        raise NotImplementedError

    def refuse_access(self):
        raise PermissionDenied

    @property
    def title(self):
        obj = self.object
        return obj.get_admin_display_title() if isinstance(obj, Page) else str(obj)

    def get_edit_url(self):
        return AdminURLFinder(self.request.user).get_edit_url(self.object)

    def get_row_attrs(self, row):
        return {}

    def get_table(self, rows):
        return SegmentTable(self.columns, rows, row_attrs=self.get_row_attrs)

    def get_header_context(self):
        """What the screen's header needs, and its refusal."""
        return {
            "page_title": self.page_title,
            "header_icon": self.header_icon,
            "translation": self.translation,
            "object": self.object,
            "title": self.title,
        }

    def get_context_data(self, **kwargs):
        return {**self.get_header_context(), **kwargs}

    def get(self, request, *args, **kwargs):
        return self.render(self.get_context_data())

    def render(self, context, status=None):
        return TemplateResponse(self.request, self.template_name, context, status=status)

    def refuse_post(self, context, message, status=400):
        """Say what was wrong with the form posted, on the screen again."""
        messages.error(self.request, message)
        return self.render(context, status=status)

    def done(self, message):
        messages.success(self.request, message)
        return redirect(self.request.path)


class TranslationEditorScreenView(TranslationScreenView):
    """A screen for whoever may edit the translation, as wagtail-localize's editor asks.

    Others get the screen's refusal, with a 403: Wagtail's admin would turn a
    PermissionDenied into a redirect to the dashboard.
    """

    def user_may_use(self, user):
        return user_can_edit_instance(user, self.object)

    def refuse_access(self):
        return self.render({**self.get_header_context(), "refused": True}, status=403)
