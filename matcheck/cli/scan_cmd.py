"""``matcheck scan FOLDER``: one row per file: type, material, person, confidence and key fields."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from matcheck.cli.common import (EXIT_OK, Lang, handle_errors, lang_option, mask_output, output_option,
                                 show_pii_option, write_output)


def register(app: typer.Typer) -> None:
    @app.command("scan")
    @handle_errors
    def scan(
        folder: Path = typer.Argument(..., help="A folder of supplied files."),
        profile: Optional[Path] = typer.Option(None, "--profile", "-p", envvar="MATCHECK_PROFILE",
                                               help="Profile used to tell whose each file is (default: FOLDER/profile.yaml if present)."),
        format: str = typer.Option("text", "--format", "-f", envvar="MATCHECK_FORMAT", help="text | json"),
        output: Optional[Path] = output_option(),
        no_cache: bool = typer.Option(False, "--no-cache", envvar="MATCHECK_NO_CACHE",
                                      help="Read every file again (ignore the extraction cache)."),
        lang: Lang = lang_option(),
        show_pii: bool = show_pii_option(),
    ) -> None:
        """What each file in a folder is, whose it is, and what it says (offline OCR for images)."""
        from matcheck.documents import scan_folder
        from matcheck.report import renderer

        fmt = renderer(format, "scan")
        documents = scan_folder(folder, profile_path=profile, use_cache=not no_cache)
        write_output(mask_output(fmt.scan(documents, lang=lang.value), show_pii), output)
        raise typer.Exit(EXIT_OK)
