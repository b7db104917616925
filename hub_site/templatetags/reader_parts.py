"""``{% reader_part url %}…{% endreader_part %}``: a part of a shared page that nginx fills
in for each reader.

Pages are cached whole, by the app and at the edge, and one copy serves every reader of a
URL. A few parts of a page belong to one reader, though (their vote and its results, their
answer to a survey), and a reader who has voted would otherwise need every page rendered
afresh. So in the shared copy such a part is wrapped in nginx Server Side Includes
commands::

    <!--# block name="NAME" -->DEFAULT<!--# endblock --><!--# include virtual="URL" stub="NAME" -->

A browser, and nginx with SSI off, shows DEFAULT (what a reader without state of their own
sees) and ignores the comments. nginx with SSI on, for a reader with state, drops the block
and replaces the include with the body of a subrequest to URL, which renders the part for
that reader, or with the block's DEFAULT (the stub) when that subrequest gives no body or
fails. nginx only knows a block defined before the include that names it, hence the order.
NAME is derived from URL, so it is unique per part on a page.

URL is the path (and query) of a view of this site. It is HTML-escaped, so it cannot end
the attribute; nginx does not unescape it, so a URL should have no ``&`` (at most one query
parameter), and no ``$`` (nginx would read a variable). nginx accepts values up to
``ssi_value_length`` (255 characters by default).

Given no URL (the part is rendered for this reader already, or is not to be replaced), the
tag outputs its content as it is. The tag knows nothing of what it wraps: which parts are
a reader's own, and where their versions are rendered, is for the apps to say.
"""

import hashlib

from django import template
from django.utils.html import format_html

register = template.Library()

MARKUP = (
    '<!--# block name="{name}" -->{default}<!--# endblock -->'
    '<!--# include virtual="{url}" stub="{name}" -->'
)


def part_name(url):
    return f"reader-part-{hashlib.sha256(url.encode()).hexdigest()[:16]}"


class ReaderPartNode(template.Node):
    def __init__(self, url, nodelist):
        self.url = url
        self.nodelist = nodelist

    def render(self, context):
        default = self.nodelist.render(context)
        url = self.url.resolve(context)
        if not url:
            return default
        return format_html(MARKUP, name=part_name(url), default=default, url=url)


@register.tag
def reader_part(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(
            f"'{bits[0]}' takes one argument: the URL of the reader's own version of the part"
        )
    url = parser.compile_filter(bits[1])
    nodelist = parser.parse(("endreader_part",))
    parser.delete_first_token()
    return ReaderPartNode(url, nodelist)
