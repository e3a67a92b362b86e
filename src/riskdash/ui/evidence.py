"""Evidence on a record card (issue 18, "检查有痕迹、问题整改有结果"): the count and list of a hazard's or an
inspection's files — images shown as images, a PDF as a download — and, for an account that may record, the
upload form (records.attach in the write window: the account's role and region bound it, as every form's write).
A file is read back and checked against its SHA-256 before it is shown; a missing or damaged one says so."""

from __future__ import annotations

import streamlit as st

from riskdash import db, evidence, i18n
from riskdash.ui import session
from riskdash.ui.markdown import plain

IMAGE_WIDTH = 320
TYPES = ["jpg", "jpeg", "png", "pdf"]
_FLASH = "evidence_last"


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(n / 1024, 0.1):.1f} KB"


def flash() -> None:
    """The last upload's one line (saved, already there, or refused), shown once."""
    done = st.session_state.pop(_FLASH, None)
    if done:
        ok, text = done
        (st.success if ok else st.error)(plain(text), icon=":material/check_circle:" if ok else ":material/error:")


def evidence_list(page, kind: str, record_id: str, key: str) -> None:
    """``page``: a PageContext. The record's files, by role, oldest first."""
    frame = page.load(evidence.for_record, kind, record_id)
    st.markdown(f"**:material/photo_library: {plain(page.t('data.evidence.title', n=len(frame)))}**")
    if frame.empty:
        st.caption(page.t("data.evidence.none"))
        return
    store = evidence.store_for(session.database_path())
    for row in frame.to_dict("records"):
        name = row["file_name"] if isinstance(row["file_name"], str) and row["file_name"] else \
            evidence.flat_name(row["sha256"], row["media_type"])
        uploaded = row["uploaded_at"]
        day = i18n.day(uploaded.date(), page.lang) if hasattr(uploaded, "date") else str(uploaded)
        st.caption(plain(page.t("data.evidence.line", role=page.t(f"data.evidence.role.{row['role']}"), name=name,
                                size=_size(int(row["bytes"])), who=row["uploaded_by"], at=day)))
        data = evidence.read(store, row["sha256"], row["media_type"])
        if data is None or evidence.sha256(data) != row["sha256"]:
            st.warning(plain(page.t("data.evidence.missing", name=name)), icon=":material/broken_image:")
        elif row["media_type"].startswith("image/"):
            st.image(data, width=IMAGE_WIDTH)
        else:
            st.download_button(f"{page.t('data.evidence.download')} {name}", data, file_name=name,
                               mime=row["media_type"], icon=":material/download:",
                               key=f"{key}_pdf_{int(row['evidence_id'])}")


def upload_form(page, kind: str, record_id: str, key: str, actor: str) -> None:
    """The upload form under the list (not for a viewer): a role and one file, checked on the session's read-only
    connection first (a refusal is one line, nothing written), then written in the write window."""
    from riskdash import records
    from riskdash.screens.data.view import refused_text
    from riskdash.ui.widgets import file_uploader
    from riskdash.ui.write_window import error_line, write_window

    if not page.can_write:
        return
    limit_mb = evidence.max_bytes(page.con) // (1024 * 1024)
    with st.form(f"{key}_upload", clear_on_submit=True):
        role = st.selectbox(page.t("data.evidence.role_pick"), evidence.ROLES, key=f"{key}_role",
                            format_func=lambda r: page.t(f"data.evidence.role.{r}"))
        upload = file_uploader(page.t("data.evidence.upload", limit=limit_mb), TYPES, f"{key}_file", limit_mb,
                               page.lang)
        submitted = st.form_submit_button(page.t("data.evidence.submit"), icon=":material/upload:")
    if not submitted or upload is None:
        return
    data, name = upload.getvalue(), upload.name
    role_name = page.t(f"data.evidence.role.{role}")
    try:
        records.attach(page.con, kind, record_id, role, data, name, actor=actor, check_only=True)
        result = write_window(lambda con: records.attach(con, kind, record_id, role, data, name, actor=actor))
    except records.RecordRefused as refused:
        st.session_state[_FLASH] = (False, refused_text(refused, page.lang))
    except db.RiskdashError as exc:
        st.session_state[_FLASH] = (False, error_line(exc, page.lang))
    else:
        text = "data.evidence.saved" if result.entry_id is not None else "data.evidence.same"
        st.session_state[_FLASH] = (True, page.t(text, name=name, role=role_name))
    st.rerun()


def step_attachment(page, action: str, key: str):
    """The file uploader inside a step's form of the rectification loop (整改完成: 整改后, 验收销号: 验收); None for
    the other steps. Returns the uploaded file or None."""
    from riskdash.records import STEP_ROLES
    from riskdash.ui.widgets import file_uploader

    if action not in STEP_ROLES:
        return None
    limit_mb = evidence.max_bytes(page.con) // (1024 * 1024)
    return file_uploader(page.t("data.evidence.step_file", role=page.t(f"data.evidence.role.{STEP_ROLES[action]}"),
                                limit=limit_mb), TYPES, f"{key}_step_file", limit_mb, page.lang)
