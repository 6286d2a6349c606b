"""Webhook signing secrets at rest: sealed under the platform's master key.

refgraph signs every delivery with the secret it showed the operator once,
so it must keep that secret, but never in the clear: the database (and so
FalkorDB's append-only file, its snapshots and every backup) holds only the
secret sealed with AES-256-GCM (``cryptography``) under a key derived by
HKDF-SHA256 from the master key institution secrets are derived from
(``INSTITUTION_KEY``, else the embedded database's ``institution.key``:
:func:`graph.settlement.master_key`), which is never in the database.  Each
seal has its own random 96-bit nonce, and the endpoint's id is the
associated data, so a sealed secret copied onto another endpoint does not
open.  The stored text is ``rgseal1.<key id>.<base64url(nonce + ciphertext)>``;
the key id (:func:`graph.settlement.key_id`) lets a database opened with
another master key say so instead of failing every delivery.

An institution's secret is derived from a stored salt instead (nothing to
seal); a webhook secret cannot be, because an older refgraph stored it in
plain text and the receivers have that very value: it is sealed as it is
(:func:`graph.store.webhooks.seal_plaintext_secrets`, at start-up).
"""

from __future__ import annotations

import base64
import binascii
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..errors import ConfigurationError
from ..settlement import key_id, master_key

#: the version tag every sealed secret starts with
PREFIX = "rgseal1"
#: HKDF's info: this key is for webhook secrets and nothing else
_INFO = b"refgraph webhook signing secret v1"
_NONCE_BYTES = 12


def master_of(backend: Any, setting: str | None = None) -> bytes:
    """The master key for ``backend``: ``setting`` (``INSTITUTION_KEY``),
    else the key file of the embedded database it runs on
    (:func:`graph.settlement.master_key`; a remote database needs the setting)."""
    server = getattr(backend, "server", None)
    return master_key(setting, server.data_dir if server is not None else None)


class Sealer:
    """Seals and opens webhook secrets under one master key.

    >>> sealer = Sealer(b"k" * 32)
    >>> sealed = sealer.seal("wh1", "whsec_abc")
    >>> sealed.startswith("rgseal1."), "whsec_abc" in sealed, sealer.open("wh1", sealed)
    (True, False, 'whsec_abc')
    >>> sealer.seal("wh1", "whsec_abc") == sealed          # a new nonce each time
    False
    >>> sealer.open("wh2", sealed)
    Traceback (most recent call last):
    ...
    graph.errors.ConfigurationError: the signing secret of webhook endpoint 'wh2' does not open: it was sealed for another endpoint or is damaged; rotate it (POST /v1/webhooks/wh2/rotate-secret)
    """

    def __init__(self, master: bytes) -> None:
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(master)
        self._aead = AESGCM(key)
        self.key_id = key_id(master)

    def seal(self, endpoint_id: str, secret: str) -> str:
        """``secret`` sealed for endpoint ``endpoint_id``."""
        nonce = os.urandom(_NONCE_BYTES)
        box = nonce + self._aead.encrypt(nonce, secret.encode(), endpoint_id.encode())
        return f"{PREFIX}.{self.key_id}.{base64.urlsafe_b64encode(box).decode().rstrip('=')}"

    def open(self, endpoint_id: str, sealed: str) -> str:
        """The secret ``sealed`` holds; :class:`~graph.errors.ConfigurationError`
        (saying what to do) when it was sealed under another master key,
        for another endpoint, or is damaged."""
        prefix, sealed_key, text = (sealed.split(".", 2) + ["", ""])[:3]
        if prefix != PREFIX:
            raise ConfigurationError(
                f"the signing secret of webhook endpoint {endpoint_id!r} is not sealed in a "
                f"form this refgraph knows ({prefix[:16]!r}); rotate it (POST "
                f"/v1/webhooks/{endpoint_id}/rotate-secret)")
        if sealed_key != self.key_id:
            raise ConfigurationError(
                f"the signing secret of webhook endpoint {endpoint_id!r} was sealed under "
                f"master key {sealed_key}, but this refgraph's key is {self.key_id}: set "
                "REFGRAPH_INSTITUTION_KEY to the key it was sealed under (the content of "
                "institution.key where it was made), or rotate the secret")
        try:
            box = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            plain = self._aead.decrypt(box[:_NONCE_BYTES], box[_NONCE_BYTES:],
                                       endpoint_id.encode())
        except (InvalidTag, binascii.Error, ValueError):
            raise ConfigurationError(
                f"the signing secret of webhook endpoint {endpoint_id!r} does not open: it was "
                "sealed for another endpoint or is damaged; rotate it (POST "
                f"/v1/webhooks/{endpoint_id}/rotate-secret)") from None
        return plain.decode()
