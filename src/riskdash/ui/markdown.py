"""Data shown as text where Streamlit reads Markdown.

st.markdown, st.caption, st.subheader, st.info / warning / success / error, st.table cells, widget and tab
labels, metric labels and help all read GitHub-flavoured Markdown with Streamlit's extras (LaTeX between $,
:material/…: icons, :red[…] colours). A name or a description from imported data put there as it is would
render as markup: an image fetched from an outside address, a heading, a link, a formula. Every value from
the data (names, descriptions, addresses, measures, ids, file names, messages quoting a value) goes through
``plain`` before it meets Markdown, and through ``html_text`` before it meets the HTML of presentation mode.

``plain`` backslash-escapes every character that can open markup — ``\\ ` * _ ~ [ ] ! $ < > # |`` anywhere,
``:`` before a letter (Streamlit's directives, ``:red[…]``), and ``-``, ``+``, ``=`` or a number followed by
``.`` or ``)`` at the start (a list or a rule) — and puts the text on one line (a line break is where
headings, lists, tables and setext underlines start). CommonMark shows an escaped character as itself, so the
text looks the same. Parentheses need no escape once the brackets are escaped (a link or an image needs
``](``). An address in the data (``http://…``, ``www.…``, ``name@host``) would still be made a link, after
parsing, where no escape reaches: an invisible word joiner (U+2060) goes inside it. The interface text around
a value carries no Markdown, so a whole message may be passed through ``plain`` as well as a single value.
"""

from __future__ import annotations

import html
import re

import pandas as pd

_MARKUP = re.compile(r"([\\`*_~\[\]!$<>#|]|:(?=[A-Za-z]))")
# GitHub's autolinks (http://…, www.…, name@host) are found in the text after parsing, so no escape stops
# them: an invisible word joiner (U+2060) inside the pattern does
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?<=@)", re.IGNORECASE)
_JOINER = "\u2060"
_LEADING = re.compile(r"^([-+=]|\d+[.)])")
_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")
_HTML = {**{ch: f"&#{ord(ch)};" for ch in "\\`*_~[]!$#|"}, **{ch: html.escape(ch) for ch in "&<>\"'"}}


def _one_line(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return _BREAKS.sub(" ", str(value)).strip()


def plain(value) -> str:
    """``value`` as literal text inside Markdown: every character that can open markup escaped, on one line."""
    text = _MARKUP.sub(r"\\\1", _one_line(value))
    text = _AUTOLINK.sub(_JOINER, text)
    return _LEADING.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def plain_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` for st.table (which reads Markdown in every cell, header and index): text escaped;
    numbers left as numbers."""
    out = frame.copy()
    for i in range(out.shape[1]):
        column = out.iloc[:, i]
        if any(isinstance(v, str) for v in column):
            out.isetitem(i, pd.Series([plain(v) if isinstance(v, str) else v for v in column], index=out.index,
                                      dtype=object))
    out.columns = [plain(c) for c in out.columns]
    if any(isinstance(v, str) for v in out.index):
        out.index = pd.Index([plain(v) if isinstance(v, str) else v for v in out.index], name=out.index.name)
    return out


def html_text(value) -> str:
    """``value`` as literal text inside the HTML that presentation mode writes with st.markdown: HTML-escaped,
    the characters that can open Markdown as character references (an HTML block is not read as Markdown, but
    this holds even where it would be), on one line (a blank line would end the HTML block and hand the rest
    to Markdown)."""
    return "".join(_HTML.get(ch, ch) for ch in _one_line(value))
