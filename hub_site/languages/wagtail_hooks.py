from django.http import Http404

from wagtail import hooks

from articles.models import ArticlePage
from hub_site.languages.content_language import active_content_language

# Page types a reader is only ever shown in their own language: asked for in a language
# where no translation is published, they are a 404 (listing the versions that exist)
# rather than the default language's page served under the other language's prefix.
OWN_LANGUAGE_ONLY = (ArticlePage,)


@hooks.register("before_serve_page")
def refuse_pages_from_another_language(page, request, serve_args, serve_kwargs):
    """Wagtail serves the default tree when a language has no home page of its own, and an
    alias (a live copy of another language's page) as if it were a translation."""
    if not isinstance(page, OWN_LANGUAGE_ONLY):
        return None
    # The article page's own query brings its locale (ArticlePage.objects.for_article_page).
    if page.locale.language_code != active_content_language():
        raise Http404
    if page.alias_of_id and page.alias_of.locale_id != page.locale_id:
        raise Http404
    return None
