"""The app's pages, in the order the navigation shows them."""

from __future__ import annotations

from dataclasses import dataclass

HOME_SCRIPT = "home.py"  # the main script (app.py serves it: xentcore.app.serve)


@dataclass(frozen=True)
class Page:
    id: str
    path: str  # script path, as st.page_link wants it
    icon: str
    charts: bool = True  # draws plotly charts: plotly.js starts loading as the page opens

    @property
    def url_path(self) -> str:
        """The page's URL path: Streamlit drops the ``N_`` prefix and the ``.py``."""
        if self.path == HOME_SCRIPT:
            return ""
        return self.path.removeprefix("pages/").removesuffix(".py").split("_", 1)[1]

    @property
    def title_key(self) -> str:
        return f"nav.{self.id}"

    @property
    def blurb_key(self) -> str:
        return f"nav.{self.id}.blurb"


PAGES: tuple[Page, ...] = (
    Page("home", HOME_SCRIPT, ":material/home:", charts=False),
    Page("distributions", "pages/1_distributions.py", ":material/bar_chart:"),
    Page("curves", "pages/2_loss_curves.py", ":material/show_chart:"),
    Page("surfaces", "pages/3_loss_surfaces.py", ":material/landscape:"),
    Page("race", "pages/4_training_race.py", ":material/sprint:"),
    Page("tutorial", "pages/5_tutorial_checked.py", ":material/fact_check:"),
    Page("language", "pages/6_language.py", ":material/translate:"),
)
PAGE_BY_ID = {p.id: p for p in PAGES}
