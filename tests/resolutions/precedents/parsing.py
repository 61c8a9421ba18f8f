"""Shared by the importer tests: our own fixture texts and the parse as a dict."""
from pathlib import Path

from resolutions.precedents.importer import parse_resolution

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MB = 1024 * 1024

KEYS = {"file", "title", "resolved", "whereas", "supporting", "footnotes", "calls", "filers", "warnings"}


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def parse(text: str) -> dict:
    return parse_resolution(text).as_dict()


def call_numbers(result: dict) -> list[int]:
    return [call["number"] for call in result["calls"]]
