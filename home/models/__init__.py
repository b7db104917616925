"""Home app models, one module per page type, so that no models file grows large."""

from .funders import FunderIndexPage, FunderPage, FundingType, SponsorshipLevel
from .home_page import HomePage
from .personal_data import PersonalDataErasure
from .standard_page import StandardPage
from .support_page import SupportPage

__all__ = [
    "FunderIndexPage",
    "FunderPage",
    "FundingType",
    "HomePage",
    "PersonalDataErasure",
    "SponsorshipLevel",
    "StandardPage",
    "SupportPage",
]
