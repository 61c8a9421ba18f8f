import pytest

from evidence.weburls import normalize_url, validate_web_url


@pytest.mark.parametrize(
    ("url", "normalized"),
    [
        ("HTTPS://Example.COM/Story", "https://example.com/Story"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com/a#section-2", "https://example.com/a"),
        ("https://example.com/a?utm_source=mail&utm_Medium=x&fbclid=1&gclid=2&id=7", "https://example.com/a?id=7"),
        ("https://example.com/a?b=2&a=1&a=0", "https://example.com/a?a=1&a=0&b=2"),
        ("https://example.com/reports/", "https://example.com/reports"),
        ("https://example.com/", "https://example.com/"),
        ("https://example.com", "https://example.com/"),
        ("  https://example.com/a  ", "https://example.com/a"),
    ],
)
def test_normalize_url(url, normalized):
    assert normalize_url(url) == normalized


def test_normalized_variants_of_one_page_are_equal():
    variants = [
        "https://www.sec.gov/cgi-bin/browse-edgar?company=amazon&action=getcompany",
        "HTTPS://WWW.SEC.GOV:443/cgi-bin/browse-edgar/?action=getcompany&company=amazon&utm_campaign=x#top",
    ]
    assert len({normalize_url(url) for url in variants}) == 1


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(document.cookie)", "not “javascript:” links"),
        ("JavaScript:alert(1)", "not “javascript:” links"),
        ("data:text/html;base64,PHNjcmlwdD4=", "not “data:” links"),
        ("file:///etc/passwd", "not “file:” links"),
        ("mailto:ir@example.com", "not “mailto:” links"),
        ("java\nscript:alert(1)", "cannot contain spaces or line breaks"),
        ("https://example.com/a b", "cannot contain spaces or line breaks"),
        ("", "Enter a web address."),
        ("example.com/report", "starting with https:// or http://"),
        ("example.com:8080/report", "starting with https:// or http://"),
        ("//example.com/report", "starting with https:// or http://"),
        ("https:///report", "no site name"),
        ("https://user:secret@example.com/", "user name or password"),
        ("https://example.com:99999/", "invalid port"),
    ],
)
def test_validate_web_url_refuses_non_web_addresses(url, message):
    with pytest.raises(ValueError, match=message):
        validate_web_url(url)


def test_validate_web_url_accepts_and_strips_web_addresses():
    assert validate_web_url("  https://investigate.afsc.org/company/amazon \n") == "https://investigate.afsc.org/company/amazon"
    assert validate_web_url("HTTP://example.com:8080/a?b=1#c") == "HTTP://example.com:8080/a?b=1#c"
