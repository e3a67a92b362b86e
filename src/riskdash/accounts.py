"""Accounts, roles and each official's region (issue 16): the one place that says what a role may see and do.

An account has a name, a role and — for county, township and viewer accounts — a region, its scope: every
query of that account is bounded by it (``account_scope`` → ``Filters.account_region``). Passwords are kept
only as argon2id hashes (argon2-cffi; ``HASHER`` is tuned to ~0.2 s per check on a 2-core server). The rules
follow 等保 2.0 level 2 identity authentication: at least 8 characters of three of the four classes (lower
case, upper case, digits, others), not containing the account's name; ``login_max_failures`` failures in a row
lock the account for ``login_lock_minutes`` minutes (settings). Every login, failure, lockout, logout and
account change is an audit entry with the account as its actor.

No Streamlit here: the login form (ui/login.py) and ``riskdash user`` (commands/user.py) call these functions
with a writable connection (the dashboard's write window), and each write is one transaction.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import secrets
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import duckdb
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from riskdash import db

# argon2id: 3 passes over 64 MiB, one lane — about 0.15–0.2 s per hash or check on this 2-core machine
# (measured with other work running: time_cost 2 took 0.13 s, 3 took 0.18 s, 4 took 0.31 s)
HASHER = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=1)
# a hash, with HASHER's parameters, of 32 random bytes thrown away: checking an unknown name against it costs
# the same time as a wrong password. Written out rather than made at import, which cost every command and every
# test worker 0.2 s of CPU (tests/test_accounts.py checks that its parameters are HASHER's)
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=1$Wt0hClbb5yfkI2f/Kja0Pw$XEn7LEuDZTqwYcC+3LW3wWOjZZu9r2gIL2M67li6Yck"

MIN_LENGTH = 8
MAX_LENGTH = 128  # a longer "password" is only a way to make the server hash megabytes
NAME_PATTERN = re.compile(r"\S{1,64}")

# set by `riskdash serve` to "1" when the database has no account and the server listens on 127.0.0.1 only:
# the dashboard then works without a login on this machine (ui/login.py)
LOCAL_ONLY_ENV = "RISKDASH_LOCAL_ONLY"
DEFAULT_LOGIN_SETTINGS = {"login_max_failures": 5, "login_lock_minutes": 15, "session_idle_minutes": 30}


# ---------------------------------------------------------------------------------------------- roles


@dataclass(frozen=True)
class Role:
    """What a role may see and do (docs/accounts.md states the same table)."""

    name: str
    label_zh: str
    label_en: str
    can_write: bool  # imports, record forms, the rectification loop, 零报告 (within its scope)
    is_admin: bool  # accounts, settings, reference data, backup download and restore
    region_bound: bool  # sees and changes only its region and below (the account's region is required)
    region_levels: tuple[str, ...]  # the levels its region may be at (empty: it has no region)

    def label(self, lang: str = "zh") -> str:
        return self.label_zh if lang == "zh" else self.label_en


ROLES: dict[str, Role] = {
    "admin": Role("admin", "管理员", "Administrator", can_write=True, is_admin=True, region_bound=False,
                  region_levels=()),
    "city": Role("city", "市级", "City", can_write=True, is_admin=False, region_bound=False, region_levels=()),
    "county": Role("county", "县级", "County", can_write=True, is_admin=False, region_bound=True,
                   region_levels=("county",)),
    "township": Role("township", "乡镇", "Township", can_write=True, is_admin=False, region_bound=True,
                     region_levels=("township",)),
    "viewer": Role("viewer", "只读", "Viewer (read-only)", can_write=False, is_admin=False, region_bound=True,
                   region_levels=("city", "county", "township")),
}


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    region_code: str | None
    disabled: bool = False
    failed_attempts: int = 0
    locked_until: datetime | None = None
    must_change_password: bool = False
    last_login_at: datetime | None = None
    created_at: datetime | None = None

    @property
    def rules(self) -> Role:
        return ROLES[self.role]

    @property
    def can_write(self) -> bool:
        return self.rules.can_write

    @property
    def is_admin(self) -> bool:
        return self.rules.is_admin


def account_scope(account: Account | None) -> str | None:
    """The region code bounding everything the account sees and changes; None for admin and city (and for no
    account: the command line as the file's owner)."""
    if account is None or not account.rules.region_bound:
        return None
    return account.region_code


# ---------------------------------------------------------------------------------------------- errors


class AccountError(db.RiskdashError):
    """A refused account operation: one line, in English (str) and Chinese (.zh)."""

    def __init__(self, en: str, zh: str):
        super().__init__(en)
        self.en = en
        self.zh = zh

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def password_problem(name: str, password: str) -> AccountError | None:
    """Why ``password`` may not be used by account ``name`` (None when it may)."""
    if len(password) < MIN_LENGTH:
        return AccountError(f"the password must have at least {MIN_LENGTH} characters",
                            f"密码至少{MIN_LENGTH}个字符")
    if len(password) > MAX_LENGTH:
        return AccountError(f"the password may have at most {MAX_LENGTH} characters",
                            f"密码最多{MAX_LENGTH}个字符")
    classes = sum((any(c.islower() for c in password), any(c.isupper() for c in password),
                   any(c.isdigit() for c in password), any(not (c.isascii() and c.isalnum()) for c in password)))
    if classes < 3:
        return AccountError("the password must mix three of: lower case, upper case, digits, other characters",
                            "密码须包含小写字母、大写字母、数字、其他字符中的至少三类")
    if name and name.casefold() in password.casefold():
        return AccountError("the password must not contain the account name", "密码不得包含用户名")
    return None


def check_password(name: str, password: str) -> None:
    problem = password_problem(name, password)
    if problem is not None:
        raise problem


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# ---------------------------------------------------------------------------------------------- reading


def _run(con: duckdb.DuckDBPyConnection, query: str, /, **params: Any) -> duckdb.DuckDBPyConnection:
    text = db.sql_text(f"accounts/{query}")
    wanted = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", "\n".join(
        line.split("--")[0] for line in text.splitlines())))
    return con.execute(text, {k: params[k] for k in wanted})


