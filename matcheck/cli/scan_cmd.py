"""``matcheck scan FOLDER``: one row per file: type, material, person, confidence and key fields."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from matcheck.cli.common import (EXIT_OK, Lang, UsageError, check_ocr_backend, handle_errors, info, lang_option,
                                 output_option, reading_progress, show_pii_option, write_output)


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
        cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", envvar="MATCHECK_CACHE_DIR",
                                                 help="Where extraction results are cached (default: ~/.cache/matcheck)."),
        lang: Lang = lang_option(),
        show_pii: bool = show_pii_option(),
    ) -> None:
        """What each file in a folder is, whose it is, and what it says (offline OCR for images)."""
        check_ocr_backend()
        from matcheck.documents import scan_folder
        from matcheck.report import renderer
        from matcheck.report.pii import render_masked

        if not folder.exists():
            raise UsageError(f"{folder}: no such folder (expected an applicant's folder of documents)")
        if not folder.is_dir():
            raise UsageError(f"{folder}: not a folder (expected an applicant's folder of documents)")
        if profile is not None and not profile.is_file():
            raise UsageError(f"--profile: {profile}: no such file (expected a profile.yaml)")
        fmt = renderer(format, "scan")
        documents = scan_folder(folder, profile_path=profile, use_cache=not no_cache, cache_dir=cache_dir,
                                progress=reading_progress())
        write_output(render_masked(lambda: fmt.scan(documents, lang=lang.value), show_pii), output)
        files = {d.path for d in documents}
        info(f"scan: {len(files)} files, {sum(1 for d in documents if d.material)} documents recognised, "
             f"{sum(1 for d in documents if d.observations)} with problems")
        raise typer.Exit(EXIT_OK)

