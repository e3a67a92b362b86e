"""Command-line commands contributed by screens: one module per command family.

Each module defines ``register(commands, metrics)``: ``commands`` is the top-level subparsers object
(``riskdash import ...``), ``metrics`` the one under ``riskdash metrics`` (``riskdash metrics priority``).
A parser it adds sets ``handler=<function(args) -> int>`` with ``set_defaults``. Shared argument types and
JSON printing are in ``riskdash.cli``; errors for the user are ``riskdash.db.RiskdashError``.
"""
