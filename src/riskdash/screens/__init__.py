"""The screens, one room each: ``screens/<screen>/`` holds everything of a screen's presentation.

- ``view.py``: pure shaping of metric results into what the screen shows (cards, tables, scope lines); no
  Streamlit.
- ``charts.py``: the screen's plotly builders (pure), on the house style of ``riskdash.charts``.
- ``text.py``: the screen's words, Simplified Chinese and English (data only; listed in ``riskdash.i18n``).
- ``draw.py``: the Streamlit drawing the layout in ``pages/<screen>.py`` calls (the Streamlit layer, beside
  ``riskdash.ui``).

``screens.kit`` holds the pure pieces every view shares (``Kpi``, the one ``Scope``).
"""
