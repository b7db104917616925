"""Which machine translator wagtail-localize uses, from the deployment's environment.

Kept free of Django imports: ``settings/base.py`` calls it while settings are loading.
"""


def machine_translator_setting(
    *,
    deepl_api_key="",
    google_project_id="",
    google_credentials_path="",
    libretranslate_url="",
    libretranslate_api_key="",
):
    """The ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` value, or None when no service is configured.

    One service at a time, in this order: DeepL, Google Cloud Translation, LibreTranslate.
    """
    if deepl_api_key:
        # wagtail-localize's DeepL translator, sending each language pair's glossary along.
        return {
            "CLASS": "hub_site.translation.deepl.GlossaryDeepLTranslator",
            "OPTIONS": {"AUTH_KEY": deepl_api_key},
        }
    if google_project_id:
        options = {"PROJECT_ID": google_project_id}
        # Without a key file, Google's client finds credentials itself
        # (GOOGLE_APPLICATION_CREDENTIALS, or the platform's service account).
        if google_credentials_path:
            options["CREDENTIALS_PATH"] = google_credentials_path
        return {
            "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
            "OPTIONS": options,
        }
    if libretranslate_url:
        return {
            "CLASS": "hub_site.translation.machine.LibreTranslateTranslator",
            "OPTIONS": {"URL": libretranslate_url.rstrip("/"), "API_KEY": libretranslate_api_key},
        }
    return None
