from playwright.sync_api import expect

SEED_TITLE = "Allogeneic HSCT in CR2 for AYAs with ALL: A dual-center study"


def test_reader_opens_the_seed_article_from_the_article_list(demo_site, hcp_demo_page, screenshot):
    page = hcp_demo_page

    page.goto(f"{demo_site.url}/en/articles/")
    page.get_by_role("navigation", name="Filter articles by topic").get_by_role(
        "link", name="MRD"
    ).click()
    page.get_by_role("link", name=SEED_TITLE).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_TITLE)
    expect(page.locator("time").first).to_have_text("Oct 24, 2025")
    expect(page.locator(".learning-objective")).to_contain_text(
        "Learning objective: After reading this article, learners will be able to cite a new "
        "clinical development in acute lymphoblastic leukemia."
    )
    key_data = page.get_by_role("region", name="Key data")
    expect(key_data).to_contain_text("3-year overall survival (OS) and progression-free survival")
    expect(key_data).to_contain_text("Measurable residual disease (MRD) positivity")
    key_learning = page.get_by_role("region", name="Key learning")
    expect(key_learning).to_contain_text("Allo-HSCT in CR2 remains a curative option")
    references = page.get_by_role("region", name="References").get_by_role("listitem")
    expect(references).to_have_count(1)
    expect(references.first).to_contain_text("Pasvolsky O, et al")
    expect(references.first).to_contain_text("American Journal of Hematology")
    related = page.get_by_role("region", name="Related articles")
    expect(related.get_by_role("heading", level=3).first).to_be_visible()
    assert screenshot("article").stat().st_size > 0


def test_reader_finds_the_seed_article_by_searching_mrd(demo_site, hcp_demo_page):
    page = hcp_demo_page

    page.goto(f"{demo_site.url}/en/")
    page.get_by_role("link", name="Search articles").click()
    page.get_by_label("Words to search for").fill("MRD")
    page.get_by_role("button", name="Search").click()

    expect(page.get_by_role("status")).to_contain_text("match “MRD”")
    page.get_by_role("link", name=SEED_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_TITLE)


def test_reader_pages_through_the_article_list(demo_site, hcp_demo_page):
    page = hcp_demo_page

    page.goto(f"{demo_site.url}/en/articles/")
    expect(page.get_by_role("heading", level=2)).to_have_count(6)
    page.get_by_role("link", name="Next page").click()

    expect(page).to_have_url(f"{demo_site.url}/en/articles/?page=2")
    expect(page.get_by_text("Page 2 of 2")).to_be_visible()
    expect(page.get_by_role("link", name="Previous page")).to_be_visible()
