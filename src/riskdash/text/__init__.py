"""Interface text of each screen, one module per screen (``TEXT`` and optionally ``ENUMS``, shaped like
``riskdash.i18n.TEXT`` / ``ENUMS``); ``riskdash.i18n`` merges them and refuses a key defined twice."""
