"""The operator console's gate: nothing of it without an operator key, a
signed HttpOnly SameSite=Strict cookie holding no key, a revoked key signs
out, and no file of it points anywhere but refgraph."""

import re
from pathlib import Path

import pytest

import api.console
from graph import vocabulary
from graph.rules import DEFAULT_RULES
from graph.store import keys, users

STATIC = Path(api.console.__file__).with_name("static")


@pytest.fixture
def console(app):
    """The app; create_app registers the console itself."""
    assert "console" in app.blueprints
    return app


@pytest.fixture
def browser(console):
    return console.test_client()


def sign_in(browser, key, **kwargs):
    return browser.post("/console/session", data={"key": key}, **kwargs)


@pytest.fixture
def operator_key(graph_backend):
    return keys.create(graph_backend, "operator")[0]


def test_signed_out_shows_only_the_sign_in_page(browser):
    page = browser.get("/console")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'action="/console/session"' in html and "refgraph keys create --role operator" in html
    assert "/console/static/" not in html           # no part of the console itself
    assert page.headers["Cache-Control"] == "no-store"
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    for asset in ("app.js", "console.css", "index.html", "user.js", "missing.js"):
        response = browser.get(f"/console/static/{asset}")
        assert response.status_code == 401, asset
        assert response.get_json()["code"] == "unauthorized"


@pytest.mark.parametrize("key, status, says", [
    ("", 401, "Paste an operator API key"),
    ("rgk_nope_nope", 401, "not valid"),
    ("not a key at all", 401, "not valid"),
])
def test_a_wrong_key_is_refused_with_what_to_do(browser, key, status, says):
    response = sign_in(browser, key)
    assert response.status_code == status
    html = response.get_data(as_text=True)
    assert says in html and "refgraph keys create --role operator" in html
    assert "Set-Cookie" not in response.headers
    assert browser.get("/console/static/app.js").status_code == 401


def test_a_member_key_is_not_enough(browser, graph_backend):
    users.register(graph_backend, id="ann", name="Ann", roles=["buyer"], rules=DEFAULT_RULES,
                   root=True)
    member = keys.create(graph_backend, "member", "ann")[0]
    response = sign_in(browser, member)
    assert response.status_code == 403
    assert "This is a member key" in response.get_data(as_text=True)
    assert browser.get("/console/static/app.js").status_code == 401


def test_an_operator_signs_in_and_gets_the_console(browser, operator_key):
    response = sign_in(browser, operator_key)
    assert response.status_code == 303 and response.headers["Location"] == "/console"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/console" in cookie
    assert operator_key.split("_", 2)[2] not in cookie     # the cookie never holds the key
    shell = browser.get("/console")
    assert shell.status_code == 200
    assert '<script type="module" src="/console/static/app.js">' in shell.get_data(as_text=True)
    assert "script-src 'self';" in shell.headers["Content-Security-Policy"]
    for asset in ("app.js", "util.js", "charts.js", "network.js", "console.css"):
        response = browser.get(f"/console/static/{asset}")
        assert response.status_code == 200, asset
        assert response.headers["Cache-Control"] == "private, no-cache"
    assert browser.get("/console/static/app.js").mimetype in ("text/javascript",
                                                              "application/javascript")
    assert browser.get("/console/static/missing.js").status_code == 404
    assert browser.get("/console/static/../__init__.py").status_code == 404


def test_the_vocabulary_is_for_a_signed_in_operator_only(browser, graph_backend, operator_key):
    assert browser.get("/console/vocabulary.json").status_code == 401
    sign_in(browser, operator_key)
    response = browser.get("/console/vocabulary.json")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-cache"
    assert response.get_json() == vocabulary.as_dict()
    keys.revoke(graph_backend, operator_key)
    assert browser.get("/console/vocabulary.json").status_code == 401


def test_a_revoked_key_signs_the_console_out(browser, graph_backend, operator_key):
    sign_in(browser, operator_key)
    assert browser.get("/console/static/app.js").status_code == 200
    keys.revoke(graph_backend, operator_key)
    assert browser.get("/console/static/app.js").status_code == 401
    page = browser.get("/console")
    assert "revoked" in page.get_data(as_text=True)
    assert "/console/static/app.js" not in page.get_data(as_text=True)


def test_signing_out(browser, operator_key):
    sign_in(browser, operator_key)
    response = browser.post("/console/session/delete")
    assert response.status_code == 303
    assert browser.get("/console/static/app.js").status_code == 401
    assert "Signed out" in browser.get("/console").get_data(as_text=True)
    sign_in(browser, operator_key)
    assert browser.delete("/console/session").status_code == 204
    assert browser.get("/console/static/app.js").status_code == 401


def test_another_site_cannot_post_the_forms(browser, operator_key):
    evil = {"Origin": "https://evil.example"}
    assert sign_in(browser, operator_key, headers=evil).status_code == 403
    assert browser.get("/console/static/app.js").status_code == 401
    sign_in(browser, operator_key, headers={"Origin": "http://localhost"})
    assert browser.get("/console/static/app.js").status_code == 200
    assert browser.post("/console/session/delete", headers=evil).status_code == 403
    cross_site = {"Sec-Fetch-Site": "cross-site", "Origin": "http://localhost"}
    assert browser.post("/console/session/delete", headers=cross_site).status_code == 403
    assert browser.get("/console/static/app.js").status_code == 200


def test_a_cookie_signed_with_another_secret_is_ignored(console, operator_key):
    browser = console.test_client()
    sign_in(browser, operator_key)
    console.secret_key = "another secret"          # as after a restart without SECRET_KEY
    assert browser.get("/console/static/app.js").status_code == 401


def test_init_app_is_idempotent_and_keeps_a_configured_secret(graph_backend):
    from api import create_app

    app = create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend, "SECRET_KEY": "s3cret"})
    api.console.init_app(app)
    api.console.init_app(app)
    assert app.secret_key == "s3cret"
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Strict"
    other = create_app({"TESTING": True, "GRAPH_BACKEND": graph_backend})
    api.console.init_app(other)
    assert len(other.secret_key) >= 32 and other.secret_key != "s3cret"


def test_the_console_is_not_in_the_openapi_document(browser):
    paths = browser.get("/openapi.json").get_json()["paths"]
    assert not [path for path in paths if path.startswith("/console")]


def test_no_file_of_the_console_refers_to_another_site():
    allowed = {"http://www.w3.org/2000/svg"}      # an XML namespace, never fetched
    found = set()
    for path in STATIC.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            found |= set(re.findall(r"(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s\"')]*", text))
            assert "@import" not in text and "url(" not in text, path
    assert found <= allowed, found - allowed



def test_only_console_requests_have_a_session(console):
    """The API's requests (a sale per checkout) build no cookie session."""
    from flask import session
    from flask.sessions import NullSession

    for path in ("/v1/sales", "/health", "/consoles"):
        with console.test_request_context(path, method="POST"):
            assert isinstance(session._get_current_object(), NullSession), path
    for path in ("/console", "/console/session", "/console/static/app.js"):
        with console.test_request_context(path):
            assert not isinstance(session._get_current_object(), NullSession), path
