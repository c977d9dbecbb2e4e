"""Credentials out of URLs before a URL is shown or stored.

A self-hosted LibreTranslate server may be given as ``http://user:password@host/`` or with
its key in the query (``?api_key=...``). :func:`redact_url` is the one place that hides
them; every message, warning, manifest entry and cache key that could carry a URL goes
through it.

>>> redact_url("http://user:s3cret@127.0.0.1:5000/")
'http://user:***@127.0.0.1:5000/'
>>> redact_url("https://host/translate?api_key=s3cret&q=hola")
'https://host/translate?api_key=***&q=hola'
>>> redact_url("no libre service at http://token@host/ (404)")
'no libre service at http://***@host/ (404)'
"""

from __future__ import annotations

import re

#: ``scheme://userinfo@``: the userinfo runs to the last ``@`` of the authority, so a
#: password typed with a raw ``@`` in it is hidden whole.
_USERINFO = re.compile(r"(?P<scheme>\b[a-z][a-z0-9+.\-]*://)(?P<userinfo>[^\s/?#]*)@", re.I)
#: Query parameters that carry a secret (LibreTranslate's ``api_key``, DeepL's
#: ``auth_key``, the generic ``key``/``token``/``password`` and the like).
_SECRET_PARAM = re.compile(
    r"(?P<name>[?&;](?:api[_-]?key|auth[_-]?key|key|subscription[_-]?key|"
    r"(?:access[_-]?|auth[_-]?|api[_-]?)?token|password|passwd|pass|pwd|secret|"
    r"client[_-]?secret|signature|sig)=)[^&;#\s]*",
    re.I,
)
MASK = "***"


def _userinfo(m: re.Match[str]) -> str:
    user, colon, _ = m.group("userinfo").partition(":")
    shown = f"{user}:{MASK}" if colon else MASK
    return f"{m.group('scheme')}{shown}@"


def redact_url(text: str) -> str:
    """``text`` (a URL, or a message with URLs in it) with passwords and keys as ``***``.

    A user name stays visible (``user:***@``); a userinfo without a colon is usually a
    token and is hidden whole. Idempotent.

    >>> redact_url("http://user:p@ss@host/?key=k1;token=t2#frag")
    'http://user:***@host/?key=***;token=***#frag'
    >>> redact_url(redact_url("http://u:p@h/")) == "http://u:***@h/"
    True
    >>> redact_url("http://127.0.0.1:5000/")
    'http://127.0.0.1:5000/'
    """
    return _SECRET_PARAM.sub(rf"\g<name>{MASK}", _USERINFO.sub(_userinfo, text))
