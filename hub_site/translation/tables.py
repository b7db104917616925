"""The tables of the translation screens (screens.py), as Wagtail's table components.

A row is a segment of the screen's translation; a cell may hold a form that posts back to
the screen, so the cells get the translation, the page's CSRF token, and the form just
refused, to show its errors beside the row it named.
"""

from wagtail.admin.ui.tables import Column, Table


def from_screen(parent_context):
    """What the cells take from the screen's context."""
    return {name: parent_context.get(name) for name in ("translation", "csrf_token", "form")}


class SegmentTable(Table):
    """A screen's table of segments; ``row_attrs``: a row → the attributes of its <tr>."""

    def __init__(self, columns, data, *, row_attrs, **kwargs):
        super().__init__(columns, data, **kwargs)
        self.row_attrs = row_attrs

    def get_row_attrs(self, instance):
        return self.row_attrs(instance)

    def get_context_data(self, parent_context):
        return {**super().get_context_data(parent_context), **from_screen(parent_context)}


class SegmentColumn(Column):
    """A column of a SegmentTable, whose cells may come from a template of their own,
    ``cell``: hub_translation/cells/<cell>.html."""

    def __init__(self, name, *, cell=None, **kwargs):
        super().__init__(name, **kwargs)
        if cell:
            self.cell_template_name = f"hub_translation/cells/{cell}.html"

    def get_cell_context_data(self, instance, parent_context):
        return {
            **super().get_cell_context_data(instance, parent_context),
            **from_screen(parent_context),
        }


class ReasonColumn(SegmentColumn):
    """A column whose cells may hold the form that gives the reason for their row
    (hub_translation/includes/reason_form.html).

    ``naming_fields``: a row → the hidden fields, {name: value}, that name the row in the
    form; the errors of the reason just refused show in the row the form named.
    """

    def __init__(self, name, *, naming_fields, **kwargs):
        super().__init__(name, **kwargs)
        self.naming_fields = naming_fields

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        fields = self.naming_fields(instance)
        form = context["form"]
        named = form is not None and all(
            form.cleaned_data.get(name) == value for name, value in fields.items()
        )
        context.update(
            naming_fields=fields,
            reason_id="-".join(["reason", *(str(value) for value in fields.values())]),
            reason_errors=form["reason"].errors if named else [],
        )
        return context
