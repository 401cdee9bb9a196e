"""The dashboard's colours and font, shared by its charts and the printable brief (which runs outside
Streamlit, so this module imports nothing of it)."""

FONT = "Sarabun, Loma, Garuda, Norasi, 'Noto Sans Thai', sans-serif"
# Okabe–Ito colours, ordered best to worst, so grades read the same on every chart.
GRADE_COLORS: dict[str, str] = {
    "AA": "#009E73",
    "A": "#56B4E9",
    "B": "#0072B2",
    "C": "#F0E442",
    "D": "#E69F00",
    "E": "#CC79A7",
    "F": "#D55E00",
    "ผ่านดีเยี่ยม": "#009E73",
    "ผ่านดี": "#56B4E9",
    "ผ่าน": "#0072B2",
    "ไม่ผ่าน": "#D55E00",
    "สูงมาก": "#009E73",
    "สูง": "#56B4E9",
    "ปานกลาง": "#F0E442",
    "ต่ำ": "#E69F00",
    "ต่ำมาก": "#D55E00",
}
# Okabe–Ito colours, OIT's not the green of the best grades, so an instrument never reads as a grade.
INSTRUMENT_COLORS = {"IIT": "#0072B2", "EIT": "#E69F00", "OIT": "#CC79A7"}
STATUS_COLORS = {"done": "#009E73", "in_progress": "#E69F00", "not_started": "#D55E00", "unknown": "#999999"}
SEQUENTIAL = "Cividis"
ACCENT = "#0072B2"
REFERENCE = "#555555"
# the text colour of Streamlit's light theme, so chart labels read like the page around them
TEXT_COLOR = "#31333F"
