"""Options validation, keys, and the providers we cannot call here (construction only)."""

from __future__ import annotations

import tomllib

import pytest
import requests
from deep_translator import exceptions as dt
from pydantic import ValidationError

from jsr_nlp.errors import TranslationError
from jsr_nlp.translate import PROVIDERS, TranslateOptions, translate_text
from jsr_nlp.translate.providers import Provider
from jsr_nlp.translate.retry import SegmentProblem, Transient

SECRET = "sk-do-not-print-42"


def test_pipeline_toml_table_validates_into_options(tmp_path):
    table = tomllib.loads(
        """
        [translate]
        provider = "libre"
        target = "en"
        url = "http://127.0.0.1:5000"
        timeout = 5
        max_retries = 2
        batch_chars = 1500
        """
    )["translate"]
    options = TranslateOptions.model_validate(table)
    assert options.url == "http://127.0.0.1:5000/"
    assert (options.timeout, options.max_retries, options.batch_chars) == (5, 2, 1500)


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"provider": "babelfish"}, "provider"),
        ({"translator": "google"}, "Extra inputs are not permitted"),
        ({"provider": "libre", "url": "127.0.0.1:5000"}, "must start with http"),
        ({"provider": "google", "url": "http://x/"}, "applies to provider 'libre' only"),
        ({"provider": "deepl", "region": "westeurope"}, "applies to provider 'microsoft'"),
        ({"target": "es"}, "source and target are both"),
        ({"timeout": 0}, "greater than 0"),
        ({"max_retries": -1}, "greater than or equal to 0"),
    ],
)
def test_bad_options_are_refused(fields, problem):
    with pytest.raises(ValidationError, match=problem):
        TranslateOptions(**fields)


@pytest.mark.parametrize(
    ("provider", "var"),
    [
        ("libre", "LIBRETRANSLATE_API_KEY"),
        ("deepl", "DEEPL_API_KEY"),
        ("microsoft", "MICROSOFT_TRANSLATOR_KEY"),
    ],
)
def test_keys_come_from_the_environment_and_never_show(provider, var):
    options = TranslateOptions.from_env({var: SECRET}, provider=provider)
    assert options.key() == SECRET
    for shown in (
        repr(options),
        str(options),
        options.model_dump_json(),
        str(options.model_dump()),
    ):
        assert SECRET not in shown


def test_key_is_read_at_call_time_when_not_in_options(monkeypatch):
    options = TranslateOptions(provider="deepl")
    assert options.key() is None
    monkeypatch.setenv("DEEPL_API_KEY", SECRET)
    assert options.key() == SECRET


def test_explicit_key_wins_over_environment():
    options = TranslateOptions.from_env({"DEEPL_API_KEY": "env"}, provider="deepl", api_key="own")
    assert options.key() == "own"


def test_microsoft_region_from_environment():
    options = TranslateOptions.from_env(
        {"MICROSOFT_TRANSLATOR_KEY": SECRET, "MICROSOFT_TRANSLATOR_REGION": "westeurope"},
        provider="microsoft",
    )
    assert options.region == "westeurope"


@pytest.mark.parametrize(
    ("provider", "var"), [("deepl", "DEEPL_API_KEY"), ("microsoft", "MICROSOFT_TRANSLATOR_KEY")]
)
def test_provider_that_needs_a_key_says_where_to_put_it(provider, var):
    with pytest.raises(TranslationError, match=var) as info:
        Provider(TranslateOptions(provider=provider))
    assert info.value.exit_code == 2


@pytest.mark.parametrize("provider", ["google", "deepl", "mymemory"])
def test_clients_are_built_without_calling_the_network(provider):
    # Only the constructors run: they validate languages and keys offline.
    # (MicrosoftTranslator's constructor calls the network, so it is never built here.)
    p = Provider(TranslateOptions(provider=provider, api_key=SECRET))
    p.connect()
    assert p._client is not None


def test_mymemory_gets_its_regional_language_codes():
    p = Provider(TranslateOptions(provider="mymemory"))
    p.connect()
    assert (p._client.source, p._client.target) == ("es-ES", "en-GB")


def test_unknown_target_language_stops_before_any_call():
    with pytest.raises(TranslationError, match="does not support translating 'es' into 'xx'"):
        translate_text(
            "La guerra.", [(0, 10)], [], [], TranslateOptions(target="xx", no_cache=True)
        )


def test_request_limits_follow_the_providers():
    assert Provider(TranslateOptions()).limit == PROVIDERS["google"].char_limit
    assert Provider(TranslateOptions(batch_chars=9000)).limit < 5000  # client refuses >= 5000
    assert Provider(TranslateOptions(provider="mymemory")).limit < 500
    assert Provider(TranslateOptions(provider="libre", batch_chars=9000)).limit == 9000


def test_cache_identity_includes_the_server():
    a = Provider(TranslateOptions(provider="libre", url="http://127.0.0.1:1/"))
    b = Provider(TranslateOptions(provider="libre", url="http://127.0.0.1:2/"))
    assert a.identity != b.identity


@pytest.mark.parametrize(
    ("exc", "outcome"),
    [
        (dt.TooManyRequests(), Transient),
        (dt.ServerException(429), Transient),
        (dt.ServerException(500), Transient),
        (dt.ServerException(503), Transient),
        (dt.ServerException(502), Transient),  # unknown code: "API server error"
        (dt.RequestError(), Transient),
        (requests.Timeout(), Transient),
        (requests.ConnectionError(f"http://x/translate?api_key={SECRET}"), Transient),
        (ValueError("bad json"), Transient),
        (dt.NotValidLength("x", 0, 5000), SegmentProblem),
        (dt.TranslationNotFound("x"), SegmentProblem),
        (dt.ServerException(413), SegmentProblem),
        (dt.MicrosoftAPIerror({"code": 429001, "message": "slow"}), Transient),
        (dt.MicrosoftAPIerror({"code": 400050, "message": "too long"}), SegmentProblem),
        (dt.AuthorizationException(SECRET), TranslationError),
        (dt.ApiKeyException("LIBRE_API_KEY"), TranslationError),
        (dt.LanguageNotSupportedException("xx"), TranslationError),
        (dt.ServerException(400), TranslationError),
        (dt.ServerException(401), TranslationError),
        (dt.ServerException(404), TranslationError),
        (dt.MicrosoftAPIerror({"code": 401000, "message": "bad key"}), TranslationError),
        (dt.MicrosoftAPIerror({"code": 400036, "message": "bad target"}), TranslationError),
    ],
)
def test_client_errors_are_classified(exc, outcome):
    p = Provider(TranslateOptions(provider="libre", api_key=SECRET))
    if outcome is TranslationError:
        with pytest.raises(TranslationError) as info:
            p.classify(exc)
        assert SECRET not in str(info.value)
    else:
        result = p.classify(exc)
        assert isinstance(result, outcome)
        assert SECRET not in result.reason