def _rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _account(row: dict[str, Any]) -> Account:
    return Account(**{k: row[k] for k in Account.__dataclass_fields__})


def get_account(con: duckdb.DuckDBPyConnection, name: str) -> Account | None:
    rows = _rows(_run(con, "account", name=name))
    return _account(rows[0]) if rows else None


def list_accounts(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every account (no hash), by name, with its region's name."""
    return _rows(_run(con, "accounts_list"))


def has_accounts(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether any account can log in (else the dashboard serves 127.0.0.1 only and says how to add one)."""
    try:
        return _run(con, "account_count").fetchone()[0] > 0
    except duckdb.CatalogException:  # a database older than schema 16 (read-only, not yet migrated)
        return False


def has_any_account(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database has any account, a disabled one included: once it has, the dashboard always asks
    for a login (even when every account is disabled)."""
    try:
        return _run(con, "account_total").fetchone()[0] > 0
    except duckdb.CatalogException:  # a database older than schema 16
        return False


def database_has_accounts(path) -> bool:
    """has_any_account on the file at ``path`` (opened read-only for the question)."""
    con = db.connect(path, read_only=True)
    try:
        return has_any_account(con)
    finally:
        con.close()


def region_name(con: duckdb.DuckDBPyConnection, region_code: str | None) -> str:
    """The region's name (the code itself when unknown; empty for no region)."""
    if region_code is None:
        return ""
    row = _run(con, "region_of", region_code=region_code).fetchone()
    return row[1] if row else region_code


@dataclass(frozen=True)
class LoginSettings:
    max_failures: int
    lock_minutes: int
    idle_minutes: float  # a fraction of a minute allowed (at least IDLE_MINUTES_FLOOR): 0.5 is 30 seconds


# the shortest idle timeout: 6 seconds (a test waits it out in a real browser; importer/core.SETTING_RULES)
IDLE_MINUTES_FLOOR = 0.1


def login_settings(con: duckdb.DuckDBPyConnection) -> LoginSettings:
    """The lockout and idle-timeout settings; a missing or unreadable value falls back to its default."""
    values = dict(DEFAULT_LOGIN_SETTINGS)
    for key, value in _run(con, "login_settings").fetchall():
        idle = key == "session_idle_minutes"
        try:
            number = float(str(value).strip()) if idle else int(str(value).strip())
        except ValueError:
            continue
        if math.isfinite(number) and number >= (IDLE_MINUTES_FLOOR if idle else 1):
            values[key] = number
    return LoginSettings(values["login_max_failures"], values["login_lock_minutes"], values["session_idle_minutes"])


def account_for(con: duckdb.DuckDBPyConnection, name: str) -> Account:
    """The account ``--user NAME`` names, or one line saying why not."""
    account = get_account(con, name)
    if account is None:
        raise AccountError(f"--user {name}: no such account", f"没有账号{name}")
    if account.disabled:
        raise AccountError(f"--user {name}: the account is disabled", f"账号{name}已停用")
    return account


def region_for(con: duckdb.DuckDBPyConnection, account: Account, requested: str | None) -> str | None:
    """The region an account's reading uses: ``requested`` when it lies within the account's region, the
    account's region when none is requested; a region outside is refused (never widened). ``requested`` is
    returned as given (None too) for an account bounded by nothing."""
    scope = account_scope(account)
    if scope is None or requested is None:
        return requested if scope is None else scope
    if not _run(con, "region_within", region_code=requested, bound=scope).fetchone()[0]:
        raise AccountError(
            f"--region {requested}: outside the region of account {account.name} ({scope})",
            f"区域{requested}不在账号{account.name}的辖区（{scope}）内")
    return requested


# ---------------------------------------------------------------------------------------------- writing


def _audit(con, actor: str | None, action: str, name: str, detail: dict | None = None) -> None:
    _run(con, "audit_entry", actor=actor, action=action, name=name,
         detail=json.dumps(detail, ensure_ascii=False) if detail else None)


def _in_transaction(con: duckdb.DuckDBPyConnection, write) -> Any:
    con.execute("begin transaction")
    try:
        result = write()
        con.execute("commit")
    except Exception:
        db.rollback(con)
        raise
    db.note_commit()
    return result


def _check_region(con, role: Role, region_code: str | None) -> str | None:
    if not role.region_bound:
        if region_code:
            raise AccountError(f"--region: a {role.name} account sees the whole city and has no region",
                               f"{role.label_zh}账号可查看全市，不设辖区")
        return None
    if not region_code:
        raise AccountError(f"--region is required for a {role.name} account", f"{role.label_zh}账号须指定辖区")
    from riskdash.filters import pad_region_code

    region_code = pad_region_code(region_code)
    rows = _run(con, "region_of", region_code=region_code).fetchall()
    if not rows:
        raise AccountError(f"--region {region_code}: no such region in the database",
                           f"数据库中没有区域{region_code}")
    level = rows[0][2]
    if level not in role.region_levels:
        raise AccountError(
            f"--region {region_code}: a {role.name} account's region must be a {' or '.join(role.region_levels)}"
            f" (this one is a {level})",
            f"{role.label_zh}账号的辖区须为{'或'.join(role.region_levels)}级（{region_code}为{level}级）")
    return region_code


def add_account(con: duckdb.DuckDBPyConnection, name: str, role: str, region_code: str | None, password: str,
                *, actor: str | None, must_change_password: bool = True) -> Account:
    """A new account (refused in one line: a bad name, role, region or password, or the name taken). An
    account an admin creates must change its password at its first login."""
    if not NAME_PATTERN.fullmatch(name or ""):
        raise AccountError(f"account name {name!r}: 1 to 64 characters without spaces",
                           f"用户名“{name}”须为1至64个字符，不含空格")
    if role not in ROLES:
        raise AccountError(f"--role {role}: expected one of {', '.join(ROLES)}",
                           f"角色{role}无效（可选：{'、'.join(ROLES)}）")
    rules = ROLES[role]
    region_code = _check_region(con, rules, region_code)
    check_password(name, password)
    if get_account(con, name) is not None:
        raise AccountError(f"account {name} already exists", f"账号{name}已存在")
    password_hash = hash_password(password)

    def write():
        _run(con, "account_insert", name=name, role=role, region_code=region_code, password_hash=password_hash,
             must_change_password=must_change_password)
        _audit(con, actor, "account_add", name, {"role": role, "region_code": region_code})

    _in_transaction(con, write)
    return get_account(con, name)


def set_password(con: duckdb.DuckDBPyConnection, name: str, password: str, *, actor: str | None,
                 must_change_password: bool = True) -> None:
    """An admin sets an account's password (the account must change it at its next login unless told
    otherwise); failures and a lockout are cleared."""
    if get_account(con, name) is None:
        raise AccountError(f"no account {name}", f"没有账号{name}")
    check_password(name, password)
    password_hash = hash_password(password)

    def write():
        _run(con, "account_password", name=name, password_hash=password_hash,
             must_change_password=must_change_password)
        _run(con, "tokens_delete_account", name=name)  # every kept login of the account ends
        _audit(con, actor, "account_password", name, {"must_change_password": must_change_password})

    _in_transaction(con, write)


def change_password(con: duckdb.DuckDBPyConnection, name: str, old: str, new: str) -> None:
    """The account changes its own password (the first-login change too): the old one must be right, the new
    one keep the rules and differ from it."""
    rows = _rows(_run(con, "account", name=name))
    if not rows or not _verify(rows[0]["password_hash"], old):
        raise AccountError("the current password is wrong", "当前密码错误")
    if new == old:
        raise AccountError("the new password must differ from the current one", "新密码不能与当前密码相同")
    check_password(name, new)
    password_hash = hash_password(new)

    def write():
        _run(con, "account_password", name=name, password_hash=password_hash, must_change_password=False)
        _run(con, "tokens_delete_account", name=name)  # its logins in other browsers end too
        _audit(con, name, "password_change", name)

    _in_transaction(con, write)


def disable_account(con: duckdb.DuckDBPyConnection, name: str, *, actor: str | None) -> None:
    """An account that can no longer log in (kept, with its audit entries); the last admin is kept."""
    account = get_account(con, name)
    if account is None:
        raise AccountError(f"no account {name}", f"没有账号{name}")
    if account.disabled:
        return
    if account.role == "admin" and _run(con, "admin_count", name=name).fetchone()[0] == 0:
        raise AccountError(f"account {name} is the last admin; add another admin first",
                           f"账号{name}是最后一个管理员，请先添加另一个管理员")

    def write():
        _run(con, "account_disable", name=name)
        _run(con, "tokens_delete_account", name=name)
        _audit(con, actor, "account_disable", name)

    _in_transaction(con, write)


def set_account(con: duckdb.DuckDBPyConnection, name: str, role: str | None = None,
                region_code: str | None = None, *, actor: str | None) -> tuple[Account, bool]:
    """Change an account's role, its region or both (``riskdash user set``); returns the account and whether
    anything changed. A role without a region keeps the account's region when the new role has one (checked
    against the role's levels) and drops it when the new role has none; a region alone keeps the role. The
    last enabled admin keeps its role. The change is an audit entry (before and after) with ``actor``."""
    account = get_account(con, name)
    if account is None:
        raise AccountError(f"no account {name}", f"没有账号{name}")
    if role is None and region_code is None:
        raise AccountError("user set: give --role, --region or both", "请指定 --role、--region 或两者")
    new_role = account.role if role is None else role
    if new_role not in ROLES:
        raise AccountError(f"--role {new_role}: expected one of {', '.join(ROLES)}",
                           f"角色{new_role}无效（可选：{'、'.join(ROLES)}）")
    rules = ROLES[new_role]
    if region_code is None and rules.region_bound:
        region_code = account.region_code  # kept: checked against the new role's levels below
    new_region = _check_region(con, rules, region_code)
    if account.role == "admin" and new_role != "admin" and not account.disabled \
            and _run(con, "admin_count", name=name).fetchone()[0] == 0:
        raise AccountError(f"account {name} is the last admin; add another admin first",
                           f"账号{name}是最后一个管理员，请先添加另一个管理员")
    if (new_role, new_region) == (account.role, account.region_code):
        return account, False

    def write():
        _run(con, "account_role", name=name, role=new_role, region_code=new_region)
        _audit(con, actor, "account_set", name,
               {"before": {"role": account.role, "region_code": account.region_code},
                "after": {"role": new_role, "region_code": new_region}})

    _in_transaction(con, write)
    return get_account(con, name), True


# ---------------------------------------------------------------------------------------------- logging in


@dataclass(frozen=True)
class LoginResult:
    """``account`` is set when the login succeeded; else ``reason`` says why not: ``wrong`` (an unknown name
    or a wrong password: the same answer for both), ``locked`` (until ``locked_until``), ``disabled``."""

    account: Account | None
    reason: str
    locked_until: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.account is not None


def authenticate(con: duckdb.DuckDBPyConnection, name: str, password: str,
                 now: datetime | None = None) -> LoginResult:
    """Check a login on a writable connection: counts the failure (and locks the account after
    ``login_max_failures`` in a row) or clears the count and records the login; every outcome is audited."""
    now = now or datetime.now()
    name = (name or "").strip()
    row = _rows(_run(con, "account", name=name)) if NAME_PATTERN.fullmatch(name) else []
    if not row:
        _verify(_DUMMY_HASH, password or "")  # the same time as a wrong password: names cannot be probed
        _in_transaction(con, lambda: _audit(con, name[:64] or None, "login_failed", name[:64],
                                            {"reason": "unknown account"}))
        return LoginResult(None, "wrong")
    stored = row[0]
    account = _account(stored)
    if account.locked_until is not None and account.locked_until > now:
        _in_transaction(con, lambda: _audit(con, name, "login_refused", name, {"reason": "locked"}))
        return LoginResult(None, "locked", account.locked_until)
    if not _verify(stored["password_hash"], password or ""):
        settings = login_settings(con)
        failures = account.failed_attempts + 1
        locked_until = now + timedelta(minutes=settings.lock_minutes) if failures >= settings.max_failures else None

        def write():
            _run(con, "login_failed", name=name, locked_until=locked_until)
            _audit(con, name, "login_failed", name, {"reason": "wrong password", "failures": failures})
            if locked_until is not None:
                _audit(con, name, "account_locked", name,
                       {"failures": failures, "locked_until": locked_until.isoformat(timespec="seconds")})

        _in_transaction(con, write)
        if locked_until is not None:
            return LoginResult(None, "locked", locked_until)
        return LoginResult(None, "wrong")
    if account.disabled:
        _in_transaction(con, lambda: _audit(con, name, "login_refused", name, {"reason": "disabled"}))
        return LoginResult(None, "disabled")
    rehash = HASHER.check_needs_rehash(stored["password_hash"])

    def write():
        _run(con, "login_succeeded", name=name, now=now)
        if rehash:  # the parameters were tuned again: keep the hash current
            _run(con, "account_password", name=name, password_hash=hash_password(password),
                 must_change_password=account.must_change_password)
        _audit(con, name, "login", name)

    _in_transaction(con, write)
    return LoginResult(get_account(con, name), "ok")


def record_logout(con: duckdb.DuckDBPyConnection, name: str, reason: str = "logout",
                  token: str | None = None) -> None:
    """A logout (``logout``) or a session ended by the idle timeout (``idle``), as an audit entry; the session's
    login token (``token``), if it has one, is deleted in the same transaction."""

    def write():
        if token:
            _run(con, "token_delete", token_hash=token_hash(token))
        _audit(con, name, "logout", name, {"reason": reason})

    _in_transaction(con, write)


# ---------------------------------------------------------------------------------------------- keeping a login
#
# Issue 17 item 2: a refresh (F5) or a dropped connection opens a new dashboard session; the login survives it
# through a token the browser keeps in a session cookie (ui/login.py sets and reads it). Only the token's SHA-256
# is stored (login_tokens, schema 29). A token resumes the login only while the account exists, is neither
# disabled nor locked, still has the password it had when the token was made (password_mark), and the token was
# used within session_idle_minutes. Logout, the idle end, disabling the account and a password change or reset
# delete it; a refused resume deletes it too.

TOKEN_BYTES = 32  # secrets.token_urlsafe(32): 256 random bits, 43 characters
TOKEN_MAX_LENGTH = 128  # a longer cookie value is no token of ours: refused without a look-up
TOUCH_SECONDS = 60.0  # a session writes its token's last_seen_at at most once a minute (and at most idle / 5)


def token_hash(token: str) -> str:
    """The SHA-256 (hex) of a login token: what the database keeps instead of the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _password_mark(password_hash: str) -> str:
    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()


def touch_seconds(settings: LoginSettings) -> float:
    """How often a session writes its token's last_seen_at: once a minute, more often under a short idle
    setting, so that the stored activity lags the session's by at most a fifth of the idle time."""
    return min(TOUCH_SECONDS, settings.idle_minutes * 60 / 5)


def create_login_token(con: duckdb.DuckDBPyConnection, name: str, now: datetime | None = None) -> str:
    """A new login token for account ``name``, made after a successful login (and any password change it had
    to make). Returns the token, for the browser's cookie and nowhere else; the database keeps its SHA-256, the
    mark of the account's password hash and the time. Tokens idle beyond the setting are cleared meanwhile."""
    now = now or datetime.now()
    rows = _rows(_run(con, "account", name=name))
    if not rows:
        raise AccountError(f"no account {name}", f"没有账号{name}")
    settings = login_settings(con)
    token = secrets.token_urlsafe(TOKEN_BYTES)

    def write():
        _run(con, "tokens_purge", before=now - timedelta(minutes=settings.idle_minutes))
        _run(con, "token_insert", token_hash=token_hash(token), name=name,
             password_mark=_password_mark(rows[0]["password_hash"]), now=now)

    _in_transaction(con, write)
    return token


@dataclass(frozen=True)
class ResumeResult:
    """``account`` is set when the token resumed its login; else ``reason`` says why not: ``unknown`` (no such
    token, or no token at all), ``no_account``, ``disabled``, ``locked``, ``password_changed`` (changed or reset
    since the token was made), ``must_change`` (the account must change its password first), ``idle`` (not used
    for longer than session_idle_minutes)."""

    account: Account | None
    reason: str

    @property
    def ok(self) -> bool:
        return self.account is not None


def resume_login(con: duckdb.DuckDBPyConnection, token: str | None, now: datetime | None = None) -> ResumeResult:
    """Resume a login from a token (the cookie of a new browser session) on a writable connection. A token that
    passes every check is marked used at ``now`` and the resume is an audit entry (``login_resumed``); a known
    token that fails one is deleted, with a ``login_refused`` entry (``logout`` with reason idle for an idle one,
    as a session's own idle end writes). An unknown token writes nothing."""
    now = now or datetime.now()
    if not token or len(token) > TOKEN_MAX_LENGTH:
        return ResumeResult(None, "unknown")
    hashed = token_hash(token)
    rows = _rows(_run(con, "token_lookup", token_hash=hashed))
    if not rows:
        return ResumeResult(None, "unknown")
    row = rows[0]
    name = row["account_name"]
    if row["name"] is None:
        reason = "no_account"
    elif row["disabled"]:
        reason = "disabled"
    elif row["locked_until"] is not None and row["locked_until"] > now:
        reason = "locked"
    elif _password_mark(row["password_hash"]) != row["password_mark"]:
        reason = "password_changed"
    elif row["must_change_password"]:
        reason = "must_change"
    elif (now - row["last_seen_at"]).total_seconds() > login_settings(con).idle_minutes * 60:
        reason = "idle"
    else:
        reason = "ok"
    since = row["created_at"].isoformat(timespec="seconds")
    if reason != "ok":
        def refuse():
            _run(con, "token_delete", token_hash=hashed)
            if reason == "idle":
                _audit(con, name, "logout", name, {"reason": "idle"})
            else:
                _audit(con, name, "login_refused", name, {"reason": reason, "via": "session cookie",
                                                          "logged_in_at": since})

        _in_transaction(con, refuse)
        return ResumeResult(None, reason)

    def resume():
        _run(con, "token_touch", token_hash=hashed, now=now)
        _audit(con, name, "login_resumed", name, {"via": "session cookie", "logged_in_at": since})

    _in_transaction(con, resume)
    account = Account(**{k: row[k] for k in Account.__dataclass_fields__ if k != "created_at"},
                      created_at=row["account_created_at"])
    return ResumeResult(account, "ok")


def touch_login_token(con: duckdb.DuckDBPyConnection, token: str, now: datetime | None = None) -> None:
    """The session holding ``token`` was active at ``now`` (ui/login.py calls it at most every touch_seconds)."""
    now = now or datetime.now()
    _in_transaction(con, lambda: _run(con, "token_touch", token_hash=token_hash(token), now=now))


# ---------------------------------------------------------------------------------------------- the demo

# The demo city's accounts (README "Demo accounts"): DEMO-ONLY passwords, printed by `riskdash demo` and
# written in the README. They need no change at the first login, so that the README's run command shows a
# working dashboard in one step; a real database never gets them.
DEMO_ACCOUNTS: list[tuple[str, str, str]] = [  # name, role, password
    ("admin", "admin", "Demo-Adm1n!"),
    ("county", "county", "Demo-Cnty1!"),
    ("township", "township", "Demo-Town1!"),
    ("viewer", "viewer", "Demo-View1!"),
]


def add_demo_accounts(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The demo accounts: the county account on the first county (by code), the township account on that
    county's first township, the viewer on the second county (the first when there is one)."""
    counties = [r[0] for r in _run(con, "demo_regions", level="county", parent=None).fetchall()]
    if not counties:
        raise db.RiskdashError("the demo city has no county")
    township = _run(con, "demo_regions", level="township", parent=counties[0]).fetchone()
    regions = {"admin": None, "county": counties[0], "township": township[0] if township else None,
               "viewer": counties[1] if len(counties) > 1 else counties[0]}
    made = []
    for name, role, password in DEMO_ACCOUNTS:
        if role == "township" and regions[role] is None:
            continue
        account = add_account(con, name, role, regions[role], password, actor="riskdash demo",
                              must_change_password=False)
        made.append({"name": name, "role": role, "region_code": account.region_code, "password": password})
    return made


# ---------------------------------------------------------------------------------------------- writes

# What a county or township account records (within its region); every other kind is reference data, the
# admin's (regions, sectors, targets, denominators, checklist items, zero-report windows, risk weights and
# levels, settings).
RECORD_KINDS = ("enterprises", "accidents", "inspections", "hazards", "key-sites", "checklist-status",
                "township-stations", "accident-measures", "zero-reports", "warning-meetings",
                "campaign-pairs")


def check_may_write(account: Account | None, kind_name: str) -> None:
    """Whether ``account`` may write rows of ``kind_name`` at all (None: the command line, the file's owner,
    or a database without accounts: everything)."""
    if account is None or account.is_admin:
        return
    if not account.can_write:
        raise AccountError(f"account {account.name} is read-only ({account.role}): nothing written",
                           f"账号{account.name}为只读账号，未写入任何数据")
    if kind_name not in RECORD_KINDS:
        raise AccountError(f"{kind_name}: reference data and settings are the admin's; nothing written",
                           f"{kind_name}：基础数据与设置仅限管理员修改，未写入任何数据")


# The account a dashboard write is made by: the write window (ui/write_window.py) sets it around every write
# of a logged-in session, so that the importer and the record forms bound the write by the account's region
# and record the account as the actor, whatever path a screen took to them. None: the command line (the
# file's owner) or a database without accounts.
_acting: ContextVar[Account | None] = ContextVar("riskdash_acting_account", default=None)


@contextmanager
def acting_as(account: Account | None):
    token = _acting.set(account)
    try:
        yield account
    finally:
        _acting.reset(token)


def acting() -> Account | None:
    return _acting.get()


def actor_for(actor: str | None) -> str | None:
    """The actor of a write: the acting account's name when there is one (never a name typed in a form)."""
    account = acting()
    return account.name if account is not None else actor


def check_hazard_in_scope(con: duckdb.DuckDBPyConnection, account: Account | None, hazard_id: str) -> None:
    """A step of a hazard's closed loop by a bounded account: the hazard's enterprise must lie in its region."""
    scope = account_scope(account)
    if scope is None:
        return
    if not _run(con, "hazard_within", hazard_id=hazard_id, bound=scope).fetchone()[0]:
        raise AccountError(f"hazard {hazard_id}: outside the region of account {account.name} ({scope}); "
                           "nothing written",
                           f"隐患{hazard_id}不在账号{account.name}的辖区（{scope}）内，未写入任何数据")


def check_inspection_in_scope(con: duckdb.DuckDBPyConnection, account: Account | None, inspection_id: str) -> None:
    """Evidence attached to an inspection by a bounded account: the inspection's enterprise must lie in its region."""
    scope = account_scope(account)
    if scope is None:
        return
    if not _run(con, "inspection_within", inspection_id=inspection_id, bound=scope).fetchone()[0]:
        raise AccountError(f"inspection {inspection_id}: outside the region of account {account.name} ({scope}); "
                           "nothing written",
                           f"检查记录{inspection_id}不在账号{account.name}的辖区（{scope}）内，未写入任何数据")
